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

from sqlalchemy import update
from sqlmodel import Session, select

from hoffice_app.domain import live
from hoffice_app.domain.leads import record as timeline_record
from hoffice_app.models import Employee, FollowUp, FollowUpStatus, Lead, Revocation, RevocationLead

TARGETS = ("pool", "employee", "manager", "rule")


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
    revocation (one action in several chunks) instead of starting one."""
    revocation = session.get(Revocation, into) if into else None
    names = dict(session.exec(select(Employee.id, Employee.name)).all())
    revoked, skipped, moved = [], [], 0
    for lead_id, version in leads:
        lead = session.get(Lead, lead_id, populate_existing=True)
        if lead is None or lead.version != version or not lead.is_open or lead.assigned_to_id is None:
            skipped.append(lead.code if lead else str(lead_id))
            continue
        former = lead.assigned_to_id
        to_id, outcome = _destination(session, lead, target, names, now)
        if to_id == former:
            skipped.append(lead.code)
            continue
        changed = session.execute(update(Lead).where(Lead.id == lead.id, Lead.version == version).values(
            assigned_to_id=to_id, assigned_at=now, updated_at=now, updated_by_id=actor_id, version=version + 1)
            .execution_options(synchronize_session=False))
        if changed.rowcount != 1:
            skipped.append(lead.code)
            continue
        if revocation is None:
            revocation = Revocation(policy_id=policy_id, actor_id=actor_id, target=target.kind, reason=reason[:300],
                                    at=now)
            session.add(revocation)
            session.flush()
        follow_ups = _move_follow_ups(session, lead.id, former, to_id, now)
        moved += len(follow_ups)
        session.add(RevocationLead(revocation_id=revocation.id, lead_id=lead.id, from_id=former, to_id=to_id,
                                   version_after=version + 1, follow_up_ids=json.dumps(follow_ups)))
        revocation.lead_count += 1
        text = f"Revoked from {names.get(former, 'someone')}: {outcome} ({reason})"
        timeline_record(session, lead.id, actor_id, "assigned", text[:2000], at=now)
        _tell(session, lead.id, former=former, reason=reason, outcome=outcome, now=now, actor_id=actor_id)
        revoked.append(lead.code)
    if revocation is not None:
        session.add(revocation)
        session.flush()
        _announce(session, [lead_id for lead_id, _v in leads])
    return Revoked(revocation.id if revocation else None, tuple(revoked), tuple(skipped), moved)


def _destination(session: Session, lead: Lead, target: Target, names: dict[int, str],
                 now: datetime) -> tuple[int | None, str]:
    """Whom the lead goes to, and how the timeline and the notification say it."""
    if target.kind == "employee" and target.employee_id:
        return target.employee_id, f"given to {names.get(target.employee_id, 'someone')}"
    if target.kind == "manager":
        boss = session.get(Employee, lead.assigned_to_id).reports_to_id
        if boss:
            return boss, f"given to their manager, {names.get(boss, 'someone')}"
    if target.kind == "rule":
        from hoffice_app.domain import assignment  # the rules sit beside policies; imported when used

        pick = assignment.pick_assignee(session, lead, now=now, rule_id=target.rule_id)
        if pick is not None:
            who = names.get(pick.employee_id, "someone")
            return pick.employee_id, f"given to {who} by the rule \"{pick.rule_name}\""
    return None, "put back in the pool"


def _move_follow_ups(session: Session, lead_id: int, former: int, to_id: int | None, now: datetime) -> list[int]:
    """The former assignee's planned follow-ups go to ``to_id`` (a pooled lead's to the former
    assignee's manager, if any); what the former assignee was told is forgotten, so the new
    one is reminded and warned in turn."""
    keeper = to_id or session.get(Employee, former).reports_to_id
    if not keeper:
        return []
    ids = list(session.exec(select(FollowUp.id).where(FollowUp.lead_id == lead_id, FollowUp.assignee_id == former,
                                                      FollowUp.status == FollowUpStatus.PLANNED)).all())
    if ids:
        _reassign_follow_ups(session, ids, keeper, now)
    return ids


def _reassign_follow_ups(session: Session, ids: list[int], to_id: int, now: datetime) -> None:
    session.execute(update(FollowUp).where(FollowUp.id.in_(ids)).values(
        assignee_id=to_id, overdue_notified_at=None, escalated_at=None).execution_options(synchronize_session=False))
    session.execute(update(FollowUp).where(FollowUp.id.in_(ids), FollowUp.due_at > now).values(reminded_at=None)
                    .execution_options(synchronize_session=False))


def _tell(session: Session, lead_id: int, *, former: int, reason: str, outcome: str, now: datetime,
          actor_id: int | None) -> None:
    from hoffice_app.domain import notify  # notify reads leads; called only when a lead changed

    lead = session.get(Lead, lead_id, populate_existing=True)
    notify.lead_revoked(session, lead, former_id=former, reason=reason, outcome=outcome, now=now, actor_id=actor_id)
    if lead.assigned_to_id:
        actor = session.get(Employee, actor_id) if actor_id else None
        notify.lead_assigned(session, lead, previous_id=None, actor=actor, now=now)


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
