"""Taking leads back from their assignee — by a policy, or by a manager's bulk revoke — and
putting them back (undo, for a week).

A revoke never overwrites a person's edit: each lead is changed by one UPDATE that requires
the version it was read at; a lead saved meanwhile is skipped (a policy looks again next
run). Its open follow-ups of the former assignee move with it — to the new assignee, or, for
a lead put back in the pool, to the former assignee's manager, who then answers for them
until someone takes the lead (and them) from the pool. Everything is one ``revocation``
with a ``revocation_lead`` per lead, written on each lead's timeline and notified. Nothing
here commits.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from hoffice_app.domain import live
from hoffice_app.domain.leads import record as timeline_record
from hoffice_app.models import Employee, FollowUp, FollowUpStatus, Lead, LeadEvent, Revocation, RevocationLead

TARGETS = ("pool", "employee", "manager", "rule")
CHUNK = 500  # ids per IN (...)


@dataclass(frozen=True)
class Target:
    kind: str  # pool | employee | manager | rule
    employee_id: int | None = None
    rule_id: int | None = None


@dataclass(frozen=True)
class Revoked:
    revocation_id: int | None  # None: nothing was revoked
    revoked: tuple[str, ...]  # lead codes
    skipped: tuple[str, ...]  # changed meanwhile, closed, or already with the target
    follow_ups: int


def revoke_leads(session: Session, leads: list[tuple[int, int]], target: Target, *, reason: str, now: datetime,
                 actor_id: int | None = None, policy_id: int | None = None, into: int | None = None) -> Revoked:
    """Revoke each (lead id, version it was read at) to ``target``. ``into``: add to that
    revocation (one action in several chunks) instead of starting one. A few statements per
    batch, not per lead: a policy enabled over a backlog revokes thousands at once."""
    wanted = dict(leads)
    people = {e.id: e for e in session.exec(select(Employee))}
    found: list[Lead] = []
    for lo in range(0, len(wanted), CHUNK):
        found += session.exec(select(Lead).where(Lead.id.in_(list(wanted)[lo:lo + CHUNK]))
                              .execution_options(populate_existing=True)).all()
    by_id = {lead.id: lead for lead in found}
    planned, skipped = [], []
    for lead_id, version in leads:
        lead = by_id.get(lead_id)
        if lead is None or lead.version != version or not lead.is_open or lead.assigned_to_id is None:
            skipped.append(lead.code if lead else str(lead_id))
            continue
        to_id, outcome = _destination(session, lead, target, people, now)
        if to_id == lead.assigned_to_id:
            skipped.append(lead.code)
            continue
        planned.append((lead, lead.assigned_to_id, to_id, outcome))
    landed = _write_assignees(session, planned, now, actor_id)
    done = [p for p in planned if p[0].id in landed]
    skipped += [p[0].code for p in planned if p[0].id not in landed]
    if not done:
        return Revoked(into, (), tuple(skipped), 0)
    revocation = session.get(Revocation, into) if into else None
    if revocation is None:
        revocation = Revocation(policy_id=policy_id, actor_id=actor_id, target=target.kind, reason=reason[:300], at=now)
    revocation.lead_count += len(done)
    session.add(revocation)
    session.flush()
    moved = _move_follow_ups(session, done, people, now)
    session.execute(insert(RevocationLead.__table__), [
        dict(revocation_id=revocation.id, lead_id=lead.id, from_id=former, to_id=to_id, version_after=lead.version,
             follow_up_ids=json.dumps(moved.get(lead.id, []))) for lead, former, to_id, _o in done])
    session.execute(insert(LeadEvent.__table__), [
        dict(lead_id=lead.id, actor_id=actor_id, kind="assigned", at=now,
             text=f"Revoked from {_name(people, former)}: {outcome} ({reason})"[:2000])
        for lead, former, _t, outcome in done])
    _tell(session, done, reason=reason, now=now, actor_id=actor_id, people=people)
    _announce(session, [d[0].id for d in done])
    return Revoked(revocation.id, tuple(d[0].code for d in done), tuple(skipped), sum(map(len, moved.values())))


def _write_assignees(session: Session, planned: list, now: datetime, actor_id: int | None) -> set[int]:
    """One UPDATE run for the batch (executemany: pipelined on PostgreSQL), each lead only at the
    version the pass read; returns the ids that changed. Should fewer rows change than asked (a
    person saved one meanwhile), the rows say which: those now carrying this revoke's values."""
    if not planned:
        return set()
    table = Lead.__table__
    stmt = (update(table).where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(assigned_to_id=bindparam("b_to"), assigned_at=now, updated_at=now, updated_by_id=actor_id,
                    last_activity_at=now, version=table.c.version + 1))  # the timeline line below is activity
    result = session.execute(stmt, [{"b_id": lead.id, "b_version": lead.version, "b_to": to_id}
                                    for lead, _former, to_id, _o in planned])
    landed = {lead.id for lead, *_rest in planned}
    if result.rowcount != len(planned):
        want = {lead.id: (lead.version + 1, to_id) for lead, _former, to_id, _o in planned}
        rows = session.execute(select(table.c.id, table.c.version, table.c.assigned_to_id, table.c.updated_at)
                               .where(table.c.id.in_(list(want)))).all()
        landed = {r.id for r in rows if (r.version, r.assigned_to_id) == want[r.id] and r.updated_at == now}
    for lead, _former, to_id, _o in planned:
        if lead.id in landed:
            for key, value in (("assigned_to_id", to_id), ("assigned_at", now), ("updated_at", now),
                               ("updated_by_id", actor_id), ("last_activity_at", now), ("version", lead.version + 1)):
                set_committed_value(lead, key, value)  # the row as written, without a second UPDATE
    return landed


