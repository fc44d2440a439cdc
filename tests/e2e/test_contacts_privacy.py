"""A private contact stays invisible to employees not on its list: in the list,
in search and at its URL — and through a lead assigned to one of them, where it
reads "Private contact"."""
import re

from playwright.sync_api import expect

from tests.e2e.contact_pages import ContactDetail, ContactForm, ContactList
from tests.e2e.lead_pages import LeadDetail, LeadForm, LeadList
from tests.e2e.pages import LoginPage


def test_private_contact_hidden_from_unlisted_employee(page, browser, server, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    form = ContactForm(page).open_new()
    form.fill("Name", "Zephyr Hidden Supplies")
    form.choose("Type of contact", "Vendor")
    form.fill("Mobile", "99887 76655")
    form.switch("Private contact: only the employees below (and administrators) can see it")
    form.save()
    code = form.saved_code()
    expect(ContactDetail(page).section("Privacy and remarks")).to_contain_text("Neha Joshi")
    lead_form = LeadForm(page).open_new()
    lead_form.fill("Title", "Warehouse racking quote")
    lead_form.pick_contact("Contact", code, code)
    lead_form.choose("Assign to", "Karan Mehta · E04")
    lead_code = lead_form.save()

    other = browser.new_context(base_url=server.url)
    karan = other.new_page()
    LoginPage(karan).log_in("E04", demo_password)
    contacts = ContactList(karan).open()
    expect(contacts.rows().filter(has_text="Zephyr")).to_have_count(0)
    contacts.search("Zephyr")
    expect(contacts.text("No contact matches this search.")).to_be_visible()
    contacts.search("99887 76655")
    expect(contacts.text("No contact matches this search.")).to_be_visible()
    hidden = ContactDetail(karan).open(code)
    expect(hidden.alert()).to_have_text("No such contact, or it is private and not shared with you.")
    expect(hidden.text("Zephyr Hidden Supplies")).to_have_count(0)
    editor = ContactForm(karan).visit_edit(code)
    expect(editor.alert()).to_contain_text("not shared with you")

    # Karan's lead on it: "Private contact", without name, code or link, and not found by its name.
    leads = LeadList(karan).open()
    leads.search("Warehouse racking")
    expect(leads.row("Warehouse racking quote")).to_contain_text("Private contact")
    expect(leads.row("Warehouse racking quote")).not_to_contain_text("Zephyr")
    leads.search("Zephyr")
    expect(leads.link("Warehouse racking quote")).to_have_count(0)
    lead = LeadDetail(karan).open(lead_code)
    expect(lead.text("Private contact").first).to_be_visible()
    expect(lead.text(re.compile("Zephyr|" + code))).to_have_count(0)
    expect(karan.locator(f'a[href*="/contacts/{code}"]')).to_have_count(0)
    # Karan can still edit and save the lead: it keeps its contact.
    karan.goto(f"/leads/{lead_code}/edit")
    edit = LeadForm(karan)
    expect(edit.section("Lead information").get_by_text("Private contact")).to_be_visible()
    edit.fill("Title", "Warehouse racking quote, 2 bays")
    assert edit.save() == lead_code
    expect(lead.text("Private contact").first).to_be_visible()
    other.close()

    admin_context = browser.new_context(base_url=server.url)
    admin = admin_context.new_page()
    LoginPage(admin).log_in("E01", demo_password)
    shared = ContactDetail(admin).open(code)
    expect(shared.heading(re.compile("Zephyr Hidden Supplies"))).to_be_visible()
    admin_context.close()
