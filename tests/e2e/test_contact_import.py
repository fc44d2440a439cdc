"""The contact import wizard end to end: a small messy file (headers in another
case and order, an extra column, invalid and duplicate rows), the expected
summary, the result sheet downloaded and re-imported as associated contacts."""
import re
from pathlib import Path

from openpyxl import Workbook, load_workbook
from playwright.sync_api import expect

from tests.e2e.pages import LoginPage


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _stat(page, label: str):
    return page.get_by_role("group", name=label, exact=True).get_by_role("heading")


def _upload(page, path: Path) -> None:
    page.goto("/import")
    page.locator("input[type=file]").set_input_files(str(path))
    expect(page).to_have_url(re.compile(r"/import/\d+$"))


def _import_all(page) -> None:
    page.get_by_role("button", name=re.compile(r"^Import [\d,]+ contacts")).click()
    page.get_by_role("alertdialog").get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("The import is complete.")).to_be_visible(timeout=30_000)


def test_messy_file_through_the_wizard_then_associated_contacts(page, demo_password, tmp_path):
    LoginPage(page).log_in("E01", demo_password)
    page.goto("/contacts")
    page.get_by_role("button", name="Import").click()
    page.get_by_role("menuitem", name="Import contacts from a spreadsheet").click()
    expect(page.get_by_role("navigation", name="Import steps")).to_be_visible()
    messy = _xlsx(tmp_path / "messy.xlsx", [
        ["EMAIL-ADDRESS", "name", "Favourite colour", "TYPE OF CONTACT", "Mobile No.", "city"],
        ["alpha@import.example", "Wizard Alpha Traders", "blue", "customer", 9876500001.0, "Ahmedabad"],
        ["beta@import.example", "Wizard Beta Works", "red", "Vendor", "98765 00002", "Surat"],
        ["", "", "green", "Customer", "", ""],  # no name
        ["gamma@import.example", "Wizard Gamma", "", "Friend", "", ""],  # not a type of contact
        ["ALPHA@import.example", "Wizard Alpha Again", "", "Customer", "", ""],  # repeats row 2's e-mail
    ])
    _upload(page, messy)
    expect(page.get_by_label("Field for EMAIL-ADDRESS")).to_have_text("Email Address")
    expect(page.get_by_label("Field for TYPE OF CONTACT")).to_have_text("Type Of Contact *")
    expect(page.get_by_text("Not imported: Favourite colour")).to_be_visible()
    page.get_by_role("button", name="Check the rows").click()
    expect(_stat(page, "Rows in the sheet")).to_have_text("5")
    expect(_stat(page, "Valid")).to_have_text("2")
    expect(_stat(page, "Invalid")).to_have_text("2")
    expect(_stat(page, "Duplicates")).to_have_text("1")
    problems = page.get_by_role("region", name="Rows with problems")
    expect(problems.get_by_role("article", name="Row 4")).to_contain_text("Name")
    expect(problems.get_by_role("article", name="Row 5")).to_contain_text("Friend")
    problems.get_by_role("radio", name=re.compile("Duplicates")).click()
    expect(problems.get_by_role("article", name="Row 6")).to_be_visible()
    _import_all(page)
    for label, value in (("Total records in sheet", "5"), ("New records created", "2"), ("Records updated", "0"),
                         ("Valid records", "2"), ("Invalid records", "2"), ("Duplicate records", "1")):
        expect(_stat(page, label)).to_have_text(value)
    page.reload()  # the summary is the job's, not the page's
    expect(_stat(page, "New records created")).to_have_text("2")
    result = _download(page, "Result sheet (Contact Codes)", tmp_path / "result.xlsx")
    sheet = load_workbook(result).active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert header[0] == "Contact Code" and len(rows) == 2
    alpha = next(r for r in rows if "Wizard Alpha Traders" in r.values())  # the file's own headers are kept
    assert re.fullmatch(r"C\d+", alpha["Contact Code"])

    # Second import from the result sheet: a person who is an employee of Alpha.
    people = _xlsx(tmp_path / "people.xlsx", [
        ["Name", "Type Of Contact", "Relation", "Relation To", "Email Address"],
        ["Wizard Person One", "Other", "Employee", alpha["Contact Code"], "person.one@import.example"],
    ])
    _upload(page, people)
    page.get_by_role("button", name="Check the rows").click()
    expect(_stat(page, "Valid")).to_have_text("1")
    page.get_by_role("combobox", name="Key Account Manager").click()
    page.get_by_role("option", name="Neha Joshi").click()
    expect(page.get_by_role("combobox", name="Key Account Manager")).to_have_text("Neha Joshi")
    _import_all(page)
    expect(_stat(page, "New records created")).to_have_text("1")
    page.goto(f"/contacts/{alpha['Contact Code']}")
    expect(page.get_by_text("Wizard Person One")).to_be_visible()
    page.goto("/import/history")
    expect(page.get_by_role("row", name=re.compile("messy.xlsx"))).to_contain_text("Done")


