"""Follow-ups by the clock: the day turns at midnight in the company's time zone (Asia/Kolkata,
UTC+05:30), not the server's or UTC's; Overdue puts the one that just slipped first; a
manager's Team list holds the follow-ups of everyone below them and nobody else's."""
from datetime import datetime, timezone

import pytest

from hoffice_app.domain import followups
from hoffice_app.domain.common import PermissionDenied
from hoffice_app.models import Employee
from tests.lead_factory import actor, demo, employee_id, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

PLANNED_AT = datetime(2026, 3, 1, 3, 0, tzinfo=timezone.utc)  # 1 Mar, 08:30 company time
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)  # 2 Mar, 15:00 company time
JUST_AFTER_MIDNIGHT = "2026-03-02T00:10"  # 1 Mar 18:40 UTC
JUST_BEFORE_MIDNIGHT = "2026-03-01T23:50"  # 1 Mar 18:20 UTC


def utc(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=timezone.utc)


def plan(session, who, lead, due_at, **extra):
    return followups.schedule(session, who, lead.id, {"kind": "call", "due_at": due_at, **extra}, now=PLANNED_AT)


def _ids(views):
    return [v.due_iso for v in views]


@pytest.fixture
def around_midnight(session, executive):
    lead = make_lead(session, executive, PLANNED_AT, assigned_to="E03")
    plan(session, executive, lead, JUST_AFTER_MIDNIGHT)
    plan(session, executive, lead, JUST_BEFORE_MIDNIGHT)


@pytest.mark.parametrize("now, today, overdue, upcoming", [
    # 1 Mar 23:55 company time: 23:50 slipped five minutes ago, still today's; 00:10 is tomorrow's
    (utc(1, 18, 25), [JUST_BEFORE_MIDNIGHT], [JUST_BEFORE_MIDNIGHT], [JUST_AFTER_MIDNIGHT]),
    # midnight on the dot: 23:50 is yesterday's (overdue), 00:10 today's and not yet due
    (utc(1, 18, 30), [JUST_AFTER_MIDNIGHT], [JUST_BEFORE_MIDNIGHT], []),
    # 00:20, though UTC still says 1 Mar: both overdue, the one that just slipped first
    (utc(1, 18, 50), [JUST_AFTER_MIDNIGHT], [JUST_AFTER_MIDNIGHT, JUST_BEFORE_MIDNIGHT], []),
    # 23:59 the same day: 00:10 is still today's
    (utc(2, 18, 29), [JUST_AFTER_MIDNIGHT], [JUST_AFTER_MIDNIGHT, JUST_BEFORE_MIDNIGHT], []),
    # the next midnight: neither is today's any more
    (utc(2, 18, 30), [], [JUST_AFTER_MIDNIGHT, JUST_BEFORE_MIDNIGHT], []),
])
def test_the_day_turns_at_the_companys_midnight(session, executive, around_midnight, now, today, overdue, upcoming):
    mine = followups.my_follow_ups(session, executive, now=now)
    assert (_ids(mine.today), _ids(mine.overdue), _ids(mine.upcoming)) == (today, overdue, upcoming)
    slipped_today = [v.due_iso for v in mine.today if v.state == "overdue"]
    assert mine.overdue_today == len(slipped_today)
    assert _ids(mine.before_today) == [d for d in overdue if d not in slipped_today]


def test_earlier_today_is_in_today_flagged_overdue_and_counted_as_overdue(session, executive):
    lead = make_lead(session, executive, PLANNED_AT, assigned_to="E03")
    plan(session, executive, lead, "2026-03-02T09:00")
    at_eleven = utc(2, 5, 30)  # 11:00 company time
    mine = followups.my_follow_ups(session, executive, now=at_eleven)
    assert [(v.due_iso, v.state) for v in mine.today] == [("2026-03-02T09:00", "overdue")]
    assert (len(mine.overdue), mine.overdue_today, mine.before_today) == (1, 1, [])


def test_overdue_is_most_recent_first(session, executive):
    lead = make_lead(session, executive, PLANNED_AT, assigned_to="E03")
    for due in ("2026-03-01T10:00", "2026-03-02T14:30", "2026-03-01T20:00", "2026-03-02T09:00", "2026-03-03T10:00"):
        plan(session, executive, lead, due)
    mine = followups.my_follow_ups(session, executive, now=NOW)
    assert _ids(mine.overdue) == ["2026-03-02T14:30", "2026-03-02T09:00", "2026-03-01T20:00", "2026-03-01T10:00"]
    assert _ids(mine.before_today) == ["2026-03-01T20:00", "2026-03-01T10:00"]


def _employee(session, code, name, role, boss=None):
    row = Employee(code=code, name=name, email=f"{code.lower()}@example.com", role=role,
                   reports_to_id=employee_id(session, boss) if boss else None, created_at=NOW, updated_at=NOW)
    session.add(row)
    session.flush()
    return row


@pytest.fixture
def teams(session, admin, manager):
    """Ravi (E02) has Neha, Karan, Priya and, below Neha, E08; Meera (E06) has E07. Each has a call today."""
    _employee(session, "E06", "Meera Rao", "manager")
    _employee(session, "E07", "Vikram Iyer", "executive", boss="E06")
    _employee(session, "E08", "Anil Kumar", "executive", boss="E03")
    for code, due in (("E02", "2026-03-02T16:00"), ("E04", "2026-03-02T17:00"), ("E08", "2026-03-02T18:00"),
                      ("E07", "2026-03-02T19:00"), ("E01", "2026-03-02T20:00")):
        lead = make_lead(session, admin, PLANNED_AT, assigned_to=code, title=f"Lead of {code}")
        plan(session, admin, lead, due)
    # Karan's call on a lead of Meera's team that he follows: Ravi may not open that lead
    hidden = make_lead(session, admin, PLANNED_AT, assigned_to="E07", title="Meera's lead",
                       follower_employee_ids=[str(employee_id(session, "E04"))])
    plan(session, admin, hidden, "2026-03-02T21:00", assignee_id=str(employee_id(session, "E04")))


def _who(views):
    return [(v.assignee, v.due_iso[-5:]) for v in views]


def test_a_manager_sees_everyone_below_them_not_other_teams_nor_their_own(session, manager, teams):
    team = followups.team_follow_ups(session, manager, now=NOW)
    assert _who(team.today) == [("Karan Mehta", "17:00"), ("Anil Kumar", "18:00")]
    assert _who(followups.my_follow_ups(session, manager, now=NOW).today) == [("Ravi Shah", "16:00")]


def test_the_other_manager_sees_only_their_team(session, teams):
    meera = actor(session, "E06")
    assert _who(followups.team_follow_ups(session, meera, now=NOW).today) == [("Vikram Iyer", "19:00")]


def test_an_administrator_sees_everyone_but_themselves(session, admin, teams):
    team = followups.team_follow_ups(session, admin, now=NOW)
    assert [who for who, _ in _who(team.today)] == ["Ravi Shah", "Karan Mehta", "Anil Kumar", "Vikram Iyer",
                                                    "Karan Mehta"]


def test_an_executive_has_no_team_list(session, executive, teams):
    """Refused rather than their own list again: "Mine" already shows it (the page shows no tab)."""
    assert not followups.may_see_team(executive)
    with pytest.raises(PermissionDenied) as err:
        followups.team_follow_ups(session, executive, now=NOW)
    assert str(err.value) == "Only managers and administrators see their team's follow-ups."
