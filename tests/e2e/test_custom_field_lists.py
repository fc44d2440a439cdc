"""Custom fields in the lead list: the admin filters by a lead select field (a chip shows the
filter), saves the view and gets the filter back from it, and shows the field as a column; and
filters by a lead contact field, the contact found by name and picked in the filter form."""
from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import delete
from sqlmodel import select

from hoffice_app.db import utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import NotFound
from hoffice_app.models import Contact, Setting
from tests.contact_factory import actor, make_contact
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.lead_pages import LeadList
from tests.e2e.pages import LoginPage
from tests.lead_factory import make_lead

RETAIL, WHOLESALE = "Corner shop fit-out", "Depot racking"
KIOSK, ROLLOUT = "Kiosk signage refresh", "Warehouse barcode rollout"
PHONE = 390


def _shot(page, name: str, *, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def _lead_field(session, admin, now, spec: cf.FieldSpec) -> None:
    """The lead field, unless an earlier test of the session added it."""
    try:
        cf.find_field(session, "lead", spec.label)
    except NotFound:
        cf.add_field(session, admin, "lead", spec, now=now)


def _industry_and_two_leads(server) -> None:
    """A lead select field "Industry" and a lead of each of two industries, in the server's
    database through the domain."""
    with server.session() as session:
        admin, now = actor(session, "E01"), utcnow()
        _lead_field(session, admin, now, cf.FieldSpec(label="Industry", kind="select", options=["Retail", "Wholesale"]))
        contact = session.exec(select(Contact).where(Contact.is_private == False)).first()  # noqa: E712
        for title, industry in ((RETAIL, "Retail"), (WHOLESALE, "Wholesale")):
            lead = make_lead(session, admin, now, contact=contact, title=title)
            cf.write_values(session, admin, "lead", lead.id, {"cf_industry": industry}, creating=False)


def _filter_form(page, field: str):
    """The custom field filter form opened on ``field``."""
    page.get_by_role("button", name="Filter by a custom field").click()
    form = page.get_by_role("dialog", name="Custom field filter")
    form.get_by_role("combobox", name="Custom field").click()
    page.get_by_role("option", name=field, exact=True).click()
    return form


def _forget_columns(server) -> None:
    with server.session() as session:
        session.exec(delete(Setting).where(Setting.key.startswith("list_columns.")))


def test_filter_by_a_custom_select_save_the_view_and_show_the_column(page, server, demo_password):
    _industry_and_two_leads(server)
    LoginPage(page).log_in("E01", demo_password)
    leads = LeadList(page).open()
    expect(leads.link(WHOLESALE)).to_be_visible()
    form = _filter_form(page, "Industry")
    form.get_by_role("checkbox", name="Retail").click()
    _shot(page, "custom-field-filter-form")
    form.get_by_role("button", name="Apply filter").click()
    chips = page.get_by_role("list", name="Custom field filters")
    expect(chips).to_contain_text("Industry is any of Retail")
    expect(leads.link(RETAIL)).to_be_visible()
    expect(leads.link(WHOLESALE)).to_have_count(0)
    leads.save_view("Retail shops")
    expect(page.get_by_text("View saved.")).to_be_visible()
    _shot(page, "custom-field-filter-chip")

    page.get_by_role("button", name="Clear", exact=True).click()
    expect(chips).to_have_count(0)
    expect(leads.link(WHOLESALE)).to_be_visible()
    expect(page.get_by_text("Modified", exact=True)).to_be_visible()
    page.get_by_role("button", name="Revert").click()  # the view as it was saved
    expect(chips).to_contain_text("Industry is any of Retail")
    expect(leads.link(WHOLESALE)).to_have_count(0)
    expect(leads.link(RETAIL)).to_be_visible()

    try:
        page.get_by_role("button", name="Choose columns").click()
        chooser = page.get_by_role("dialog", name="Column chooser")
        chooser.get_by_role("checkbox", name="Industry").click()
        chooser.get_by_role("checkbox", name="Funnel").click()
        table = page.get_by_role("region", name="Leads").get_by_role("table")
        expect(table.get_by_role("columnheader", name="Industry")).to_be_visible()
        expect(table.get_by_role("columnheader", name="Funnel")).to_have_count(0)
        expect(leads.row(RETAIL)).to_contain_text("Retail")
        _shot(page, "custom-field-column-chooser")
        page.keyboard.press("Escape")
        page.reload()  # remembered for the employee
        expect(table.get_by_role("columnheader", name="Industry")).to_be_visible()
        _shot(page, "custom-field-list-with-column")
    finally:
        _forget_columns(server)  # the next test of the session sees the default columns


def _channel_partner_and_two_leads(server) -> str:
    """A lead contact field "Channel partner" and two leads, each with its own partner; returns
    the code of the first lead's partner."""
    with server.session() as session:
        admin, now = actor(session, "E01"), utcnow()
        _lead_field(session, admin, now, cf.FieldSpec(label="Channel partner", kind="contact"))
        contact = session.exec(select(Contact).where(Contact.is_private == False)).first()  # noqa: E712
        partners = [make_contact(session, admin, now, name) for name in ("Orbisant Distributors", "Velmora Logistics")]
        for title, partner in ((KIOSK, partners[0]), (ROLLOUT, partners[1])):
            lead = make_lead(session, admin, now, contact=contact, title=title)
            cf.write_values(session, admin, "lead", lead.id, {"cf_channel_partner": partner.code}, creating=False)
        return partners[0].code


def test_filter_by_a_custom_contact_field_picked_by_name(page, server, demo_password):
    partner = _channel_partner_and_two_leads(server)
    LoginPage(page).log_in("E01", demo_password)
    leads = LeadList(page).open()
    expect(leads.link(ROLLOUT)).to_be_visible()
    form = _filter_form(page, "Channel partner")
    search = form.get_by_role("combobox", name="Custom filter contact")
    search.fill("orbis")
    found = form.get_by_role("listbox", name="Contacts found")
    expect(found.get_by_role("option", name=re.compile("Orbisant Distributors"))).to_be_visible()
    search.press("Escape")  # closes the results, not the form around them
    expect(found).to_have_count(0)
    expect(form).to_be_visible()
    search.fill("orbisa")
    expect(found.get_by_role("option", name=re.compile("Orbisant Distributors"))).to_be_visible()
    _shot(page, "custom-field-contact-filter-open", full_page=False)
    found.get_by_role("option", name=re.compile("Orbisant Distributors")).click()
    expect(form.get_by_text(f"Orbisant Distributors · {partner}", exact=True)).to_be_visible()
    form.get_by_role("button", name="Apply filter").click()
    chips = page.get_by_role("list", name="Custom field filters")
    chip = f"Channel partner is Orbisant Distributors · {partner}"  # the contact named, not only its code
    expect(chips).to_contain_text(chip)
    expect(leads.link(KIOSK)).to_be_visible()
    expect(leads.link(ROLLOUT)).to_have_count(0)

    page.get_by_role("button", name=f"Remove filter {chip}").click()
    expect(leads.link(ROLLOUT)).to_be_visible()
    page.set_viewport_size({"width": PHONE, "height": 844})  # the form and its results on a phone
    _filter_form(page, "Channel partner")
    search.fill("velmora")
    expect(found.get_by_role("option", name=re.compile("Velmora Logistics"))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    _shot(page, "custom-field-contact-filter-open-phone", full_page=False)
    search.press("Enter")
    form.get_by_role("button", name="Apply filter").click()
    expect(chips).to_contain_text("Channel partner is Velmora Logistics · ")
    expect(leads.link(ROLLOUT)).to_be_visible()
    expect(leads.link(KIOSK)).to_have_count(0)
    _shot(page, "custom-field-contact-filter-chip-phone", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Filter by a custom field").click()
    expect(form).to_be_visible()
    page.keyboard.press("Escape")  # no results open: Escape closes the form, as any popover
    expect(form).to_have_count(0)