def _name(people: dict[int, Employee], employee_id: int | None) -> str:
    return people[employee_id].name if employee_id in people else "someone"


def _destination(session: Session, lead: Lead, target: Target, people: dict[int, Employee],
                 now: datetime) -> tuple[int | None, str]:
    """Whom the lead goes to, and how the timeline and the notification say it."""
    if target.kind == "employee" and target.employee_id:
        return target.employee_id, f"given to {_name(people, target.employee_id)}"
    if target.kind == "manager":
        boss = people[lead.assigned_to_id].reports_to_id if lead.assigned_to_id in people else None
        if boss:
            return boss, f"given to their manager, {_name(people, boss)}"
    if target.kind == "rule":
        from hoffice_app.domain import assignment  # the rules sit beside policies; imported when used

        pick = assignment.pick_assignee(session, lead, now=now, rule_id=target.rule_id)
        if pick is not None:
            who = _name(people, pick.employee_id)
            return pick.employee_id, f"given to {who} by the rule \"{pick.rule_name}\""
    return None, "put back in the pool"


def _move_follow_ups(session: Session, done: list, people: dict[int, Employee], now: datetime) -> dict[int, list[int]]:
    """Each former assignee's planned follow-ups go with the lead (a pooled lead's to the former
    assignee's manager, if any); what the former assignee was told is forgotten, so the new
    holder is reminded and warned in turn. Returns the moved ids per lead."""
    keeper = {lead.id: to_id or (people[former].reports_to_id if former in people else None)
              for lead, former, to_id, _o in done}
    former_of = {lead.id: former for lead, former, _t, _o in done}
    moved: dict[int, list[int]] = {}
    by_keeper: dict[int, list[int]] = {}
    ids = [lead_id for lead_id, k in keeper.items() if k]
    for lo in range(0, len(ids), CHUNK):
        rows = session.execute(select(FollowUp.id, FollowUp.lead_id, FollowUp.assignee_id).where(
            FollowUp.lead_id.in_(ids[lo:lo + CHUNK]), FollowUp.status == FollowUpStatus.PLANNED)).all()
        for row in rows:
            if row.assignee_id == former_of[row.lead_id]:
                moved.setdefault(row.lead_id, []).append(row.id)
                by_keeper.setdefault(keeper[row.lead_id], []).append(row.id)
    for to_id, follow_ups in by_keeper.items():
        _reassign_follow_ups(session, follow_ups, to_id, now)
    return moved


