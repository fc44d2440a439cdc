"""A contact's page lists its leads and starts a new one with the contact already chosen;
the lead list finds that lead by the contact's mobile as people type it, and by its e-mail."""
import re

from playwright.sync_api import expect

from tests.e2e.contact_pages import ContactDetail, ContactForm
from tests.e2e.lead_pages import LeadForm, LeadList
from tests.e2e.pages import LoginPage

NAME, MOBILE, EMAIL = "Sagar Cables & Wires", "98250 44321", "sagar@cables.example.in"
TITLE = "Armoured cable, 500 m"
SHOTS = "artifacts/screenshots"


def _new_contact(page) -> str:
    form = ContactForm(page).open_new()
    form.fill("Name", NAME)
    form.choose("Type of contact", "Customer")
    form.fill("Mobile", MOBILE)
    form.fill("E-mail", EMAIL)
    form.save()
    return form.saved_code()


def test_new_lead_from_the_contact_page_and_found_by_its_mobile(page, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    code = _new_contact(page)
    contact = ContactDetail(page)
    expect(contact.leads()).to_contain_text("No leads for this contact that you can see yet")
    contact.leads().screenshot(path=f"{SHOTS}/contact-leads-empty.png")

    # "New lead for this contact": the form opens with the contact chosen, its mobile and e-mail shown.
    contact.new_lead()
    expect(page).to_have_url(re.compile(rf"/leads/new\?contact={code}$"))
    form = LeadForm(page)
    expect(form.chosen_contact(f"{NAME} · {code}")).to_be_visible()
    expect(form.information("Mobile")).to_have_value("+91 98250 44321")
    expect(form.information("E-mail")).to_have_value(EMAIL)
    form.fill("Title", TITLE)
    lead_code = form.save()

    # Back on the contact's page, the lead is listed with its stage and assignee, linking to it.
    contact.open(code)
    row = contact.lead_row(TITLE)
    expect(row).to_contain_text(lead_code)
    expect(row).to_contain_text("Neha Joshi")
    expect(contact.leads()).to_contain_text("1 open · 1 in all")
    contact.leads().scroll_into_view_if_needed()
    contact.leads().screenshot(path=f"{SHOTS}/contact-leads-section.png")
    row.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(rf"/leads/{lead_code}/?$"))

    # The lead list finds it by the contact's mobile in the ways people type it, and by the e-mail.
    leads = LeadList(page).open()
    for typed in ("98250 44321", "+91 98250-44321", "09825044321", "44321", "sagar@cables"):
        leads.search(typed)
        expect(leads.row(TITLE)).to_be_visible()
        expect(leads.page.get_by_role("region", name="Leads").get_by_role("row")).to_have_count(2)  # header + one
    page.screenshot(path=f"{SHOTS}/lead-list-found-by-email.png", full_page=True)
    leads.search("98250 44322")
    expect(leads.row(TITLE)).to_have_count(0)
    page.screenshot(path=f"{SHOTS}/lead-list-no-match-for-other-number.png", full_page=True)
