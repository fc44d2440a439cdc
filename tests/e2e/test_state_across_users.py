"""After one person logs out and another logs in on the same browser tab, nothing of the
first person's pages shows: search boxes, filters, quick view, saved view, rows, the
export's count — not even for a moment. (An admin's export once held 1 contact instead
of 306 because an executive's search was still applied.)"""
import re

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.contact_pages import ContactList
from tests.e2e.lead_pages import LeadList
from tests.e2e.pages import LoginPage, Shell

# Records, on every frame the browser paints, what the pages' search boxes, filters and
# export show, so that a value shown for a single frame is caught too.
WATCH = """
window.__seen = [];
const look = () => {
  const q = (s) => document.querySelector(s);
  const shown = [q('input[aria-label="Search contacts"]')?.value, q('#export-scope')?.textContent,
                 q('[aria-describedby="export-scope"]')?.textContent, q('[aria-label="Stage"]')?.textContent,
                 q('input[aria-label="Search leads"]')?.value].map((v) => v || '').join(' | ');
  if (window.__seen[window.__seen.length - 1] !== shown) window.__seen.push(shown);
  requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


def test_the_next_person_on_this_tab_sees_nothing_of_the_previous_ones_pages(page, demo_password, tmp_path):
    login, shell = LoginPage(page), Shell(page)
    login.log_in("E02", demo_password)
    shell.link("Contacts").click()
    contacts = ContactList(page)
    contacts.search("Shreeji")
    contacts.choose_filter("Stage", "Customers")
    expect(contacts.export_scope()).to_have_text(
        "Filters of this list and its export: search: \u201cShreeji\u201d, stage: Customers.")
    expect(contacts.export_button()).to_have_text(re.compile(r"^Export \d+ contacts?$"))
    managers_export = contacts.export_button().inner_text()

    shell.link("Leads").click()
    leads = LeadList(page)
    leads.quick_view("All Leads").click()
    leads.search_box().fill("Order")
    leads.save_view("Ravi's orders")
    leads.apply_view("Ravi's orders")
    expect(leads.search_box()).to_have_value("Order")
    shell.log_out()

    page.add_init_script(WATCH)
    login.log_in("E01", demo_password)
    shell.link("Contacts").click()
    expect(contacts.showing()).to_be_visible()
    total = int(contacts.showing().inner_text().rsplit(" ", 1)[-1])
    expect(contacts.search_box()).to_have_value("")
    expect(contacts.filter("Stage")).to_have_text("Stage")  # the empty filter's placeholder
    expect(contacts.export_scope()).to_have_text(
        "No filters: this list and its export hold every contact you may see.")
    expect(contacts.export_button()).to_have_text(f"Export {total} contacts")
    book = load_workbook(contacts.export(tmp_path / "admin.xlsx"))
    assert book["Contacts"].max_row - 1 == total
    assert list(book["Filters"].iter_rows(values_only=True))[1] == ("(none)", "Every contact you may see")

    shell.link("Leads").click()
    expect(leads.search_box()).to_have_value("")
    expect(leads.quick_view("All Open Leads")).to_be_checked()
    leads.saved_views().click()
    expect(page.get_by_role("option", name="Ravi's orders")).to_have_count(0)
    page.keyboard.press("Escape")

    seen = page.evaluate("window.__seen")
    assert seen, "the watch saw nothing"
    leaks = [s for s in seen if "Shreeji" in s or "Customers" in s or managers_export in s or "Order" in s]
    assert leaks == [], leaks
