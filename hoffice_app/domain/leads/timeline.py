"""The lead's timeline: every change is one event with who and when."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from hoffice_app.models import LeadEvent

KINDS = ("created", "assigned", "status", "updated", "follow_up_planned", "follow_up_done", "note", "attachment",
         "stage")


def record(session: Session, lead_id: int, actor_id: int | None, kind: str, text: str, *, at: datetime) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown lead event kind {kind!r}")
    session.add(LeadEvent(lead_id=lead_id, actor_id=actor_id, kind=kind, text=text, at=at))
