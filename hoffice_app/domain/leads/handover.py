"""A re-assigned lead takes its open follow-ups along.

The previous assignee may no longer see the lead, so a follow-up left with them would sit in
nobody's list. Planned follow-ups that were the previous assignee's move to the new one, with a
line on the timeline; done ones, and ones planned for somebody else (a manager's visit), stay.

What the previous assignee was told about a moved follow-up is forgotten, so the new one is
told too: its reminder (if it is still to come, and its time is within the reminder job's reach)
and, if it is overdue, the overdue notice (then their manager's, after the company's delay).
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.leads import timeline
from hoffice_app.models import Employee, FollowUp, FollowUpStatus

CHUNK = 500  # lead ids per IN (...)


def hand_over_follow_ups(session: Session, actor_id: int, previous: dict[int, int | None], new_id: int | None, *,
                         now: datetime) -> int:
    """``previous``: lead id -> its assignee before the change. Moves each lead's planned follow-ups
    of that assignee to ``new_id`` (a few queries for any number of leads); returns how many moved."""
    leads = [lead_id for lead_id, was in previous.items() if was and new_id and was != new_id]
    moved: Counter[int] = Counter()
    for lo in range(0, len(leads), CHUNK):
        rows = session.exec(select(FollowUp).where(FollowUp.lead_id.in_(leads[lo:lo + CHUNK]),
                                                   FollowUp.status == FollowUpStatus.PLANNED)).all()
        for row in rows:
            if row.assignee_id == previous[row.lead_id]:
                row.assignee_id = new_id
                if row.due_at > now:
                    row.reminded_at = None
                row.overdue_notified_at = row.escalated_at = None
                session.add(row)
                moved[row.lead_id] += 1
    if moved:
        name = session.get(Employee, new_id).name
        for lead_id, n in moved.items():
            timeline.record(session, lead_id, actor_id, "assigned",
                            f"{n} open follow-up{'s' if n > 1 else ''} moved to {name}", at=now)
    return sum(moved.values())
