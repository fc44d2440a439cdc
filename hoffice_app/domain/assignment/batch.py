"""Assigning leads that have nobody by the rules: a new lead saved without an assignee, or a
batch of revoked leads sent "through a rule". Each assigned lead gets its assignee, a timeline
line naming the rule, a notification to the new assignee (notify.leads_assigned: lead_assigned's
messages, written in one go) and its board's news — as a person's
assignment does (leads.reassign), in the caller's transaction. Nothing here commits."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from hoffice_app.domain import live
from hoffice_app.domain.assignment.picking import plan
from hoffice_app.models import AssignmentRule, Employee, Lead

CHUNK = 500  # ids per IN (...)


def any_enabled(session: Session) -> bool:
    """Whether any rule could assign (one cheap query before every new lead's save does more)."""
    enabled = select(AssignmentRule.id).where(AssignmentRule.enabled == True).limit(1)  # noqa: E712
    return session.exec(enabled).first() is not None


def assign_by_rules(session: Session, lead_ids: list[int], *, now: datetime, actor_id: int | None = None) -> int:
    """Assign the leads among ``lead_ids`` that have no assignee, each by the first rule that
    matches it (else the fallback); leads nobody may take stay unassigned. ``actor_id``: who the
    timeline names (None: the system). Returns how many leads were assigned."""
    from hoffice_app.domain import notify  # notify reads leads; called only when leads change
    from hoffice_app.domain.leads import record_many

    ids = sorted({int(i) for i in lead_ids or [] if i})
    if not ids or not any_enabled(session):
        return 0
    leads: list[Lead] = []
    for lo in range(0, len(ids), CHUNK):
        leads += session.exec(select(Lead).where(Lead.id.in_(ids[lo:lo + CHUNK]), Lead.assigned_to_id.is_(None))
                              .order_by(Lead.id)).all()
    picks = plan(session, leads, now=now)
    placed = [lead for lead in leads if lead.id in picks]
    if not placed:
        return 0
    names = dict(session.exec(select(Employee.id, Employee.name).where(
        Employee.id.in_({p.employee_id for p in picks.values()}))).all())
    session.flush()  # nothing of the caller's pending on these rows is lost by the write below
    _write_assignees(session, placed, picks, now)
    lines = [(lead.id, f'Assigned to {names.get(picks[lead.id].employee_id, "someone")} '
                       f'by the rule "{picks[lead.id].rule_name}"') for lead in placed]
    record_many(session, lines, actor_id, "assigned", at=now, touch_leads=False)  # _write_assignees touched them
    notify.leads_assigned(session, placed, now=now)
    for funnel_id in sorted({lead.funnel_id for lead in placed if lead.funnel_id}):  # their boards look again
        live.announce(session, live.News(live.FUNNEL, funnel_id))
    return len(placed)


def _write_assignees(session: Session, leads: list[Lead], picks: dict, now: datetime) -> None:
    """One UPDATE run for all the leads (executemany: pipelined on PostgreSQL), not one ORM
    flush round trip per lead, with the check the ORM's would make: each lead still at the
    version it was read at (else ``StaleDataError``: the caller's ``versions.guard`` refuses it).
    The rows in the session are told the new values, as a flush would."""
    table = Lead.__table__
    stmt = (update(table).where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(assigned_to_id=bindparam("b_to"), assigned_at=now, updated_at=now, last_activity_at=now,
                    version=table.c.version + 1))
    rows = [{"b_id": lead.id, "b_version": lead.version, "b_to": picks[lead.id].employee_id} for lead in leads]
    result = session.execute(stmt, rows)
    if session.get_bind().dialect.supports_sane_multi_rowcount and result.rowcount != len(rows):
        raise StaleDataError(f"{len(rows) - result.rowcount} of the leads changed while they were assigned")
    for lead in leads:
        for key, value in (("assigned_to_id", picks[lead.id].employee_id), ("assigned_at", now),
                           ("updated_at", now), ("last_activity_at", now), ("version", lead.version + 1)):
            set_committed_value(lead, key, value)
