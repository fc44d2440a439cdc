"""The demo's revoke policy, "No follow-up in 48 hours" (disabled: an administrator previews
it, then enables it), and a mix of demo leads for its preview to show: some with a follow-up
completed since their assignment (left alone), some assigned in the last two days (warned
now or within the day), the rest long overdue for a follow-up (revoked at once if enabled)
unless the history added next (demo_history.py) completed one of theirs since.

A random generator of its own (not the leads' one), so the rest of the demo stays as it was.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlmodel import Session, select

from hoffice_app.domain.leads import record as timeline_record
from hoffice_app.models import FollowUp, FollowUpStatus, Lead, RevokePolicy

NAME = "No follow-up in 48 hours"
OUTCOMES = ["Spoke to the owner; sending the quotation", "Demo done, they liked it", "Called, asked for a visit"]


def seed_demo_policy(session: Session, *, now: datetime) -> None:
    """The disabled policy, once (kept as an administrator may have changed it)."""
    if session.exec(select(RevokePolicy.id).where(RevokePolicy.name == NAME)).first():
        return
    session.add(RevokePolicy(name=NAME, enabled=False, position=1, condition="no_followup_done", hours=48,
                             warn_hours=24, manager_hours=None, action="pool", scope="{}", created_at=now,
                             updated_at=now))
    session.flush()


def mix_demo_leads(session: Session, *, now: datetime) -> None:
    """Of the open, assigned demo leads: 3 in 10 get a follow-up completed a day or two after
    their assignment; 1 in 10 is re-dated as assigned 6 to 40 hours ago."""
    rng = random.Random(48)
    leads = session.exec(select(Lead).where(Lead.is_open, Lead.assigned_to_id.is_not(None)).order_by(Lead.id)).all()
    for n, lead in enumerate(leads):
        if n % 10 in (0, 1, 2):
            done = min(lead.assigned_at + timedelta(hours=rng.randrange(4, 40)), now - timedelta(hours=1))
            session.add(FollowUp(lead_id=lead.id, kind="call", due_at=done, assignee_id=lead.assigned_to_id,
                                 notes="First call", status=FollowUpStatus.DONE, outcome=rng.choice(OUTCOMES),
                                 completed_at=done, completed_by_id=lead.assigned_to_id,
                                 created_by_id=lead.assigned_to_id, created_at=lead.assigned_at,
                                 reminded_at=done, overdue_notified_at=done, escalated_at=done))
            timeline_record(session, lead.id, lead.assigned_to_id, "follow_up_done", "Follow-up done: First call",
                            at=done)
        elif n % 10 == 3:
            lead.assigned_at = now - timedelta(hours=rng.randrange(6, 40))
            session.add(lead)
    session.flush()
