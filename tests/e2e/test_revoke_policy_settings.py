"""Settings → Revoke policies as an administrator uses them: a policy made on the form (no
follow-up completed within 48 hours, warn 24 hours before, back to the pool), a bad value refused
next to its field first, the preview of what it would do now, within a day and within a week,
then enabled and still enabled after a reload.

The server runs enabled policies every minute, and other tests share it: the policy is scoped to a
campaign only this test's leads come from, its lead already past due is put on hold before the
policy is switched on, and the policy is switched off again at the end whatever happens."""
from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session, select

from hoffice_app.db import utcnow
from hoffice_app.domain import masters, policies
from hoffice_app.models import Lead
from tests.domain.leads.test_lead_list_helpers import actor
from tests.domain.policies.helpers import assigned_lead
from tests.e2e.pages import LoginPage
from tests.e2e.policy_pages import RevokePoliciesPage

CAMPAIGN = "Revoke check mailer"
NAME = "No follow-up in 48 hours (check)"
H = timedelta(hours=1)


def _leads(server) -> dict[str, str]:
    """Three leads of the campaign, assigned to E03: 50 h ago (past its revoke), 10 h ago (warned
    within the day) and now (warned and revoked within the week). Title -> code."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            admin, now = actor(session, "E01"), utcnow()
            campaign = masters.create_entry(session, admin, "campaign", CAMPAIGN).id
            made = {title: assigned_lead(session, now - hours * H, title, source=("campaign", str(campaign))).code
                    for title, hours in (("Revoke check past due", 50), ("Revoke check today", 10),
                                         ("Revoke check this week", 0))}
            session.commit()
            return made
    finally:
        engine.dispose()


def _in_domain(server, call) -> None:
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            call(session, actor(session, "E01"))
            session.commit()
    finally:
        engine.dispose()


def _hold(server, code: str) -> None:
    def hold(session, admin):
        lead_id = session.exec(select(Lead.id).where(Lead.code == code)).one()
        policies.set_hold(session, admin, lead_id, True, now=utcnow())
    _in_domain(server, hold)


def _switch_off(server) -> None:
    def off(session, admin):
        found = policies.find(session, NAME)
        if found is not None and found.enabled:
            policies.set_enabled(session, admin, found.id, False, now=utcnow())
    _in_domain(server, off)


def test_a_policy_is_checked_previewed_and_enabled(page: Page, server, demo_password):
    codes = _leads(server)
    LoginPage(page).log_in("E01", demo_password)
    screen = RevokePoliciesPage(page).open()
    try:
        screen.add()
        screen.fill("Name", NAME)
        screen.choose("Condition", policies.CONDITIONS["no_followup_done"].label)
        screen.fill("Threshold (hours)", "48")
        screen.fill("Warn the assignee (hours before)", "48")
        screen.scope("Campaigns", CAMPAIGN).click()
        screen.press("Save policy")
        expect(screen.field_error("Warn fewer hours before the revoke")).to_be_visible()
        expect(screen.row(NAME)).to_have_count(0)  # nothing saved

        screen.fill("Warn the assignee (hours before)", "24")
        preview = screen.preview()
        expect(screen.field_error("Warn fewer hours")).to_have_count(0)
        expect(preview).to_contain_text("A preview changes nothing")
        expect(screen.group("Now")).to_contain_text(codes["Revoke check past due"])
        expect(screen.group("Now")).to_contain_text("Revoke")
        expect(screen.group("Next 24 hours")).to_contain_text(codes["Revoke check today"])
        expect(screen.group("Next 24 hours")).to_contain_text("Warn the assignee")
        expect(screen.group("Next 7 days")).to_contain_text(codes["Revoke check this week"])
        expect(screen.group("Now").get_by_role("link", name=codes["Revoke check past due"])).to_have_attribute(
            "href", f"/leads/{codes['Revoke check past due']}")
        expect(screen.per_assignee().get_by_role("row")).to_have_count(2)  # the header and E03
        page.screenshot(path="artifacts/screenshots/revoke-policy-preview.png", full_page=True)

        screen.press("Save policy")
        expect(screen.row(NAME)).to_contain_text("No follow-up completed within 48 hours of the assignment")
        expect(screen.enabled_switch(NAME)).not_to_be_checked()

        _hold(server, codes["Revoke check past due"])  # so switching it on revokes nothing of this test
        screen.enabled_switch(NAME).click()
        expect(screen.enabled_switch(NAME)).to_be_checked()
        page.reload()
        expect(screen.enabled_switch(NAME)).to_be_checked()
        page.screenshot(path="artifacts/screenshots/revoke-policy-list.png", full_page=True)

        screen.edit(NAME)
        expect(page.get_by_label("Warn the assignee (hours before)", exact=True)).to_have_value("24")
        expect(screen.scope("Campaigns", CAMPAIGN)).to_be_checked()
        page.set_viewport_size({"width": 390, "height": 844})
        screen.preview()
        page.screenshot(path="artifacts/screenshots/revoke-policy-phone.png", full_page=True)
    finally:
        _switch_off(server)


def test_an_edit_saved_meanwhile_is_refused_and_a_policy_is_deleted_after_a_question(page: Page, server,
                                                                                      demo_password):
    name = "Stuck two weeks (check)"

    def make(session, admin):
        policies.save_policy(session, admin, {"name": name, "condition": "stage_stale", "threshold": "14",
                                              "warn_hours": "24", "action": "pool", "scope": {}}, now=utcnow())
    _in_domain(server, make)
    LoginPage(page).log_in("E01", demo_password)
    screen = RevokePoliciesPage(page).open()
    screen.edit(name)
    expect(page.get_by_label("Threshold (days)", exact=True)).to_have_value("14")  # the unit follows the condition

    def meanwhile(session, admin):
        found = policies.find(session, name)
        policies.save_policy(session, admin, policies.form_values(policies.get_policy(session, admin, found.id))
                             | {"warn_hours": "12"}, now=utcnow(), policy_id=found.id, expected_version=found.version)
    _in_domain(server, meanwhile)
    screen.fill("Threshold (days)", "10")
    screen.press("Save policy")
    expect(screen.field_error("saved this policy meanwhile")).to_be_visible()
    expect(page.get_by_label("Warn the assignee (hours before)", exact=True)).to_have_value("12")  # as it is now
    expect(page.get_by_label("Threshold (days)", exact=True)).to_have_value("14")
    screen.press("Save policy")
    expect(screen.row(name)).to_contain_text("warns 12 h before")

    screen.row(name).get_by_role("button", name=f"Delete {name}").click()
    question = page.get_by_role("alertdialog")
    expect(question).to_contain_text("is deleted for good")
    question.get_by_role("button", name="Delete").click()
    expect(screen.row(name)).to_have_count(0)
    page.reload()
    expect(page.get_by_role("button", name="Add policy")).to_be_visible()
    expect(screen.row(name)).to_have_count(0)
