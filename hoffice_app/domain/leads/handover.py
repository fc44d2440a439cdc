"""A re-assigned lead takes its open follow-ups along.

The previous assignee may no longer see the lead, so a follow-up left with them would sit in
nobody's list. Planned follow-ups that were the previous assignee's move to the new one, with a
line on the timeline; done ones, and ones planned for somebody else (a manager's visit), stay.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.leads import timeline
from hoffice_app.models import Employee, FollowUp, FollowUpStatus


def hand_over_follow_ups(session: Session, actor_id: int, lead_id: int, previous_id: int | None,
                         new_id: int | None, *, now: datetime) -> int:
    """Moves the lead's planned follow-ups of ``previous_id`` to ``new_id``; returns how many."""
    if not previous_id or not new_id or previous_id == new_id:
        return 0
    rows = session.exec(select(FollowUp).where(FollowUp.lead_id == lead_id, FollowUp.assignee_id == previous_id,
                                               FollowUp.status == FollowUpStatus.PLANNED)).all()
    for row in rows:
        row.assignee_id = new_id
        session.add(row)
    if rows:
        name = session.get(Employee, new_id).name
        plural = "s" if len(rows) > 1 else ""
        timeline.record(session, lead_id, actor_id, "assigned",
                        f"{len(rows)} open follow-up{plural} moved to {name}", at=now)
    return len(rows)