def _reassign_follow_ups(session: Session, ids: list[int], to_id: int, now: datetime) -> None:
    session.execute(update(FollowUp).where(FollowUp.id.in_(ids)).values(
        assignee_id=to_id, overdue_notified_at=None, escalated_at=None).execution_options(synchronize_session=False))
    session.execute(update(FollowUp).where(FollowUp.id.in_(ids), FollowUp.due_at > now).values(reminded_at=None)
                    .execution_options(synchronize_session=False))


def _tell(session: Session, done: list, *, reason: str, now: datetime, actor_id: int | None,
          people: dict[int, Employee]) -> None:
    """The former assignees and their managers hear of the revoke; the new assignees as of any
    assignment. Read once and written together for the whole batch (``notify.tell_many``)."""
    from hoffice_app.domain import notify  # notify reads leads; called only when leads changed

    revoked, assigned = [], []
    for lead, former, to_id, outcome in done:
        extra = {"revoke.assignee": _name(people, former), "revoke.reason": reason, "revoke.outcome": outcome}
        boss = people[former].reports_to_id if former in people else None
        revoked += [notify.Tell(lead, who, extra) for who in (former, boss) if who]
        if to_id:
            assigned.append(notify.Tell(lead, to_id))
    pending = notify.Pending()
    actor_name = _name(people, actor_id) if actor_id else "H-Office"
    notify.tell_many(session, notify.Event.REVOKED, revoked, now=now, actor_id=actor_id, actor_name=actor_name,
                     pending=pending)
    notify.tell_many(session, notify.Event.ASSIGNED, assigned, now=now, actor_id=actor_id, actor_name=actor_name,
                     pending=pending)
    pending.write(session)


def _announce(session: Session, lead_ids: list[int]) -> None:
    funnels = set(session.exec(select(Lead.funnel_id).where(Lead.id.in_(lead_ids), Lead.funnel_id.is_not(None))))
    for funnel_id in sorted(funnels):  # their boards look again
        live.announce(session, live.News(live.FUNNEL, funnel_id))


def put_back(session: Session, revocation: Revocation, *, actor_id: int, now: datetime) -> tuple[int, list[str]]:
    """Undo: each lead nobody changed since goes back to its former assignee with the follow-ups
    that moved (those still planned); returns how many went back and the codes of those left."""
    names = dict(session.exec(select(Employee.id, Employee.name)).all())
    back, left = 0, []
    rows = session.exec(select(RevocationLead).where(RevocationLead.revocation_id == revocation.id)
                        .order_by(RevocationLead.id)).all()
    for row in rows:
        changed = session.execute(update(Lead).where(Lead.id == row.lead_id, Lead.version == row.version_after,
                                                     Lead.is_open).values(
            assigned_to_id=row.from_id, assigned_at=now, updated_at=now, updated_by_id=actor_id,
            version=row.version_after + 1).execution_options(synchronize_session=False))
        lead = session.get(Lead, row.lead_id, populate_existing=True)
        if changed.rowcount != 1:
            left.append(lead.code)
            continue
        planned = list(session.exec(select(FollowUp.id).where(FollowUp.id.in_(json.loads(row.follow_up_ids or "[]")),
                                                              FollowUp.status == FollowUpStatus.PLANNED)).all())
        if planned:
            _reassign_follow_ups(session, planned, row.from_id, now)
        text = f"Revoke undone by {names.get(actor_id, 'someone')}: back to {names.get(row.from_id, 'someone')}"
        timeline_record(session, lead.id, actor_id, "assigned", text, at=now)
        from hoffice_app.domain import notify

        notify.lead_assigned(session, lead, previous_id=row.to_id, actor=session.get(Employee, actor_id), now=now)
        back += 1
    revocation.undone_at, revocation.undone_by_id = now, actor_id
    session.add(revocation)
    session.flush()
    _announce(session, [row.lead_id for row in rows])
    return back, left
