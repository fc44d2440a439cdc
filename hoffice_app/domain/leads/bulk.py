"""Bulk actions on the lead list's selected rows: assign to an employee, set
the status. Only leads the actor can see are touched; the rest are skipped
silently (the count says how many changed). Each changed lead gets the same
timeline line leads.save_lead writes for that change; a re-assigned lead's open follow-ups move
with it (handover.py). Nothing here commits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain import live
from hoffice_app.domain.common import Actor, ValidationError, as_id, require_actor
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.domain.leads.access import visible_clause
from hoffice_app.domain.leads.handover import hand_over_follow_ups
from hoffice_app.models import Employee, Lead, MasterEntry

CHUNK = 500  # ids per IN (...) query
MAX_LEADS = 5000  # one request; the list shows at most 100 rows a page


def _visible_leads(session: Session, actor: Actor, lead_ids) -> list[Lead]:
    ids = list(dict.fromkeys(i for i in (as_id(x) for x in (lead_ids or [])) if i))
    if len(ids) > MAX_LEADS:
        raise ValidationError({"lead_ids": f"Select at most {MAX_LEADS:,} at a time."})
    clause = visible_clause(session, actor)
    leads: list[Lead] = []
    for lo in range(0, len(ids), CHUNK):
        leads += session.exec(select(Lead).where(Lead.id.in_(ids[lo:lo + CHUNK]), clause)
                              .order_by(Lead.id)).all()
    return leads


def _names(session: Session, model, ids) -> dict[int, str]:
    ids = {i for i in ids if i}
    return dict(session.exec(select(model.id, model.name).where(model.id.in_(ids))).all()) if ids else {}


@dataclass(frozen=True)
class Reassigned:
    leads: int  # leads that changed hands
    follow_ups: int  # their open follow-ups that moved along


def bulk_assign(session: Session, actor: Actor, lead_ids: list[int], employee_id, *, now: datetime) -> int:
    """``reassign``, counting only the leads that changed."""
    return reassign(session, actor, lead_ids, employee_id, now=now).leads


def reassign(session: Session, actor: Actor, lead_ids: list[int], employee_id, *, now: datetime) -> Reassigned:
    """Assign the visible leads among ``lead_ids`` to an active employee, with their open
    follow-ups (leads already assigned to them are left alone)."""
    require_actor(actor)
    employee = session.get(Employee, as_id(employee_id) or 0)
    if employee is None or not employee.active:
        raise ValidationError({"assigned_to_id": "Choose an active employee."})
    leads = [lead for lead in _visible_leads(session, actor, lead_ids) if lead.assigned_to_id != employee.id]
    before = _names(session, Employee, (lead.assigned_to_id for lead in leads))
    previous = {lead.id: lead.assigned_to_id for lead in leads}
    for lead in leads:
        was = before.get(lead.assigned_to_id, "nobody")
        lead.assigned_to_id, lead.assigned_at, lead.updated_at = employee.id, now, now
        session.add(lead)
        lead_events.record(session, lead.id, actor.id, "assigned", f"Assigned to {employee.name} (was {was})", at=now)
    moved = hand_over_follow_ups(session, actor.id, previous, employee.id, now=now)
    session.flush()
    from hoffice_app.domain import notify  # notify reads leads; leads call it only when they change

    for lead in leads:
        notify.lead_assigned(session, lead, previous_id=previous[lead.id], actor=actor, now=now)
    for funnel_id in sorted({lead.funnel_id for lead in leads if lead.funnel_id}):  # their boards look again
        live.announce(session, live.News(live.FUNNEL, funnel_id))
    return Reassigned(leads=len(leads), follow_ups=moved)


def bulk_set_status(session: Session, actor: Actor, lead_ids: list[int], status_id, *, now: datetime) -> int:
    """Set the status (an active lead_status master) of the visible leads among
    ``lead_ids``. Returns how many leads changed."""
    require_actor(actor)
    status = session.get(MasterEntry, as_id(status_id) or 0)
    if status is None or status.kind != "lead_status" or not status.active:
        raise ValidationError({"status_id": "Choose the status from the list."})
    leads = [lead for lead in _visible_leads(session, actor, lead_ids) if lead.status_id != status.id]
    before = _names(session, MasterEntry, (lead.status_id for lead in leads))
    for lead in leads:
        was = before.get(lead.status_id, "nobody")
        lead.status_id, lead.updated_at = status.id, now
        session.add(lead)
        lead_events.record(session, lead.id, actor.id, "status", f"Status: {was} → {status.name}", at=now)
    session.flush()
    return len(leads)
