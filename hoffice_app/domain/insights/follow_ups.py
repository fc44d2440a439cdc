"""Follow-up insights per person: what each executive planned for the period, what they did
on time or late, what is overdue now, which of their leads have nothing planned, and how soon
they follow up a lead after it is assigned to them."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import case, func
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, no_index, require_actor
from hoffice_app.domain.insights import metrics, scope
from hoffice_app.domain.insights.drill import make
from hoffice_app.domain.insights.period import Period
from hoffice_app.domain.insights.views import Cell, FollowUpInsights, PersonRow
from hoffice_app.models import FollowUp, FollowUpStatus, Lead

TOTAL_LABEL = "Everyone shown"


def _sum(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _due_in_period(session: Session, view: scope.Scope, when: Period, now: datetime) -> dict[int, tuple]:
    """person → (planned, on time, late, overdue among those due in the period)."""
    stmt = (select(FollowUp.assignee_id, func.count(), _sum(metrics.done_on_time()), _sum(metrics.done_late()),
                   _sum(metrics.overdue(now)))
            .join(Lead, Lead.id == FollowUp.lead_id)
            .where(scope.follow_up_clause(session, view), *metrics.due_in(when)).group_by(FollowUp.assignee_id))
    return {row[0]: tuple(int(v) for v in row[1:]) for row in session.exec(stmt).all()}


def _overdue_now(session: Session, view: scope.Scope, now: datetime) -> dict[int, int]:
    """Grouped without the assignee index's order: SQLite would rather walk that whole index
    than sort the few overdue ones it finds through their due time."""
    stmt = (select(FollowUp.assignee_id, func.count()).join(Lead, Lead.id == FollowUp.lead_id)
            .where(scope.follow_up_clause(session, view), metrics.overdue(now))
            .group_by(no_index(session, FollowUp.assignee_id)))
    return dict(session.exec(stmt).all())


def _unattended(session: Session, view: scope.Scope) -> dict[int, int]:
    stmt = (select(Lead.assigned_to_id, func.count())
            .where(scope.lead_clause(session, view), metrics.unattended()).group_by(Lead.assigned_to_id))
    return dict(session.exec(stmt).all())


def _first_follow_up(session: Session, view: scope.Scope, when: Period) -> dict[int, tuple[int, int, float]]:
    """person → (leads assigned in the period, of those followed up since, total hours to the
    first follow-up completed at or after the assignment). The first follow-up is looked up
    per lead assigned in the period (a few per lead through its lead_id), not grouped over
    every done follow-up first."""
    first_done = (select(func.min(FollowUp.completed_at))
                  .where(FollowUp.lead_id == Lead.id, FollowUp.status == FollowUpStatus.DONE,
                         FollowUp.completed_at >= Lead.assigned_at)
                  .correlate(Lead).scalar_subquery())
    stmt = (select(Lead.assigned_to_id, Lead.assigned_at, first_done)
            .where(scope.lead_clause(session, view), *metrics.lead_metric(session, "assigned", when, None)))
    out: dict[int, list] = {}
    for person, assigned_at, done_at in session.exec(stmt).all():
        entry = out.setdefault(person, [0, 0, 0.0])
        entry[0] += 1
        if done_at is not None:
            entry[1] += 1
            entry[2] += (_aware(done_at) - _aware(assigned_at)).total_seconds() / 3600
    return {k: tuple(v) for k, v in out.items()}


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive UTC times, PostgreSQL aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def _row(view: scope.Scope, when: Period, person_id: int | None, name: str, numbers: dict) -> PersonRow:
    by, key = ("person", str(person_id)) if person_id else ("", "")

    def cell(metric: str, value: int) -> Cell:
        return Cell(value, make(metric, when, view, by, key).url())
    planned, on_time, late, overdue_in = numbers["due"]
    assigned, followed, hours = numbers["first"]
    return PersonRow(person_id or 0, name, cell("planned", planned), cell("on_time", on_time), cell("late", late),
                     cell("overdue", numbers["overdue"]), cell("unattended", numbers["unattended"]),
                     percent(on_time, on_time + late + overdue_in), cell("assigned", assigned),
                     cell("first_done", followed), f"{hours / followed:.1f}" if followed else "—")


def follow_up_insights(session: Session, actor: Actor, view: scope.Scope, when: Period, *,
                       now: datetime) -> FollowUpInsights:
    """The follow-up table for ``view`` over ``when``: one row per person in the scope (and anyone
    else with numbers in it), then the total."""
    require_actor(actor)
    due, late_now = _due_in_period(session, view, when, now), _overdue_now(session, view, now)
    idle, first = _unattended(session, view), _first_follow_up(session, view, when)
    people = scope.people(session, view)
    extra = (set(due) | set(late_now) | set(idle) | set(first)) - set(people) - {None}
    people |= scope.names(session, extra)
    rows, totals = [], {"due": [0, 0, 0, 0], "overdue": 0, "unattended": 0, "first": [0, 0, 0.0]}
    for person_id, name in sorted(people.items(), key=lambda item: item[1].casefold()):
        numbers = {"due": due.get(person_id, (0, 0, 0, 0)), "overdue": late_now.get(person_id, 0),
                   "unattended": idle.get(person_id, 0), "first": first.get(person_id, (0, 0, 0.0))}
        for k in ("due", "first"):
            totals[k] = [a + b for a, b in zip(totals[k], numbers[k])]
        totals["overdue"] += numbers["overdue"]
        totals["unattended"] += numbers["unattended"]
        rows.append(_row(view, when, person_id, name, numbers))
    total = _row(view, when, None, TOTAL_LABEL, totals)
    chart = [{"name": r.name, "on_time": r.on_time.value, "late": r.late.value, "overdue": r.overdue.value}
             for r in rows]
    return FollowUpInsights(when.label, view.label, rows, total, chart)
