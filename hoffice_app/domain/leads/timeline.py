"""The lead's timeline: every change is one event with who and when."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update
from sqlmodel import Session

from hoffice_app.models import Lead, LeadEvent

KINDS = ("created", "assigned", "status", "updated", "follow_up_planned", "follow_up_done", "follow_up_moved", "note",
         "attachment", "stage")


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


CHUNK = 500  # lead ids per UPDATE … IN (...)


def record_many(session: Session, lines: list[tuple[int, str]], actor_id: int | None, kind: str, *,
                at: datetime, touch_leads: bool = True) -> None:
    """``record`` for many leads at once — (lead id, text) each — in one INSERT and one UPDATE
    per 500 leads rather than two statements per lead: a batch of thousands (leads assigned
    by the rules) is not thousands of round trips. ``touch_leads=False``: the caller's own
    UPDATE of those leads sets ``last_activity_at`` (one new row version per lead, not two —
    on PostgreSQL each carries every index of the wide lead row)."""
    if kind not in KINDS:
        raise ValueError(f"unknown lead event kind {kind!r}")
    if not lines:
        return
    session.execute(insert(LeadEvent.__table__),
                    [dict(lead_id=lead_id, actor_id=actor_id, kind=kind, text=text, at=at) for lead_id, text in lines])
    if not touch_leads:
        return
    ids = sorted({lead_id for lead_id, _ in lines})
    with session.no_autoflush:
        for lo in range(0, len(ids), CHUNK):
            session.execute(update(Lead).where(Lead.id.in_(ids[lo:lo + CHUNK])).values(last_activity_at=at)
                            .execution_options(synchronize_session=False))
