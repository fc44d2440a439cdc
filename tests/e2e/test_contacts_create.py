"""Create a company and a person with every section (the person's reference contact picked
with the keys), associate them, find the person by alias and by a differently formatted
mobile, see the duplicate warning."""
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.contact_pages import ContactDetail, ContactForm, ContactList
from tests.e2e.pages import LoginPage


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"contacts_{name}.png"))


def _company(form: ContactForm) -> str:
    form.open_new()
    form.choose("Title", "M/S")
    form.fill("Name", "Kalpana Textiles Pvt Ltd")
    form.choose("Type of contact", "Customer")
    form.switch("Customer (off: prospect)")
    form.add_alias("Kalpana Group")
    form.tick("Corporate")
    form.choose("Reference", "Campaign / activity")
    form.choose("Campaign / activity", "Trade Show 2026")
    form.choose("Industry", "Manufacturing")
    form.choose("Industry segment", "Textiles")
    form.tick("hoffice", within=form.group("Divisions"))
    form.choose("Key account manager", "Ravi Shah · E02")
    form.fill("E-mail", "sales@Kalpana.Example.com")
    form.fill("Office phone", "079 2686 2513")
    form.fill("Website", "www.kalpana.example.com")
    form.fill("LinkedIn", "linkedin.com/company/kalpana")
    form.fill("Address 1", "12, Ring Road")
    form.fill("City", "Surat")
    form.fill("State", "gujarat")
    form.fill("Zip / PIN code", "395002")
    form.fill("PAN", "AAACK1234F")
    form.fill("GSTIN / ARN", "24AAACK1234F1Z5")
    form.choose("GST registration type", "Regular")
    form.switch("TDS applicable")
    form.fill("TDS section", "194C")
    form.fill("Credit limit amount", "1,50,000")
    form.fill("Credit limit days", "30")
    form.fill("Default discount (%)", "5")
    form.choose("Default price list", "Dealer Price")
    form.choose("Class", "Gold")
    form.choose("Default invoice type", "Sales Invoice")
    form.choose("Send system notifications by", "E-mail and SMS")
    form.fill("Remarks", "Met at the trade show.")
    form.save()
    return form.saved_code()


@pytest.mark.smoke
def test_company_and_person_end_to_end(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    form = ContactForm(page)
    company_code = _company(form)
    contact = ContactDetail(page)
    expect(contact.heading("M/S Kalpana Textiles Pvt Ltd")).to_be_visible()
    details = contact.section("Contact", exact=True)
    expect(details).to_contain_text("Textiles")
    expect(details).to_contain_text("Campaign: Trade Show 2026")
    expect(contact.section("Addresses")).to_contain_text("SURAT".title())
    expect(contact.section("Addresses")).to_contain_text("GUJARAT 395002")
    expect(contact.section("Communication & social media")).to_contain_text("+91 79 2686 2513")
    expect(contact.section("Sales & purchase")).to_contain_text("150,000")
    expect(contact.section("Statutory details")).to_contain_text("Applicable (194C)")

    # A person, referred by the company, with a date of birth and a mobile.
    form.open_new()
    form.choose("Title", "Mr.")
    form.fill("Name", "Vikram Rao")
    form.choose("Type of contact", "Other")
    form.add_alias("Vicky")
    # The reference contact, with the keys: ↓ highlights the result, Enter picks it.
    form.choose("Reference", "Contact / prospect")
    box = form.reference_box()
    box.fill("Kalp")
    expect(form.found("Kalpana Textiles")).to_have_count(1)
    box.press("Escape")
    expect(page.get_by_role("listbox", name="Contacts found")).to_have_count(0)
    box.fill("kalpana")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")  # one result: ↓ comes back round to it
    expect(form.found("Kalpana Textiles")).to_have_attribute("aria-selected", "true")
    _shot(page, "reference_picker_open")
    box.press("Enter")
    expect(page.get_by_text(f"Kalpana Textiles Pvt Ltd · {company_code}", exact=True)).to_be_visible()
    expect(box).to_have_value("")
    form.fill("Date of birth", "1985-04-12")
    form.choose("Gender", "Male")
    form.fill("Designation", "Purchase Manager")
    form.fill("E-mail", "vikram.rao@example.in")
    form.fill("Mobile", "98765 43210")
    form.fill("Address 1", "4 Lake View")
    form.fill("City", "Ahmedabad")
    form.fill("State", "Gujarat")
    form.fill("Zip / PIN code", "380015")
    form.choose("Time zone", "Asia/Kolkata")
    form.save()
    person_code = form.saved_code()
    expect(contact.section("Contact", exact=True)).to_contain_text("Contact: Kalpana Textiles Pvt Ltd")

    # Actions → Associate Contact: never the contact itself; Escape closes the results, not the dialog.
    dialog = contact.open_associate()
    other = dialog.get_by_role("combobox", name="… of contact")
    other.fill("Vikram")
    expect(dialog.get_by_text("No contact you may see matches “Vikram”.")).to_be_visible()
    other.fill("Kalpana")
    expect(form.found("Kalpana Textiles", within=dialog)).to_be_visible()
    _shot(page, "associate_picker_open")
    other.press("Escape")
    expect(dialog.get_by_role("listbox", name="Contacts found")).to_have_count(0)
    expect(dialog).to_be_visible()
    contact.associate("Employee", "Kalpana", "Kalpana Textiles")
    links = contact.section("Associated contacts")
    expect(links).to_contain_text("Employee of Kalpana Textiles Pvt Ltd")
    contact.open(company_code)
    expect(contact.section("Associated contacts")).to_contain_text("Vikram Rao is Employee of")

    # Find the person by alias and by a differently written mobile.
    contacts = ContactList(page).open()
    contacts.search("vicky")
    expect(contacts.rows().filter(has_text="Vikram Rao")).to_have_count(1)
    contacts.search("+91-98765-43210")
    expect(contacts.rows().filter(has_text=person_code)).to_have_count(1)
    contacts.search("Kalpana Group")
    expect(contacts.rows().filter(has_text=company_code)).to_have_count(1)

    # The same mobile again: the duplicate warning names Vikram and offers to open him.
    form.open_new()
    form.fill("Name", "V. Rao")
    form.choose("Type of contact", "Other")
    form.fill("Mobile", "9876543210")
    form.save()
    warning = form.duplicate_warning()
    expect(warning).to_contain_text("Vikram Rao")
    expect(form.duplicate_link(person_code)).to_be_visible()
    form.keep_editing()
    expect(page).to_have_url(re.compile(r"/contacts/new"))


def test_validation_messages_sit_next_to_their_fields(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    form = ContactForm(page).open_new()
    form.fill("E-mail", "not-an-address")
    form.fill("Mobile", "12345")
    form.fill("Zip / PIN code", "38001")
    form.save()
    expect(form.text("Enter the contact's name.")).to_be_visible()
    expect(form.text("Choose the type of contact.")).to_be_visible()
    expect(form.text(re.compile("Not a valid e-mail address"))).to_be_visible()
    expect(form.text(re.compile("Not a valid mobile number for India"))).to_be_visible()
    expect(form.text("An Indian PIN code has exactly 6 digits.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/contacts/new"))
