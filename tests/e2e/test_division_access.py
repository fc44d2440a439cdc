"""Divisions limit who sees a contact: an employee of another division neither finds a
division-limited contact nor opens it at its URL (the page says "not found" and shows
nothing of it); once the administrator turns the rule off in Company defaults, they do.

The employee (E61, hoffice only) and the contact (corpteaser) are put in the server's
database directly, to spare the test the forms other tests already cover; the setting is
put back on at the end so later tests meet the default."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain.masters import settings
from hoffice_app.domain.org import employees
from tests.contact_factory import actor, make_divisional, master_id
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.contact_pages import ContactDetail, ContactList
from tests.e2e.pages import LoginPage
from tests.e2e.settings_pages import DefaultsPage

NAME = "Quasar Corp Holdings"
NOT_FOUND = "No such contact, or it is private and not shared with you."


def _in_db(server, call):
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            result = call(session)
            session.commit()
            return result
    finally:
        engine.dispose()


def _office(session, password: str) -> str:
    """E61 works in hoffice only; the contact is mapped to corpteaser. Returns its code."""
    home = str(master_id(session, "division", "hoffice"))
    employees.create_employee(session, None, {
        "code": "E61", "name": "Divya Rao", "email": "divya.rao@example.com", "mobile": "", "role": "executive",
        "reports_to_id": None, "division_ids": [home]}, password=password, now=utcnow(), bootstrap=True)
    contact = make_divisional(session, actor(session, "E01"), utcnow(), NAME, outsiders=(), mobiles=["97420 31415"])
    return contact.code


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_another_divisions_contact_is_hidden_until_the_rule_is_off(page: Page, browser, server, demo_password):
    code = _in_db(server, lambda s: _office(s, demo_password))
    try:
        LoginPage(page).log_in("E61", demo_password)
        contacts = ContactList(page).open()
        for typed in ("Quasar", "97420 31415", code):
            contacts.search(typed)
            expect(contacts.text("No contact matches this search.")).to_be_visible()
        hidden = ContactDetail(page).open(code)
        expect(hidden.alert()).to_have_text(NOT_FOUND)
        expect(hidden.text(re.compile("Quasar|97420|corpteaser"))).to_have_count(0)
        _shot(page, "division-access-not-found")

        admin_context = browser.new_context(base_url=server.url)
        admin = admin_context.new_page()
        LoginPage(admin).log_in("E01", demo_password)
        defaults = DefaultsPage(admin).open()
        rule = defaults.field("Divisions limit who sees a contact")
        expect(rule).to_be_checked()
        rule.click()
        expect(rule).not_to_be_checked()
        defaults.save()
        expect(admin.get_by_text("Defaults saved.")).to_be_visible()
        _shot(admin, "division-access-setting-off")
        admin_context.close()

        contacts = ContactList(page).open()
        contacts.search("Quasar")
        expect(contacts.rows().filter(has_text=NAME)).to_have_count(1)
        shown = ContactDetail(page).open(code)
        expect(shown.heading(re.compile(NAME))).to_be_visible()
    finally:
        _in_db(server, lambda s: settings.put(s, "divisions_limit_access", "1"))
