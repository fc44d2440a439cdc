"""Revoke by hand and the countdown: a manager revokes three leads from the lead list to the
pool with a reason, sees the result, undoes it and finds them back with their assignee; a lead
inside a policy's warning window shows "Revoked in …" on its page (also at phone width) and on
its board card."""
from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import create_engine, update
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain import policies
from hoffice_app.domain.masters import entries
from hoffice_app.models import Lead
from tests.contact_factory import actor
from tests.domain.leads.test_lead_list_helpers import new_lead
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.funnel_pages import FunnelBoard
from tests.e2e.lead_pages import LeadDetail, LeadList, LeadPolicyPanel, LeadRevoke
from tests.e2e.pages import LoginPage


def _engine(server):
    return create_engine(server.database_url, poolclass=NullPool)


def _leads(server, titles, *, to="E03") -> list[str]:
    engine = _engine(server)
    try:
        with Session(engine) as session:
            codes = [new_lead(session, utcnow(), title, assigned_to=to).code for title in titles]
            session.commit()
        return codes
    finally:
        engine.dispose()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_manager_revokes_three_leads_to_the_pool_and_undoes_it(page, server, demo_password):
    codes = _leads(server, [f"Revoke by hand {n}" for n in range(3)])
    LoginPage(page).log_in("E02", demo_password)
    leads = LeadList(page).open()
    leads.search_box().fill("Revoke by hand")
    revoke = LeadRevoke(page)
    for code in codes:
        expect(revoke.row(code)).to_contain_text("Neha Joshi")
        revoke.select(code)
    dialog = revoke.open_for_selected()
    expect(dialog.get_by_text("The 3 leads selected")).to_be_visible()
    expect(dialog.get_by_role("radio", name="Through an assignment rule")).to_be_visible()  # offered once a rule exists
    revoke.go_on()  # no reason yet: said next to the field
    expect(revoke.field_error("Say why")).to_be_visible()
    revoke.choose_target("Back to the pool (unassigned)")
    revoke.give_reason("Neha is on leave this week")
    revoke.go_on()
    expect(revoke.question()).to_have_text("Revoke 3 leads from their assignees and put them back in the pool?")
    _shot(page, "revoke_confirm")
    revoke.confirm()
    expect(revoke.result()).to_contain_text("Revoked 3 leads.")
    for code in codes:  # in the pool now (where a manager's list may not show them at all)
        expect(revoke.row(code).filter(has_text="Neha Joshi")).to_have_count(0)
    _shot(page, "revoke_result")
    revoke.undo()
    expect(revoke.undo_note()).to_contain_text("3 leads put back")
    for code in codes:
        expect(revoke.row(code)).to_contain_text("Neha Joshi")
    _shot(page, "revoke_undone")
    # The lead page keeps the revoke, undone.
    LeadDetail(page).open(codes[0])
    expect(LeadDetail(page).section("Revokes")).to_contain_text("Undone")


def _in_warning_window(server) -> tuple[str, int]:
    """A policy scoped to a lead type of its own (so the minute's pass touches no other test's
    leads: 48 h threshold, warned 24 h before) and a lead of that type assigned 40 h ago."""
    engine = _engine(server)
    now = utcnow()
    try:
        with Session(engine) as session:
            admin = actor(session, "E01")
            kind = entries.create_entry(session, admin, "lead_type", f"Countdown e2e {now:%H%M%S%f}")
            saved = policies.save_policy(session, admin, {
                "name": f"E2E countdown {now:%H%M%S%f}", "condition": "no_followup_done", "threshold": "48",
                "warn_hours": "24", "manager_hours": "", "action": "pool", "rule_id": None,
                "scope": {"lead_type_ids": [kind.id]}, "enabled": "1"}, now=now)
            lead = new_lead(session, now, "Ticking clock lead", assigned_to="E03")
            session.execute(update(Lead).where(Lead.id == lead.id).values(
                assigned_at=now - timedelta(hours=40), lead_type_id=kind.id))
            session.commit()
            return lead.code, saved.id
    finally:
        engine.dispose()


def _delete_policy(server, policy_id: int) -> None:
    engine = _engine(server)
    try:
        with Session(engine) as session:
            policies.delete_policy(session, actor(session, "E01"), policy_id)
            session.commit()
    finally:
        engine.dispose()


def test_a_lead_in_a_warning_window_shows_its_countdown_on_its_page_and_card(page, server, demo_password):
    code, policy_id = _in_warning_window(server)
    try:
        LoginPage(page).log_in("E02", demo_password)
        LeadDetail(page).open(code)
        panel = LeadPolicyPanel(page)
        expect(panel.countdown()).to_have_text(re.compile(r"^Revoked in 8 h unless a follow-up is completed$"))
        _shot(page, "revoke_countdown_lead")
        board = FunnelBoard(page).open()
        card = board.card_by_code(code, "New Inquiry")
        expect(board.countdown(card)).to_have_text(re.compile(r"Revoked in 8 h$"))
        card.scroll_into_view_if_needed()
        _shot(page, "revoke_countdown_board")
        # A manager puts it on hold: the policy leaves it alone, the countdown goes, the badge shows.
        LeadDetail(page).open(code)
        panel.hold_switch().click()
        expect(panel.hold_badge()).to_be_visible()
        expect(panel.countdown()).to_have_count(0)
        panel.hold_switch().click()
        expect(panel.countdown()).to_be_visible()
        # At phone width the countdown is still the first thing under the title.
        page.set_viewport_size({"width": 390, "height": 844})
        LeadDetail(page).open(code)
        expect(panel.countdown()).to_be_in_viewport()
        _shot(page, "revoke_countdown_phone")
    finally:
        _delete_policy(server, policy_id)
