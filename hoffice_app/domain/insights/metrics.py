"""What each number on the insights pages and the dashboard counts, as WHERE clauses.

The tables count with these clauses (grouped by a dimension) and the drill-downs list with
the same clauses (plus the dimension's value), so a list always holds exactly the records of
the number that was clicked. Follow-up metrics are read on FollowUp joined with its Lead.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, false, or_
from sqlmodel import Session, select

from hoffice_app.domain.insights.period import Period
from hoffice_app.models import FollowUp, FollowUpStatus, FunnelStage, Lead, StageChange

STUCK_DAYS = 30  # "stuck": longer in its stage than the stage's days-to-rot, or this many days
FOLLOW_UP_METRICS = {"planned": "Follow-ups due", "on_time": "Done on time", "late": "Done late",
                     "overdue": "Overdue follow-ups"}
LEAD_METRICS = {"created": "Created", "won": "Won", "lost": "Lost", "unattended": "Unattended",
                "assigned": "Assigned", "first_done": "Followed up after assignment", "open": "Open",
                "stuck": "Stuck", "revoke_soon": "About to be revoked", "reached": "Reached the stage",
                "left": "Left the stage"}


def stage_ids(session: Session, kind: str) -> list[int]:
    """Stages of one kind (open, won or lost), every funnel's."""
    return list(session.exec(select(FunnelStage.id).where(FunnelStage.kind == kind)).all())


def _in(column, period: Period) -> list:
    return [column >= period.start, column < period.end]


# -- follow-ups --------------------------------------------------------------------------

def due_in(period: Period) -> list:
    return _in(FollowUp.due_at, period)


def done_on_time():
    """Completed at or before its due time (a follow-up done exactly on time is on time)."""
    return and_(FollowUp.status == FollowUpStatus.DONE, FollowUp.completed_at <= FollowUp.due_at)


def done_late():
    return and_(FollowUp.status == FollowUpStatus.DONE, FollowUp.completed_at > FollowUp.due_at)


def overdue(now: datetime):
    return and_(FollowUp.status == FollowUpStatus.PLANNED, FollowUp.due_at < now)


def follow_up_metric(metric: str, period: Period, now: datetime) -> list:
    """Planned, on time and late count follow-ups due in the period; overdue counts every planned
    follow-up already past due now, whatever the period."""
    if metric == "planned":
        return due_in(period)
    if metric == "on_time":
        return [*due_in(period), done_on_time()]
    if metric == "late":
        return [*due_in(period), done_late()]
    if metric == "overdue":
        return [overdue(now)]
    return [false()]


# -- leads -------------------------------------------------------------------------------

def won(session: Session):
    return Lead.stage_id.in_(stage_ids(session, "won") or [0])


def lost(session: Session):
    return Lead.stage_id.in_(stage_ids(session, "lost") or [0])


def unattended():
    """Open, assigned, with nothing planned."""
    return and_(Lead.is_open == True, Lead.assigned_to_id.is_not(None), Lead.next_followup_at.is_(None))  # noqa: E712


def first_done_after_assignment():
    """A follow-up on the lead was completed at or after its assignment."""
    return Lead.id.in_(select(FollowUp.lead_id).where(FollowUp.status == FollowUpStatus.DONE,
                                                      FollowUp.lead_id == Lead.id,
                                                      FollowUp.completed_at >= Lead.assigned_at))


def stuck(session: Session, now: datetime):
    """Open leads longer in their stage than its days-to-rot (STUCK_DAYS where unset)."""
    parts = []
    for stage_id, rot in session.exec(select(FunnelStage.id, FunnelStage.days_to_rot)
                                      .where(FunnelStage.kind == "open")).all():
        cutoff = now - timedelta(days=rot or STUCK_DAYS)
        parts.append(and_(Lead.stage_id == stage_id, Lead.stage_entered_at < cutoff))
    return and_(Lead.is_open == True, or_(*parts)) if parts else false()  # noqa: E712


def lead_metric(session: Session, metric: str, period: Period, now: datetime) -> list:
    """created, won and lost in the period; unattended, open and stuck now; assigned (and
    first_done: followed up since) in the period. "reached", "left" and "revoke_soon" need
    a stage or a computation: drill.py adds them."""
    if metric == "created":
        return _in(Lead.created_at, period)
    if metric == "won":
        return [*_in(Lead.closed_at, period), won(session)]
    if metric == "lost":
        return [*_in(Lead.closed_at, period), lost(session)]
    if metric == "unattended":
        return [unattended()]
    if metric == "open":
        return [Lead.is_open == True]  # noqa: E712
    if metric == "stuck":
        return [stuck(session, now)]
    if metric == "assigned":
        return [*_in(Lead.assigned_at, period), Lead.assigned_to_id.is_not(None)]
    if metric == "first_done":
        return [*_in(Lead.assigned_at, period), Lead.assigned_to_id.is_not(None), first_done_after_assignment()]
    return [false()]


# -- the funnel --------------------------------------------------------------------------

def stage_rank(stage: FunnelStage) -> int:
    """Where a stage sits on the way to a sale: open stages by position, the won stage after
    them all; lost stages are not on the way (None)."""
    return 1_000_000 + stage.position if stage.kind == "won" else stage.position


def reached(session: Session, stage: FunnelStage) -> list:
    """Leads of the stage's funnel that were ever in this stage or a later one (their current
    stage, or either end of any of their moves)."""
    later = [s.id for s in session.exec(select(FunnelStage).where(FunnelStage.funnel_id == stage.funnel_id,
                                                                  FunnelStage.kind != "lost")).all()
             if stage_rank(s) >= stage_rank(stage)]
    moved = select(StageChange.lead_id).where(or_(StageChange.to_stage_id.in_(later),
                                                  StageChange.from_stage_id.in_(later)))
    return [Lead.funnel_id == stage.funnel_id, or_(Lead.stage_id.in_(later), Lead.id.in_(moved))]


def left(stage_id: int, period: Period) -> list:
    """Leads that moved out of the stage during the period."""
    return [Lead.id.in_(select(StageChange.lead_id).where(StageChange.from_stage_id == stage_id,
                                                          *_in(StageChange.at, period)))]
