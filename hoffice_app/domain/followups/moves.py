"""Moving a planned follow-up to another time ("Reschedule" on a list), without completing it.

Whoever may complete it may move it (service.changeable). The new time is checked like a
plan's (not in the past, with the same grace); the reminder falls anew before the new time
and every "already told" mark is cleared, so the reminder, the overdue notice and the
manager's escalation fire again for the new time rather than being skipped as sent.

Two people may open the dialog for the same follow-up: each sends back the due time their
dialog showed, and a move that finds another time there is refused (MovedMeanwhile, naming
the time it was moved to) instead of silently replacing the other person's choice.
Nothing here commits.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from hoffice_app.domain.common import Actor, ValidationError, require_actor
from hoffice_app.domain.followups.service import (
    DISPLAY,
    GRACE,
    KIND_LABELS,
    LOCAL_INPUT,
    changeable,
    one_view,
    parse_due,
    remind_at,
    touch_lead,
    zone_name,
)
from hoffice_app.domain.followups.views import FollowUpView
from hoffice_app.domain.leads import record

SHORT = "%d %b, %H:%M"  # the timeline's "10 Dec, 10:30"


class MovedMeanwhile(ValidationError):
    """Someone else moved the follow-up after the dialog read it. ``due_iso`` is its due time
    now ("YYYY-MM-DDTHH:MM"), for the dialog to send back if the user still wants to move it."""

    def __init__(self, field: str, message: str, due_iso: str):
        super().__init__({field: message})
        self.due_iso = due_iso


def reschedule(session: Session, actor: Actor, follow_up_id: int, due_at_local: str, *, now: datetime,
               expected_due: str | None) -> FollowUpView:
    """Move a planned follow-up to ``due_at_local`` (company time, "YYYY-MM-DDTHH:MM").

    ``expected_due``: the due time (same format) the caller read; another one found raises
    MovedMeanwhile. None skips that check (a caller with no earlier reading, e.g. a script).
    Problems with the new time raise ValidationError under ``due_at``."""
    require_actor(actor)
    row, lead = changeable(session, actor, follow_up_id, verb="reschedule")
    name = zone_name(session)
    zone = ZoneInfo(name)
    old = row.due_at.astimezone(zone)
    if expected_due is not None and old.strftime(LOCAL_INPUT) != str(expected_due).strip():
        raise MovedMeanwhile("due_at", f"Someone moved this follow-up meanwhile to {old.strftime(DISPLAY)}. "
                             "Choose the time again to move it anyway.", old.strftime(LOCAL_INPUT))
    raw = str(due_at_local or "").strip()
    due = parse_due(raw, name) if raw else None
    if not raw:
        raise ValidationError({"due_at": "Choose the date and time."})
    if due is None:
        raise ValidationError({"due_at": "Enter the date and time, e.g. 2026-11-26T10:30."})
    if due < now - GRACE:
        raise ValidationError({"due_at": "Choose a time from now on."})
    if due == row.due_at:
        raise ValidationError({"due_at": "It is due then already: choose another time."})
    row.due_at, row.remind_at = due, remind_at(due, row.remind_minutes)
    row.reminded_at = row.overdue_notified_at = row.escalated_at = None
    session.add(row)
    new = due.astimezone(zone)
    record(session, lead.id, actor.id, "follow_up_moved",
           f"{KIND_LABELS.get(row.kind, row.kind.title())} moved from {old.strftime(SHORT)} to {new.strftime(SHORT)}",
           at=now)
    touch_lead(session, lead, now)
    return one_view(session, actor, row.id, now=now)
