"""My follow-ups: the planned ones assigned to me, by the company's date (Asia/Kolkata):
Today holds all of today, earliest first, including what fell due earlier today (flagged
overdue); Overdue holds everything past due, the most recent first; then Upcoming."""
from datetime import datetime, timezone

import pytest

from hoffice_app.domain import followups
from hoffice_app.domain.leads import save as leads
from hoffice_app.models import Contact
from tests.lead_factory import actor, demo, employee_id, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

PLANNED_AT = datetime(2026, 3, 1, 3, 0, tzinfo=timezone.utc)  # 1 Mar, 08:30 company time
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)  # 2 Mar, 15:00 company time


def plan(session, who, lead, due_at, kind="call", **extra):
    return followups.schedule(session, who, lead.id, {"kind": kind, "due_at": due_at, **extra}, now=PLANNED_AT)


@pytest.fixture
def neha_lead(session, executive):
    return make_lead(session, executive, PLANNED_AT, contact_name="Horus Tech", assigned_to="E03")


def _ids(views):
    return [v.due_iso for v in views]


def test_buckets_by_company_date(session, executive, neha_lead):
    for due in ("2026-03-04T10:00", "2026-03-02T14:00", "2026-03-01T10:00", "2026-03-02T23:59",
                "2026-03-03T02:00", "2026-03-02T15:30", "2026-03-02T00:00"):
        plan(session, executive, neha_lead, due)
    mine = followups.my_follow_ups(session, executive, now=NOW)
    assert _ids(mine.overdue) == ["2026-03-02T14:00", "2026-03-02T00:00", "2026-03-01T10:00"]
    assert _ids(mine.today) == ["2026-03-02T00:00", "2026-03-02T14:00", "2026-03-02T15:30", "2026-03-02T23:59"]
    # 3 Mar 02:00 company time is still 2 Mar in UTC, yet it is tomorrow for the company
    assert _ids(mine.upcoming) == ["2026-03-03T02:00", "2026-03-04T10:00"]
    assert {v.state for v in mine.overdue} == {"overdue"}
    assert [v.state for v in mine.today] == ["overdue", "overdue", "today", "today"]
    assert {v.state for v in mine.upcoming} == {"planned"}
    # the page lists each once: Overdue shows the days before, and counts the two from today
    assert (_ids(mine.before_today), mine.overdue_today) == (["2026-03-01T10:00"], 2)


def test_a_view_carries_the_lead_and_contact(session, executive, neha_lead):
    plan(session, executive, neha_lead, "2026-03-02T16:00", kind="visit", notes="Site survey")
    [view] = followups.my_follow_ups(session, executive, now=NOW).today
    assert (view.lead_code, view.lead_title, view.contact_name, view.kind_label, view.due, view.notes) == (
        neha_lead.code, neha_lead.title, "Horus Tech", "Visit", "02 Mar 2026, 16:00", "Site survey")


def test_only_follow_ups_assigned_to_me(session, executive, manager, neha_lead):
    plan(session, executive, neha_lead, "2026-03-02T16:00")
    plan(session, manager, neha_lead, "2026-03-02T17:00", assignee_id=str(manager.id))
    mine = followups.my_follow_ups(session, executive, now=NOW)
    assert _ids(mine.today) == ["2026-03-02T16:00"]
    assert _ids(followups.my_follow_ups(session, manager, now=NOW).today) == ["2026-03-02T17:00"]
    assert followups.my_follow_ups(session, actor(session, "E04"), now=NOW).today == []


def test_done_follow_ups_leave_the_list(session, executive, neha_lead):
    done = plan(session, executive, neha_lead, "2026-03-02T10:00")
    plan(session, executive, neha_lead, "2026-03-05T10:00")
    followups.complete(session, executive, done.id, "Spoke to the owner", None, now=NOW)
    mine = followups.my_follow_ups(session, executive, now=NOW)
    assert (mine.overdue, mine.today, _ids(mine.upcoming)) == ([], [], ["2026-03-05T10:00"])


def test_follow_ups_on_leads_i_can_no_longer_see_are_left_out(session, admin, neha_lead):
    karan = actor(session, "E04")
    lead = make_lead(session, admin, PLANNED_AT, contact_name="Other Co", assigned_to="E04")
    plan(session, admin, lead, "2026-03-02T16:00")
    assert len(followups.my_follow_ups(session, karan, now=NOW).today) == 1
    # the lead moves to Neha: Karan no longer sees it, nor his follow-up on it
    contact_code = session.get(Contact, lead.contact_id).code
    leads.save_lead(session, admin, {"title": lead.title, "contact_code": contact_code,
                                     "assigned_to_id": str(employee_id(session, "E03"))}, now=NOW, lead_id=lead.id)
    assert followups.my_follow_ups(session, karan, now=NOW).today == []


def test_limit_keeps_the_latest_overdue_and_the_earliest_ahead(session, executive, neha_lead):
    for due in ("2026-03-09T10:00", "2026-03-01T09:00", "2026-03-01T10:00", "2026-03-02T16:00",
                "2026-03-02T18:00", "2026-03-05T10:00"):
        plan(session, executive, neha_lead, due)
    mine = followups.my_follow_ups(session, executive, now=NOW, limit=1)
    assert (_ids(mine.overdue), _ids(mine.today), _ids(mine.upcoming)) == (
        ["2026-03-01T10:00"], ["2026-03-02T16:00"], ["2026-03-05T10:00"])


def test_today_is_the_company_date_even_when_utc_is_still_yesterday(session, executive, neha_lead):
    late_evening_utc = datetime(2026, 3, 2, 20, 0, tzinfo=timezone.utc)  # 3 Mar, 01:30 company time
    for due in ("2026-03-03T10:00", "2026-03-04T10:00"):
        plan(session, executive, neha_lead, due)
    mine = followups.my_follow_ups(session, executive, now=late_evening_utc)
    assert (_ids(mine.today), _ids(mine.upcoming)) == (["2026-03-03T10:00"], ["2026-03-04T10:00"])
