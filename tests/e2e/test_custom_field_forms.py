"""Custom fields on the lead and contact forms and pages: an administrator's lead fields
("Sector", a select; "Seats", a required number) and contact field ("Partner code") show in
the forms with their messages next to them, save with the record and show on its page; the
form's custom fields fit a phone's width. One log-in (screenshots in artifacts/screenshots/)."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.models import CustomField
from tests.contact_factory import actor, make_contact
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.contact_pages import ContactForm
from tests.e2e.lead_pages import LeadDetail, LeadForm
from tests.e2e.pages import LoginPage

PHONE = 390


@contextmanager
def _server_session(server):
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            yield session
            session.commit()
    finally:
        engine.dispose()


@pytest.fixture
def custom_fields(server):
    """The fields, and a contact to use, in the server's database; switched off afterwards (a
    required lead field would stop other tests' leads)."""
    with _server_session(server) as session:
        admin, now = actor(session, "E01"), utcnow()
        ids = [cf.add_field(session, admin, record, cf.FieldSpec(label=label, kind=kind, **kw), now=now).id
               for record, label, kind, kw in (
                   ("lead", "Sector", "select", {"options": ["Retail", "Wholesale"],
                                                   "help_text": "The customer's trade"}),
                   ("lead", "Seats", "number", {"required": True}),
                   ("contact", "Partner code", "text", {"section": "Contact"}))]
        code = make_contact(session, admin, now, "Quillon Referral Traders").code
    yield code
    with _server_session(server) as session:
        for field_id in ids:
            session.get(CustomField, field_id).active = False


def _shot(where, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    where.screenshot(path=str(ARTIFACTS / f"custom_fields_{name}.png"))


def test_custom_fields_on_the_forms_and_pages(page, server, demo_password, custom_fields):
    contact_code = custom_fields
    LoginPage(page).log_in("E01", demo_password)
    form = LeadForm(page).open_new()
    form.fill("Title", "Billing software for the showroom")
    form.pick_contact("Contact", "Quillon Referral", "Quillon Referral Traders")
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
    _shot(page, "lead_page")

    page.set_viewport_size({"width": PHONE, "height": 844})
    LeadForm(page).open_edit(code)
    more.get_by_label("Sector").select_option("Wholesale")
    more.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert more.evaluate("e => e.scrollWidth <= e.clientWidth")
    _shot(page, "lead_form_phone")
    form.save()
    expect(LeadDetail(page).section("Timeline")).to_contain_text("Sector: Retail → Wholesale")
    page.set_viewport_size({"width": 1280, "height": 800})

    contact = ContactForm(page).visit_edit(contact_code)
    section = contact.section("Contact")
    section.get_by_label("Partner code").fill("REF-2049")
    contact.save()
    expect(page).to_have_url(re.compile(rf"/contacts/{contact_code}/?$"))
    expect(page.get_by_role("region", name="Contact", exact=True)).to_contain_text(
        re.compile(r"Partner code\s*REF-2049"))
    _shot(page, "contact_page")
