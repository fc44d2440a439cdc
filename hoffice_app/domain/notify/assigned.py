"""Many leads given to their assignees at once by the system (the assignment rules): each new
assignee hears of each lead exactly as ``triggers.lead_assigned`` would tell them (actor: the
system, nobody before), but what every message needs is read once for the batch (the people,
their own channel choices, the contacts' names as each may see them) and the bell rows and
messages are written together (``send.Pending``), as the minute's reminders are."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.notify.events import Event, channels_for, company_defaults, own_choices
from hoffice_app.domain.notify.send import Pending, Recipient, deliver
from hoffice_app.domain.notify.triggers import lead_values
from hoffice_app.models import Contact, Employee, Lead

SYSTEM = "H-Office"  # who "did it", as lead_assigned names a change without an actor


def leads_assigned(session: Session, leads: list[Lead], *, now: datetime) -> int:
    """Tell each lead's (new) assignee; returns how many messages were written."""
    from hoffice_app import routes
    from hoffice_app.domain.auth import actor_of  # notify sits below leads' callers; these read leads
    from hoffice_app.domain.contacts import hidden_ids
    from hoffice_app.domain.leads import PRIVATE_CONTACT

    leads = [lead for lead in leads if lead.assigned_to_id]
    if not leads:
        return 0
    people = {e.id: e for e in session.exec(select(Employee).where(
        Employee.id.in_({lead.assigned_to_id for lead in leads})))}
    defaults, own = company_defaults(session), own_choices(session, set(people), Event.ASSIGNED)
    seen: dict[int, set[int]] = {}
    for lead in leads:
        seen.setdefault(lead.assigned_to_id, set()).add(lead.contact_id)
    contact_ids = sorted(set().union(*seen.values()))
    names: dict[int, str] = {}
    for lo in range(0, len(contact_ids), 500):
        names |= dict(session.exec(select(Contact.id, Contact.name).where(Contact.id.in_(contact_ids[lo:lo + 500])))
                      .all())
    hidden = {reader: hidden_ids(session, actor_of(people[reader]), ids) for reader, ids in seen.items()
              if reader in people}
    pending, written = Pending(), 0
    with session.no_autoflush:
        for lead in leads:
            employee = people.get(lead.assigned_to_id)
            if employee is None or not employee.active:
                continue
            channels = channels_for(session, employee.id, Event.ASSIGNED, defaults, own.get(employee.id, {}))
            if not channels:
                continue
            contact = PRIVATE_CONTACT if lead.contact_id in hidden[employee.id] else names.get(lead.contact_id, "")
            values = lead_values(session, lead, employee, SYSTEM, contact=contact)
            written += deliver(session, Event.ASSIGNED, Recipient.of(employee), channels, values,
                               cause=f"{lead.id}@{now.timestamp():.6f}", now=now, lead_id=lead.id,
                               path=routes.lead(lead.code), pending=pending)
    session.flush()
    pending.write(session)
    return written
