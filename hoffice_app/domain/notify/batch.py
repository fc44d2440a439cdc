"""One event for many (lead, employee) pairs at once — a policy's revokes, a manager's bulk
revoke — told exactly as ``triggers.tell`` would tell each, but with what every message needs
read once for the batch (the people, their own channel choices, the company's defaults, the
contacts' names as each reader may see them), the rows written together (``send.Pending``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.notify.events import Event, channels_for, company_defaults, own_choices
from hoffice_app.domain.notify.send import Pending, Recipient, deliver
from hoffice_app.domain.notify.triggers import lead_values
from hoffice_app.models import Contact, Employee, Lead


@dataclass(frozen=True)
class Tell:
    lead: Lead
    employee_id: int
    extra: dict[str, str] = field(default_factory=dict)


def tell_many(session: Session, event: Event, items: list[Tell], *, now: datetime, actor_id: int | None = None,
              actor_name: str = "H-Office", pending: Pending | None = None) -> int:
    """Tell each item's employee of ``event`` on its lead (nobody of their own action); returns
    how many messages were written. With ``pending`` the caller writes the rows."""
    from hoffice_app import routes
    from hoffice_app.domain.auth import actor_of  # notify sits below leads' callers; these read leads
    from hoffice_app.domain.contacts import hidden_ids
    from hoffice_app.domain.leads import PRIVATE_CONTACT

    items = [i for i in items if i.employee_id and i.employee_id != actor_id]
    if not items:
        return 0
    people = {e.id: e for e in session.exec(select(Employee).where(Employee.id.in_({i.employee_id for i in items})))}
    defaults, own = company_defaults(session), own_choices(session, set(people), event)
    seen: dict[int, set[int]] = {}
    for item in items:
        seen.setdefault(item.employee_id, set()).add(item.lead.contact_id)
    contact_ids = sorted(set().union(*seen.values()))
    names: dict[int, str] = {}
    for lo in range(0, len(contact_ids), 500):
        names |= dict(session.exec(select(Contact.id, Contact.name).where(Contact.id.in_(contact_ids[lo:lo + 500])))
                      .all())
    hidden = {reader: hidden_ids(session, actor_of(people[reader]), ids) for reader, ids in seen.items()
              if reader in people}
    own_pending = pending is None
    pending = pending or Pending()
    written = 0
    with session.no_autoflush:
        for item in items:
            employee = people.get(item.employee_id)
            if employee is None or not employee.active:
                continue
            channels = channels_for(session, employee.id, event, defaults, own.get(employee.id, {}))
            if not channels:
                continue
            lead = item.lead
            contact = PRIVATE_CONTACT if lead.contact_id in hidden[employee.id] else names.get(lead.contact_id, "")
            values = lead_values(session, lead, employee, actor_name, contact=contact) | item.extra
            written += deliver(session, event, Recipient.of(employee), channels, values,
                               cause=f"{lead.id}@{now.timestamp():.6f}", now=now, lead_id=lead.id,
                               path=routes.lead(lead.code), pending=pending)
    if own_pending:
        pending.write(session)
    return written
