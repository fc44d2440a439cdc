"""What managers and administrators do by hand: revoke or re-assign selected leads in bulk
(one undoable action), undo a revoke within a week, and put a lead on hold (policies leave it
alone). Executives may do none of it. Nothing here commits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, Option, PermissionDenied, ValidationError, as_id, require_actor
from hoffice_app.domain.leads import record as timeline_record
from hoffice_app.domain.leads import visible_clause
from hoffice_app.domain.policies.revoke import TARGETS, Revoked, Target, put_back, revoke_leads
from hoffice_app.models import AssignmentRule, Employee, Lead, Revocation, RevokePolicy

UNDO_FOR = timedelta(days=7)
CHUNK = 500
MAX_REASON = 300


@dataclass(frozen=True)
class Undone:
    put_back: int
    left: tuple[str, ...]  # codes of leads changed since the revoke: left as they are


@dataclass(frozen=True)
class RevocationView:
    id: int
    at: datetime
    by: str  # "the policy "No follow-up in 48 hours"" | "Ravi Mehta"
    reason: str
    target: str
    lead_count: int
    undone: bool
    can_undo: bool


def require_manager(actor: Actor | None) -> Actor:
    actor = require_actor(actor)
    if actor.role not in ("admin", "manager"):
        raise PermissionDenied("Only a manager or an administrator can revoke leads.")
    return actor


def check_target(session: Session, kind: str, employee_id=None, rule_id=None) -> Target:
    """The chosen destination, refused field by field when it cannot be used."""
    if kind not in TARGETS:
        raise ValidationError({"target": "Choose where the leads go."})
    if kind == "employee":
        employee = session.get(Employee, as_id(employee_id) or 0)
        if employee is None or not employee.active:
            raise ValidationError({"employee_id": "Choose an active employee."})
        return Target("employee", employee_id=employee.id)
    if kind == "rule":
        rule = session.get(AssignmentRule, as_id(rule_id) or 0)
        if rule is None or not rule.enabled:
            raise ValidationError({"rule_id": "Choose an enabled assignment rule."})
        return Target("rule", rule_id=rule.id)
    return Target(kind)


def revoke_selected(session: Session, actor: Actor, lead_ids, *, target: str, employee_id=None, rule_id=None,
                    reason: str, now: datetime, into: int | None = None) -> Revoked:
    """Revoke the visible leads among ``lead_ids`` (at most ``CHUNK`` a call; the caller chunks
    thousands, passing back the revocation id as ``into`` so they stay one undoable action)."""
    actor = require_manager(actor)
    reason = " ".join((reason or "").split())
    errors = {}
    if not reason:
        errors["reason"] = "Say why: the former assignees read it."
    elif len(reason) > MAX_REASON:
        errors["reason"] = f"Use at most {MAX_REASON} characters."
    if errors:
        raise ValidationError(errors)
    chosen = check_target(session, target, employee_id, rule_id)
    ids = list(dict.fromkeys(i for i in (as_id(x) for x in (lead_ids or [])) if i))
    if len(ids) > CHUNK:
        raise ValidationError({"lead_ids": f"At most {CHUNK} leads a call."})
    if into is not None:
        earlier = session.get(Revocation, into)
        if earlier is None or earlier.actor_id != actor.id or earlier.undone_at is not None:
            raise ValidationError({"lead_ids": "That action cannot be added to."})
    rows = session.exec(select(Lead.id, Lead.version).where(Lead.id.in_(ids), visible_clause(session, actor))
                        .order_by(Lead.id)).all() if ids else []
    return revoke_leads(session, [(r[0], r[1]) for r in rows], chosen, reason=reason, now=now, actor_id=actor.id,
                        into=into)


def undo(session: Session, actor: Actor, revocation_id, *, now: datetime) -> Undone:
    """Put a revoke back (a week at most); leads changed since are left and named."""
    actor = require_manager(actor)
    revocation = session.get(Revocation, as_id(revocation_id) or 0)
    if revocation is None:
        raise NotFound("No such revoke.")
    if revocation.undone_at is not None:
        raise ValidationError({"revocation": "This revoke was undone already."})
    if now - revocation.at > UNDO_FOR:
        raise ValidationError({"revocation": "A revoke can be undone for 7 days; this one is older."})
    back, left = put_back(session, revocation, actor_id=actor.id, now=now)
    return Undone(back, tuple(left))


def revocations(session: Session, actor: Actor, *, now: datetime, lead_id: int | None = None,
                limit: int = 20) -> list[RevocationView]:
    """The latest revokes (of one lead, or all), newest first, with whether they can be undone."""
    from hoffice_app.models import RevocationLead

    actor = require_actor(actor)
    query = select(Revocation).order_by(Revocation.at.desc(), Revocation.id.desc()).limit(limit)
    if lead_id is not None:
        query = query.where(Revocation.id.in_(select(RevocationLead.revocation_id)
                                              .where(RevocationLead.lead_id == lead_id)))
    rows = session.exec(query).all()
    policies = dict(session.exec(select(RevokePolicy.id, RevokePolicy.name)).all())
    people = dict(session.exec(select(Employee.id, Employee.name)).all())
    manager = actor.role in ("admin", "manager")
    return [RevocationView(r.id, r.at, f"the policy \"{policies.get(r.policy_id, '?')}\"" if r.policy_id
                           else people.get(r.actor_id, "someone"), r.reason, r.target, r.lead_count,
                           r.undone_at is not None,
                           manager and r.undone_at is None and now - r.at <= UNDO_FOR) for r in rows]


def set_hold(session: Session, actor: Actor, lead_id, on: bool, *, now: datetime) -> bool:
    """A manager puts a lead on hold (no policy acts on it) or releases it; returns the new state."""
    actor = require_manager(actor)
    lead = session.exec(select(Lead).where(Lead.id == (as_id(lead_id) or 0), visible_clause(session, actor))).first()
    if lead is None:
        raise NotFound("No such lead, or you cannot see it.")
    if lead.on_hold == bool(on):
        return lead.on_hold
    lead.on_hold, lead.updated_at, lead.updated_by_id = bool(on), now, actor.id
    session.add(lead)
    session.flush()
    timeline_record(session, lead.id, actor.id, "updated",
                    "Put on hold: revoke policies leave it alone" if on else "Hold released", at=now)
    return lead.on_hold


def rule_options(session: Session, actor: Actor) -> list[Option]:
    """The enabled assignment rules a bulk revoke may send leads through, in their order."""
    require_manager(actor)
    rows = session.exec(select(AssignmentRule.id, AssignmentRule.name).where(AssignmentRule.enabled)
                        .order_by(AssignmentRule.position, AssignmentRule.id)).all()
    return [Option(str(i), name) for i, name in rows]


def is_on_hold(session: Session, actor: Actor, lead_id) -> bool:
    """Whether a lead the actor may see is on hold (no policy acts on it)."""
    actor = require_actor(actor)
    held = session.exec(select(Lead.on_hold).where(Lead.id == (as_id(lead_id) or 0),
                                                   visible_clause(session, actor))).first()
    if held is None:
        raise NotFound("No such lead, or you cannot see it.")
    return bool(held)
