"""What revoke policies tell people before a lead is taken back: the assignee (and, as an
escalation step, their manager). Once it is, the former assignee and their manager are told
by the revoke itself, for its whole batch at once (``batch.tell_many``).

Called by the policy engine (domain/policies) in its transaction; nobody is told of their
own action (a manager's bulk revoke does not notify that manager).
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.notify.events import Event
from hoffice_app.domain.notify.triggers import DUE_FORMAT, tell
from hoffice_app.models import Employee, Lead


def when(session: Session, deadline: datetime, now: datetime) -> str:
    """"in 5 hours (06 Dec 2026, 21:30)": how long, then the moment in the company's zone."""
    hours = max(0, round((deadline - now).total_seconds() / 3600))
    span = "within the hour" if hours == 0 else f"in {hours} hour{'s' if hours != 1 else ''}"
    return f"{span} ({deadline.astimezone(app_settings.zone(session)).strftime(DUE_FORMAT)})"


def revoke_warning(session: Session, lead: Lead, *, policy: str, deadline: datetime, unless: str,
                   now: datetime, manager: bool = False) -> int:
    """The assignee (or, with ``manager``, the assignee's manager) hears the lead will be revoked."""
    assignee = session.get(Employee, lead.assigned_to_id) if lead.assigned_to_id else None
    if assignee is None:
        return 0
    target = session.get(Employee, assignee.reports_to_id) if manager and assignee.reports_to_id else assignee
    if manager and target is assignee:
        return 0  # nobody above them
    extra = {"revoke.policy": policy, "revoke.when": when(session, deadline, now), "revoke.unless": unless,
             "revoke.assignee": assignee.name}
    event = Event.REVOKE_ESCALATION if manager else Event.REVOKE_WARNING
    cause = f"{lead.id}:{int(deadline.timestamp())}"
    return tell(session, event, target, lead, actor_name="H-Office", cause=cause, now=now, extra=extra)
