"""Custom fields on the lead and contact forms and pages: an administrator's lead fields
("Sector", a select; "Seats", a required number; "Referral partner", a contact) and contact
fields ("Partner code", text; "Introduced by", a contact) show in the forms with their messages
next to them, save with the record and show on its page; a contact field is searched by name
and picked with the keys or the mouse, and cleared; the form's custom fields and the open
picker fit a phone's width. One log-in (screenshots in artifacts/screenshots/)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from hoffice_app.db import utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.models import CustomField
from tests.contact_factory import actor, make_contact
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.contact_pages import ContactForm
from tests.e2e.lead_pages import LeadDetail, LeadForm
from tests.e2e.pages import LoginPage

PHONE = 390


@pytest.fixture
def custom_fields(server):
    """The fields, the lead's contact and a partner contact, in the server's database; switched
    off afterwards (a required lead field would stop other tests' leads)."""
    with server.session() as session:
        admin, now = actor(session, "E01"), utcnow()
        ids = [cf.add_field(session, admin, record, cf.FieldSpec(label=label, kind=kind, **kw), now=now).id
               for record, label, kind, kw in (
                   ("lead", "Sector", "select", {"options": ["Retail", "Wholesale"],
                                                   "help_text": "The customer's trade"}),
                   ("lead", "Seats", "number", {"required": True}),
                   ("lead", "Referral partner", "contact", {"section": "Lead information"}),
                   ("contact", "Partner code", "text", {"section": "Contact"}),
                   ("contact", "Introduced by", "contact", {"section": "Contact"}))]
        code = make_contact(session, admin, now, "Quillon Referral Traders").code
        partner = make_contact(session, admin, now, "Tessaract Channel Partners").code
    yield code, partner
    with server.session() as session:
        for field_id in ids:
            session.get(CustomField, field_id).active = False


def _shot(where, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    where.screenshot(path=str(ARTIFACTS / f"custom_fields_{name}.png"))


def _found(page, name: str):
    """A contact the picker found, in its list of results."""
    return page.get_by_role("listbox", name="Contacts found").get_by_role("option", name=re.compile(re.escape(name)))


def test_custom_fields_on_the_forms_and_pages(page, server, demo_password, custom_fields):
    contact_code, partner_code = custom_fields
    LoginPage(page).log_in("E01", demo_password)
    form = LeadForm(page).open_new()
    form.fill("Title", "Billing software for the showroom")
    form.pick_contact("Contact", "Quillon Referral", "Quillon Referral Traders")
    info = form.section("Lead information")
    partner = info.get_by_role("combobox", name="Referral partner", exact=True)
    partner.fill("tessar")  # part of the name, any case; picked with the keys
    expect(_found(page, "Tessaract Channel Partners")).to_be_visible()
    partner.press("ArrowDown")  # one result: ↓ comes back round to it
    expect(_found(page, "Tessaract Channel Partners")).to_have_attribute("aria-selected", "true")
    _found(page, "Tessaract Channel Partners").scroll_into_view_if_needed()
    _shot(page, "contact_picker_open")
    partner.press("Enter")
    expect(info.get_by_text(f"Tessaract Channel Partners · {partner_code}", exact=True)).to_be_visible()
    expect(partner).to_have_value("")
    more = form.section("More details")
    expect(more.get_by_text("The customer's trade")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Save ")).click()
    expect(more.locator("[data-custom-field=cf_seats]").get_by_role("alert")).to_have_text(
        "Enter a value, it is required.")
    _shot(more, "lead_form_message")
    more.get_by_label("Seats").fill("40")
    more.get_by_label("Sector").select_option("Retail")
    _shot(more, "lead_form")
    code = form.save()
    details = LeadDetail(page).section("Details")
    expect(details).to_contain_text(re.compile(r"Sector\s*Retail"))
    expect(details).to_contain_text(re.compile(r"Seats\s*40"))
    expect(details).to_contain_text(re.compile(r"Referral partner\s*Tessaract Channel Partners"))
    _shot(page, "lead_page")

    page.set_viewport_size({"width": PHONE, "height": 844})
    LeadForm(page).open_edit(code)
    expect(info.get_by_text(f"Tessaract Channel Partners · {partner_code}", exact=True)).to_be_visible()
    more.get_by_label("Sector").select_option("Wholesale")
    more.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert more.evaluate("e => e.scrollWidth <= e.clientWidth")
    _shot(page, "lead_form_phone")
    partner.fill("Quillon")  # picked with the mouse this time
    expect(_found(page, "Quillon Referral Traders")).to_be_visible()
    field = info.locator("[data-custom-field=cf_referral_partner]")
    field.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    _shot(page, "contact_picker_open_phone")
    _found(page, "Quillon Referral Traders").click()
    expect(field.get_by_text(f"Quillon Referral Traders · {contact_code}", exact=True)).to_be_visible()
    form.save()
    timeline = LeadDetail(page).section("Timeline")
    expect(timeline).to_contain_text("Sector: Retail → Wholesale")
    expect(timeline).to_contain_text("Referral partner changed")
    page.set_viewport_size({"width": 1280, "height": 800})

    contact = ContactForm(page).visit_edit(contact_code)
    section = contact.section("Contact")
    section.get_by_label("Partner code").fill("REF-2049")
    introduced = section.get_by_role("combobox", name="Introduced by", exact=True)
    introduced.fill("Tessaract")
    _found(page, "Tessaract Channel Partners").click()
    chip = section.get_by_text(f"Tessaract Channel Partners · {partner_code}", exact=True)
    expect(chip).to_be_visible()
    section.get_by_role("button", name="Clear Introduced by").click()  # cleared, then picked again
    expect(chip).to_have_count(0)
    introduced.fill("channel partners")
    introduced.press("Enter")
    expect(chip).to_be_visible()
    contact.save()
    expect(page).to_have_url(re.compile(rf"/contacts/{contact_code}/?$"))
    card = page.get_by_role("region", name="Contact", exact=True)
    expect(card).to_contain_text(re.compile(r"Partner code\s*REF-2049"))
    expect(card).to_contain_text(re.compile(r"Introduced by\s*Tessaract Channel Partners"))
    _shot(page, "contact_page")
