"""The lead's timeline: every change is one event with who and when."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session

from hoffice_app.models import Lead, LeadEvent

KINDS = ("created", "assigned", "status", "updated", "follow_up_planned", "follow_up_done", "note", "attachment",
         "stage")


def record(session: Session, lead_id: int, actor_id: int | None, kind: str, text: str, *, at: datetime) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown lead event kind {kind!r}")
    session.add(LeadEvent(lead_id=lead_id, actor_id=actor_id, kind=kind, text=text, at=at))
    # Every line is activity: what "no activity for D days" (revoke policies) measures. Without
    # an autoflush: the caller's own pending change to the lead is flushed where the caller
    # checks its version, not here.
    with session.no_autoflush:
        session.execute(update(Lead).where(Lead.id == lead_id).values(last_activity_at=at)
                        .execution_options(synchronize_session=False))
