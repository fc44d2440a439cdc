"""Follow-up insights counted by hand on a small history: the period's edges in the company's
zone, a follow-up completed exactly at its due time (on time), overdue whatever the period,
unattended leads and the hours from assignment to the first follow-up."""
from datetime import timedelta

from hoffice_app.domain import insights
from tests.domain.insights.fixtures import (
    APRIL_START,
    MARCH_START,
    NOW,
    PLANNED_AT,
    actor,
    done,
    make_lead,
    plan,
    utc,
    views,
)
from tests.lead_factory import demo, engine  # noqa: F401

MINUTE = timedelta(minutes=1)


def _history(session):
    admin, neha_actor = actor(session, "E01"), actor(session, "E03")
    a = make_lead(session, admin, PLANNED_AT, title="A", assigned_to="E03")
    on_time = plan(session, admin, a, MARCH_START)  # due 1 Mar 00:00 IST, done exactly then
    plan(session, admin, a, MARCH_START - MINUTE)  # 28 Feb IST: not in March; overdue now
    late = plan(session, admin, a, utc(2026, 3, 10, 5, 0))
    plan(session, admin, a, utc(2026, 3, 15, 5, 0))  # in March, overdue now
    plan(session, admin, a, APRIL_START - MINUTE)  # 31 Mar 23:59 IST: in March, not due yet
    plan(session, admin, a, APRIL_START)  # 1 Apr IST: out
    done(session, neha_actor, on_time, MARCH_START)
    done(session, neha_actor, late, utc(2026, 3, 10, 6, 0))
    make_lead(session, admin, PLANNED_AT, title="C, nothing planned", assigned_to="E03")
    # Karan: a lead assigned on 2 March, followed up five hours later (late by one)
    e = make_lead(session, admin, utc(2026, 3, 2, 10, 0), title="E", assigned_to="E04")
    first = plan(session, admin, e, utc(2026, 3, 2, 14, 0), at=utc(2026, 3, 2, 10, 0))
    done(session, actor(session, "E04"), first, utc(2026, 3, 2, 15, 0))
    b = make_lead(session, admin, PLANNED_AT, title="B", assigned_to="E04")
    early = plan(session, admin, b, utc(2026, 3, 5, 5, 0))
    done(session, actor(session, "E04"), early, utc(2026, 3, 4, 5, 0))
    session.commit()


def _rows(session, who):
    view, when = views(session, who)
    table = insights.follow_up_insights(session, who, view, when, now=NOW)
    return {r.name: r for r in table.rows}, table


def _numbers(row):
    return (row.planned.value, row.on_time.value, row.late.value, row.overdue.value, row.unattended.value,
            row.on_time_pct)


def test_each_column_by_hand(session):
    _history(session)
    rows, table = _rows(session, actor(session, "E02"))
    assert _numbers(rows["Neha Joshi"]) == (4, 1, 1, 2, 1, "33%")  # on time ÷ (on time + late + overdue in March)
    assert _numbers(rows["Karan Mehta"]) == (2, 1, 1, 0, 2, "50%")  # both his leads: nothing planned any more
    assert _numbers(rows["Priya Desai"]) == (0, 0, 0, 0, 0, "—")
    assert _numbers(table.total) == (6, 2, 2, 2, 3, "40%")
    assert table.period_label == "1 Mar 2026 – 31 Mar 2026"


def test_hours_to_the_first_follow_up_count_leads_assigned_in_the_period(session):
    _history(session)
    rows, _ = _rows(session, actor(session, "E02"))
    karan = rows["Karan Mehta"]
    assert (karan.assigned.value, karan.followed_up.value, karan.avg_hours) == (1, 1, "5.0")
    assert (rows["Neha Joshi"].assigned.value, rows["Neha Joshi"].avg_hours) == (0, "—")  # assigned in February


def test_last_month_holds_what_fell_due_in_february_ist(session):
    _history(session)
    manager = actor(session, "E02")
    view, when = views(session, manager, "last_month")
    rows = {r.name: r for r in insights.follow_up_insights(session, manager, view, when, now=NOW).rows}
    assert (rows["Neha Joshi"].planned.value, rows["Neha Joshi"].overdue.value) == (1, 2)  # overdue: whatever the range


def test_an_executive_sees_only_their_own_row(session):
    _history(session)
    rows, table = _rows(session, actor(session, "E03"))
    assert list(rows) == ["Neha Joshi"] and table.scope_label == "Me"


def test_the_admin_sees_everyone_or_one_team(session):
    _history(session)
    admin = actor(session, "E01")
    rows, table = _rows(session, admin)
    assert {"Asha Patel", "Ravi Shah", "Neha Joshi", "Karan Mehta", "Priya Desai"} <= set(rows)
    manager_id = actor(session, "E02").id
    view = insights.resolve_scope(session, admin, manager_id)
    assert view.label == "Ravi Shah's team" and actor(session, "E01").id not in view.people


def test_a_manager_cannot_widen_their_scope_with_a_team_filter(session):
    manager = actor(session, "E02")
    assert insights.resolve_scope(session, manager, actor(session, "E01").id).label == "My team"
    executive = actor(session, "E03")
    assert insights.resolve_scope(session, executive, manager.id).people == frozenset({executive.id})


def test_a_custom_period_is_checked(session):
    import pytest

    from hoffice_app.domain.common import ValidationError
    with pytest.raises(ValidationError) as err:
        insights.resolve_period(session, "custom", "2026-03-10", "2026-03-01", now=NOW)
    assert "to" in err.value.errors
    with pytest.raises(ValidationError):
        insights.resolve_period(session, "custom", "March", "2026-03-01", now=NOW)