def test_unusable_files_are_refused_with_one_sentence(page, demo_password, tmp_path):
    LoginPage(page).log_in("E01", demo_password)
    page.goto("/import")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a spreadsheet")
    page.locator("input[type=file]").set_input_files(str(notes))
    expect(page.get_by_role("alert")).to_have_text("Upload an .xlsx, .xls or .csv file (the template is an .xlsx).")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    page.locator("input[type=file]").set_input_files(str(broken))
    expect(page.get_by_role("alert")).not_to_have_text(re.compile("^Upload an"))
    refusal = page.get_by_role("alert").inner_text()
    assert refusal.count(".") <= 2 and "again" in refusal or "Excel" in refusal, refusal
    expect(page).to_have_url(re.compile(r"/import/?$"))
    header_only = _xlsx(tmp_path / "header-only.xlsx", [["Name", "Type Of Contact"]])
    page.locator("input[type=file]").set_input_files(str(header_only))
    expect(page.get_by_role("alert")).to_have_text(
        "The sheet has a header row but no contacts under it; add rows and upload it again.")
    expect(page).to_have_url(re.compile(r"/import/?$"))


def test_export_downloads_the_filtered_list_in_the_template_columns(page, demo_password, tmp_path):
    LoginPage(page).log_in("E01", demo_password)
    page.goto("/contacts")
    page.get_by_label("Search contacts").fill("Shreeji")
    shown = page.get_by_text(re.compile(r"^Showing 1–\d+ of \d+$"))
    expect(shown).to_be_visible()
    expect(page.get_by_role("region", name="Contacts").get_by_role("row").nth(1)).to_contain_text("Shreeji")
    total = int(shown.inner_text().rsplit(" ", 1)[-1])
    sheet = load_workbook(_download(page, "Export", tmp_path / "export.xlsx")).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Contact Code", "Division", "Title", "Name"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == total and all("shreeji" in (r[3] or "").lower() or r[4] for r in rows)


def test_generated_sheets_download_every_time(page, demo_password):
    """The template and the export are made for each request and removed once sent: each of
    several downloads in a row arrives whole (when the server was handed the file's path to
    send while it was being removed, most of them came back "Not found")."""
    LoginPage(page).log_in("E01", demo_password)
    page.goto("/contacts")
    expect(page.get_by_role("button", name="Export")).to_be_visible()
    for url in ["/files/imports/template.xlsx", "/files/contacts/export.xlsx?sort=name"] * 4:
        response = page.request.get(url)
        assert response.status == 200, (url, response.status, response.text()[:80])
        assert response.body()[:2] == b"PK"  # an xlsx (zip), whole


def _download(page, button: str, path: Path) -> Path:
    """Click the button and keep the file it downloads at ``path``."""
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    download.value.save_as(path)
    return path
