"""The demo leads' past, so the insights and the dashboard have history to show.

``seed_demo_leads`` puts each lead straight on its stage and plans at most one follow-up;
without this step the funnel insights would find no stage moves and the follow-up insights
no work done. Here every lead gets what would have brought it where it is:

- the stage moves it went through: from the first stage up to its own (won: through every
  open stage; lost: dropped from one of them), ending exactly at ``stage_entered_at`` (and
  ``closed_at``), each with the time spent in the stage it left, and a timeline line;
- follow-ups completed in its past, some early, some exactly on time, some late, each with
  an outcome, by the person it was planned for;
- about half of its planned follow-ups already past due completed (some with the next one
  planned), the rest left overdue, so the demo holds on-time, late and overdue work.

Then ``next_followup_at`` is the earliest planned follow-up and ``last_activity_at`` the
last timeline line of each lead. A lead assigned in the last two days (the revoke policy's
mix, demo_policies.py) gets no work done since its assignment, so the policy's preview keeps
its warnings. A random generator of its own, so the rest of the demo stays as it was.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, update
from sqlmodel import Session, select

from hoffice_app.domain.followups import KIND_LABELS, remind_at
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import (
    Employee,
    FollowUp,
    FollowUpStatus,
    FunnelStage,
    Lead,
    LeadEvent,
    MasterEntry,
    StageChange,
)

SEED = 1207
RECENT = timedelta(days=2)  # assigned this recently: nothing done since (the revoke policy's warnings)
OUTCOMES = ["Spoke to the owner; sending the quotation", "Demo done, they liked it", "Called, asked for a visit",
            "No answer; will try again", "Sent the brochure and price list", "Met the IT head, needs approval",
            "Negotiated the AMC terms", "They asked for a revised quote"]
NOTES = ["Check on the proposal", "Confirm the demo date", "Discuss pricing", "Follow up on the brochure",
         "Call the purchase team"]
DONE_COUNTS = {"closed": (1, 4), "open": (0, 3)}
COMPLETE_SHARE = 0.55  # of the planned follow-ups already past due
NEXT_SHARE = 0.8  # of those completed, the next one planned
PLAN_SHARE = 0.5  # of the open leads with nothing planned, a next step planned lately


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _duration(seconds: int) -> str:
    days, hours = seconds // 86400, seconds % 86400 // 3600
    if days:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{hours} hour{'s' if hours != 1 else ''}" if hours else "less than an hour"


def _lateness(rng: random.Random) -> timedelta:
    """How long after its due time a follow-up was done: early, exactly on time, or late."""
    r = rng.random()
    if r < 0.35:
        return -timedelta(minutes=rng.randrange(15, 24 * 60))
    if r < 0.55:
        return timedelta(0)
    if r < 0.85:
        return timedelta(minutes=rng.randrange(10, 6 * 60))
    return timedelta(hours=rng.randrange(6, 96))


class _History:
    def __init__(self, session: Session, now: datetime):
        self.session, self.now, self.rng = session, now, random.Random(SEED)
        self.zone = app_settings.zone(session)
        self.names = dict(session.exec(select(Employee.id, Employee.name)).all())
        self.reasons = dict(session.exec(select(MasterEntry.id, MasterEntry.name)
                                         .where(MasterEntry.kind == "lost_reason")).all())
        self.stages: dict[int, list[FunnelStage]] = {}
        for stage in session.exec(select(FunnelStage).order_by(FunnelStage.position, FunnelStage.id)):
            self.stages.setdefault(stage.funnel_id, []).append(stage)

    def event(self, lead: Lead, actor_id: int, kind: str, text: str, at: datetime) -> None:
        self.session.add(LeadEvent(lead_id=lead.id, actor_id=actor_id, kind=kind, text=text, at=at))

    def path(self, lead: Lead) -> list[FunnelStage]:
        """The stages the lead went through, its own last."""
        stages = self.stages.get(lead.funnel_id, [])
        current = next((s for s in stages if s.id == lead.stage_id), None)
        open_stages = [s for s in stages if s.kind == "open"]
        if current is None or not open_stages:
            return []
        if current.kind == "open":
            return open_stages[:open_stages.index(current) + 1]
        if current.kind == "won":
            return [*open_stages, current]
        weights = [max(1, 5 - n) for n in range(len(open_stages))]  # most are lost early
        dropped = self.rng.choices(range(len(open_stages)), weights=weights)[0]
        return [*open_stages[:dropped + 1], current]

    def moves(self, lead: Lead) -> None:
        path = self.path(lead)
        if len(path) < 2:
            return
        start, end = _aware(lead.created_at), _aware(lead.stage_entered_at)
        times = sorted(start + (end - start) * self.rng.random() for _ in range(len(path) - 2)) + [end]
        actor = lead.assigned_to_id or lead.created_by_id
        before = start
        for previous, stage, at in zip(path, path[1:], times):
            spent = int((at - before).total_seconds())
            self.session.add(StageChange(lead_id=lead.id, from_stage_id=previous.id, to_stage_id=stage.id,
                                         actor_id=actor, at=at, seconds_in_previous=spent))
            text = f"Stage: {previous.name} → {stage.name}"
            if stage.kind == "lost" and lead.lost_reason_id in self.reasons:
                text += f" (lost: {self.reasons[lead.lost_reason_id]})"
            self.event(lead, actor, "stage", f"{text}, after {_duration(spent)} in {previous.name}", at)
            before = at

    def done(self, lead: Lead, row: FollowUp, completed: datetime) -> None:
        """``row`` completed at ``completed`` by the person it was planned for."""
        row.status, row.outcome = FollowUpStatus.DONE, self.rng.choice(OUTCOMES)
        row.completed_at, row.completed_by_id = completed, row.assignee_id
        self.session.add(row)
        self.event(lead, row.assignee_id, "follow_up_done", f"{KIND_LABELS[row.kind]} done: {row.outcome}", completed)

    def plan(self, lead: Lead, due: datetime, created: datetime, *, told: bool) -> FollowUp:
        owner = lead.assigned_to_id or lead.created_by_id
        kind = self.rng.choice(list(KIND_LABELS))
        row = FollowUp(lead_id=lead.id, kind=kind, due_at=due, assignee_id=owner, notes=self.rng.choice(NOTES),
                       created_by_id=owner, created_at=created, remind_minutes=30, remind_at=remind_at(due, 30))
        if told:  # in the past: its reminder and overdue messages went out then, none is owed now
            row.reminded_at = row.overdue_notified_at = row.escalated_at = min(due, self.now)
        self.session.add(row)
        when = due.astimezone(self.zone).strftime("%d %b %Y, %H:%M")
        self.event(lead, owner, "follow_up_planned",
                   f"{KIND_LABELS[kind]} planned for {when} with {self.names.get(owner, '')}", created)
        return row

    def past_work(self, lead: Lead) -> None:
        """Follow-ups planned and completed between the lead's creation and its close (or now)."""
        first = _aware(lead.created_at) + timedelta(hours=1)
        last = _aware(lead.closed_at) if lead.closed_at else self.now - timedelta(minutes=30)
        if lead.is_open and lead.assigned_at and _aware(lead.assigned_at) > self.now - RECENT:
            last = min(last, _aware(lead.assigned_at) - timedelta(minutes=1))
        low, high = DONE_COUNTS["open" if lead.is_open else "closed"]
        count = self.rng.randint(low, high)
        if last - first < timedelta(hours=2):
            count = 0
        for _ in range(count):
            due = first + (last - first) * self.rng.random()
            created = max(_aware(lead.created_at), due - timedelta(hours=self.rng.randrange(2, 120)))
            completed = min(max(due + _lateness(self.rng), created), last)
            self.done(lead, self.plan(lead, due, created, told=True), completed)

    def settle_planned(self, lead: Lead, planned: list[FollowUp]) -> None:
        """Past-due planned follow-ups: about half completed (most with the next one planned);
        half the leads with nothing planned get a next step."""
        if lead.assigned_at and _aware(lead.assigned_at) > self.now - RECENT:
            return
        if not planned:
            if self.rng.random() < PLAN_SHARE:
                ahead = timedelta(hours=self.rng.randrange(3, 12 * 24))
                made = max(self.now - timedelta(hours=self.rng.randrange(1, 72)), _aware(lead.created_at))
                self.plan(lead, self.now + ahead, made, told=False)
            return
        for row in planned:
            due = _aware(row.due_at)
            if due >= self.now or self.rng.random() >= COMPLETE_SHARE:
                continue
            latest = self.now - timedelta(minutes=5)
            completed = min(max(due + _lateness(self.rng), _aware(row.created_at)), latest)
            self.done(lead, row, completed)
            if self.rng.random() < NEXT_SHARE:
                ahead = timedelta(hours=self.rng.randrange(3, 12 * 24))
                self.plan(lead, self.now + ahead, completed, told=False)


