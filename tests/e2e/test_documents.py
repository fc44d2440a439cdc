"""Files from the start: added in the new-lead form before the lead exists, attached on save;
the Documents page lists them with their lead, finds them by name and category, and takes
uploads of its own."""
import re

from playwright.sync_api import expect

from tests.e2e.document_pages import DocumentsPage, FormFiles
from tests.e2e.lead_pages import LeadDetail, LeadForm
from tests.e2e.pages import LoginPage, Shell

SHOTS = "artifacts/screenshots"


def test_files_added_before_the_lead_exists_and_the_documents_page(page, demo_password, tmp_path):
    quote, extra, program = tmp_path / "tender quote 7731.pdf", tmp_path / "scratch 7731.txt", tmp_path / "tool.exe"
    quote.write_bytes(b"%PDF-1.4\n% quotation\n")
    extra.write_text("draft notes")
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00")
    brochure = tmp_path / "brochure 7731.pdf"
    brochure.write_bytes(b"%PDF-1.4\n% brochure\n")
    LoginPage(page).log_in("E03", demo_password)

    form = LeadForm(page).open_new()
    form.fill("Title", "Tender 7731 printers")
    form.pick_contact("Contact", "C000001", "C000001")
    files = FormFiles(page)
    files.add(quote)
    expect(files.listed("tender quote 7731.pdf")).to_be_visible()
    files.add(extra)
    expect(files.listed("scratch 7731.txt")).to_be_visible()
    files.add(program)
    expect(files.error()).to_have_text(re.compile(r"^tool\.exe: Files of type \.exe cannot be attached"))
    files.section().scroll_into_view_if_needed()
    page.screenshot(path=f"{SHOTS}/documents_new_lead_form.png")
    files.remove("scratch 7731.txt")
    expect(files.listed("scratch 7731.txt")).to_have_count(0)
    code = form.save()

    lead = LeadDetail(page)
    expect(lead.attachment("tender quote 7731.pdf")).to_be_visible()
    expect(lead.section("Timeline")).to_contain_text("Attached tender quote 7731.pdf")

    Shell(page).link("Documents").click()
    docs = DocumentsPage(page)
    expect(page.get_by_role("heading", name="Documents", level=1).first).to_be_visible()
    docs.upload(brochure, "Brochures", screenshot=f"{SHOTS}/documents_upload_dialog.png")
    docs.search("7731")
    expect(docs.rows()).to_have_count(3)  # the header and the two files; the removed one is gone
    row = docs.row("tender quote 7731.pdf")
    expect(row.get_by_role("link", name=re.compile(code))).to_have_attribute("href", f"/leads/{code}")
    expect(row).to_contain_text("Neha Joshi")
    href = row.get_by_role("link", name="tender quote 7731.pdf").get_attribute("href")
    assert page.request.get(href).body() == quote.read_bytes()  # through the checked download route
    expect(docs.row("brochure 7731.pdf")).to_contain_text("Brochures")
    page.screenshot(path=f"{SHOTS}/documents_page.png", full_page=True)

    docs.choose_category("Brochures")
    expect(docs.rows()).to_have_count(2)
    expect(docs.row("brochure 7731.pdf")).to_be_visible()
    docs.choose_category("No category")
    expect(docs.row("tender quote 7731.pdf")).to_be_visible()
    expect(docs.row("brochure 7731.pdf")).to_have_count(0)
    docs.search("7731 nothing-like-this")
    expect(docs.empty()).to_be_visible()
