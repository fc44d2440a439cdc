"""/follow-ups by the clock: a call that fell due earlier today stays under Today, flagged
overdue and counted in Overdue; Reschedule on its row moves it to tomorrow (a time in the past is
refused next to the field) and it shows under Upcoming; the manager's Team tab shows Neha's
follow-up with her name; an executive has no Team tab; the page and its dialog fit a phone.

The follow-ups are written straight to the server's database: the app refuses to plan one in
the past, and "earlier today" needs one."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain import masters
from hoffice_app.domain.followups import refresh_next_follow_up
from hoffice_app.models import FollowUp
from tests.contact_factory import employee_id
from tests.domain.leads.test_lead_list_helpers import new_lead
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.lead_pages import FollowUpList
from tests.e2e.pages import LoginPage

INPUT = "%Y-%m-%dT%H:%M"


def _shot(page, name: str, *, at=None) -> None:
    """What the viewport shows (scrolled to ``at``): a full page of the demo's follow-ups is metres long."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if at is not None:
        at.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _planned(server, title: str, due: datetime, *, to: str = "E03") -> None:
    """A lead assigned to ``to`` with one planned call of theirs at ``due``."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            lead = new_lead(session, utcnow(), title, assigned_to=to)
            who = employee_id(session, to)
            session.add(FollowUp(lead_id=lead.id, kind="call", due_at=due, assignee_id=who, created_by_id=who,
                                 created_at=utcnow(), remind_minutes=30, remind_at=due - timedelta(minutes=30)))
            refresh_next_follow_up(session, lead.id)
            session.commit()
    finally:
        engine.dispose()


def _zone(server) -> ZoneInfo:
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            return ZoneInfo(masters.get(session, "default_timezone"))
    finally:
        engine.dispose()


def test_what_slipped_earlier_today_stays_under_today_until_moved_to_tomorrow(page, server, demo_password):
    zone = _zone(server)
    now = utcnow().astimezone(zone)
    due = max(datetime.combine(now.date(), time(), zone), now - timedelta(hours=1)).replace(second=0, microsecond=0)
    if due >= now - timedelta(minutes=1):
        pytest.skip("just after the company's midnight: nothing can have fallen due earlier today")
    title = "Clock: call that slipped this morning"
    _planned(server, title, due)
    LoginPage(page).log_in("E03", demo_password)
    follow_ups = FollowUpList(page).open()
    expect(follow_ups.tab("Team")).to_have_count(0)  # an executive's list is theirs alone
    row = follow_ups.row("Today", title)
    expect(row.get_by_text("Overdue", exact=True)).to_be_visible()
    expect(follow_ups.row("Overdue", title)).to_have_count(0)  # listed once…
    expect(follow_ups.section("Overdue")).to_contain_text("earlier today, under Today")  # …and counted
    _shot(page, "follow_ups_slipped_today", at=row)

    dialog = follow_ups.reschedule("Today", title, (now - timedelta(hours=2)).strftime(INPUT))
    expect(dialog.get_by_text("Choose a time from now on.")).to_be_visible()
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time(10, 0)).strftime(INPUT)
    dialog.get_by_label("New due time").fill(tomorrow)
    dialog.get_by_role("button", name="Reschedule").click()
    expect(dialog).to_be_hidden()
    expect(follow_ups.row("Upcoming", title)).to_be_visible()
    expect(follow_ups.row("Today", title)).to_have_count(0)
    expect(follow_ups.row("Upcoming", title).get_by_text("Overdue", exact=True)).to_have_count(0)

    page.set_viewport_size({"width": 390, "height": 844})
    expect(follow_ups.row("Upcoming", title)).to_be_visible()
    _shot(page, "follow_ups_phone_top", at=page.get_by_role("heading", name="My follow-ups", level=1))
    _shot(page, "follow_ups_phone", at=follow_ups.row("Upcoming", title))
    follow_ups.row("Upcoming", title).get_by_role("button", name="Reschedule").click()
    phone_dialog = page.get_by_role("dialog", name="Reschedule follow-up")
    expect(phone_dialog.get_by_label("New due time")).to_have_value(tomorrow)  # prefilled with the current time
    _shot(page, "follow_ups_phone_reschedule")
    phone_dialog.get_by_role("button", name="Cancel").click()


def test_the_manager_sees_nehas_follow_up_on_the_team_tab_with_her_name(page, server, demo_password):
    zone = _zone(server)
    tomorrow = datetime.combine(utcnow().astimezone(zone).date() + timedelta(days=1), time(9, 0), zone)
    title = "Clock: Neha's call for the team tab"
    _planned(server, title, tomorrow)
    LoginPage(page).log_in("E02", demo_password)
    follow_ups = FollowUpList(page).open()
    expect(follow_ups.row("Upcoming", title)).to_have_count(0)  # Mine: Ravi's own
    follow_ups.tab("Team").click()
    expect(page.get_by_role("heading", name="Team follow-ups", level=1)).to_be_visible()
    _shot(page, "follow_ups_team_tab_top")
    row = follow_ups.row("Upcoming", title)
    expect(row).to_contain_text("Neha Joshi")
    _shot(page, "follow_ups_team_tab", at=row)