def add_demo_history(session: Session, *, now: datetime) -> None:
    """Stage moves and follow-up work for every demo lead (called once, right after they are made)."""
    history = _History(session, now)
    planned: dict[int, list[FollowUp]] = {}
    for row in session.exec(select(FollowUp).where(FollowUp.status == FollowUpStatus.PLANNED)
                            .order_by(FollowUp.id)):
        planned.setdefault(row.lead_id, []).append(row)
    for lead in session.exec(select(Lead).order_by(Lead.id)).all():
        history.moves(lead)
        history.past_work(lead)
        if lead.is_open:
            history.settle_planned(lead, planned.get(lead.id, []))
    session.flush()
    _settle(session)


def _settle(session: Session) -> None:
    """Each lead's next follow-up (earliest planned) and last activity (last timeline line)."""
    next_due = (select(func.min(FollowUp.due_at))
                .where(FollowUp.lead_id == Lead.id, FollowUp.status == FollowUpStatus.PLANNED).scalar_subquery())
    last_line = select(func.max(LeadEvent.at)).where(LeadEvent.lead_id == Lead.id).scalar_subquery()
    session.execute(update(Lead).values(next_followup_at=next_due, last_activity_at=last_line)
                    .execution_options(synchronize_session=False))
    session.expire_all()  # the leads in this session read the two columns afresh
