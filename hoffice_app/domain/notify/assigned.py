"""Many leads given to their assignees at once by the system (the assignment rules): each new
assignee hears of each lead exactly as ``triggers.lead_assigned`` would tell them (actor: the
system, nobody before), but what every message needs is read once for the batch (the people,
their own channel choices, the contacts' names as each may see them) and the bell rows and
messages are written together: ``batch.tell_many``, which revokes use too."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from hoffice_app.domain.notify.batch import Tell, tell_many
from hoffice_app.domain.notify.events import Event
from hoffice_app.models import Lead

SYSTEM = "H-Office"  # who "did it", as lead_assigned names a change without an actor


def leads_assigned(session: Session, leads: list[Lead], *, now: datetime) -> int:
    """Tell each lead's (new) assignee; returns how many messages were written."""
    session.flush()
    return tell_many(session, Event.ASSIGNED, [Tell(lead, lead.assigned_to_id) for lead in leads
                                               if lead.assigned_to_id], now=now, actor_name=SYSTEM)
