"""The policy engine: every minute (the notification runner's job, one run at a time across
workers) and on demand (the CLI). One pass, for each enabled policy in its order:

- a lead whose revoke has come is revoked (the version read now is required, so a lead a
  person saved meanwhile is left for the next run);
- else one whose escalation has come has its assignee's manager told, once per deadline;
- else one whose warning has come has its assignee warned, once per deadline.

A lead revoked by one policy is not looked at by the next in the same pass. A second pass at
the same moment changes nothing: the steps sent are remembered (``revoke_step``, unique per
policy, lead, step and deadline) and a revoked lead has a new assignment (a new count).
``simulate`` is the same pass writing nothing; the preview and the lead's countdown read the
same computation (evaluate.due_leads).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlmodel import Session

from hoffice_app.domain.policies.definitions import Due, Policy, of
from hoffice_app.domain.policies.evaluate import due_leads
from hoffice_app.domain.policies.revoke import Target, revoke_leads
from hoffice_app.models import Lead, RevokePolicy, RevokeStep


@dataclass
class Report:
    """What a pass did (or, simulated, would do): lead codes per step."""

    warn: list[str] = field(default_factory=list)
    escalate: list[str] = field(default_factory=list)
    revoke: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # due to be revoked but changed meanwhile

    def as_dict(self) -> dict[str, list[str]]:
        return {"warn": self.warn, "escalate": self.escalate, "revoke": self.revoke, "skipped": self.skipped}


def enabled_policies(session: Session) -> list[Policy]:
    rows = session.execute(select(RevokePolicy).where(RevokePolicy.enabled).order_by(RevokePolicy.position,
                                                                                     RevokePolicy.id)).scalars()
    return [of(row) for row in rows]


def run(session: Session, *, now: datetime, dry_run: bool = False) -> Report:
    """One pass of every enabled policy at ``now``; with ``dry_run`` nothing is written."""
    report, done = Report(), set()
    for policy in enabled_policies(session):
        rows = [d for d in due_leads(session, policy, now=now) if d.lead_id not in done]
        sent = _steps_sent(session, policy.id, rows)
        revoke = [d for d in rows if d.deadline <= now]
        for due in rows:
            if due.deadline <= now:
                continue
            if due.manager_at and due.manager_at <= now and (due.lead_id, "manager", due.deadline) not in sent:
                _step(session, policy, due, "manager", now, dry_run)
                report.escalate.append(due.code)
            elif due.warn_at and due.warn_at <= now and (due.lead_id, "warn", due.deadline) not in sent:
                _step(session, policy, due, "warn", now, dry_run)
                report.warn.append(due.code)
        done.update(d.lead_id for d in revoke)
        if not revoke:
            continue
        if dry_run:
            report.revoke += [d.code for d in revoke]
            continue
        result = revoke_leads(session, [(d.lead_id, d.version) for d in revoke],
                              Target(policy.action, rule_id=policy.rule_id),
                              reason=f"policy \"{policy.name}\": {policy.summary()}", now=now, policy_id=policy.id)
        report.revoke += list(result.revoked)
        report.skipped += list(result.skipped)
    return report


def _steps_sent(session: Session, policy_id: int, rows: list[Due]) -> set[tuple[int, str, datetime]]:
    if not rows:
        return set()
    found = session.execute(select(RevokeStep.lead_id, RevokeStep.step, RevokeStep.epoch).where(
        RevokeStep.policy_id == policy_id, RevokeStep.lead_id.in_([d.lead_id for d in rows])))
    return {(r.lead_id, r.step, r.epoch) for r in found}


def _step(session: Session, policy: Policy, due: Due, step: str, now: datetime, dry_run: bool) -> None:
    """Remember the step and tell whom it concerns (the assignee, or their manager)."""
    if dry_run:
        return
    from hoffice_app.domain import notify  # notify reads leads; called only when a step is taken

    session.add(RevokeStep(policy_id=policy.id, lead_id=due.lead_id, step=step, epoch=due.deadline, at=now))
    lead = session.get(Lead, due.lead_id)
    notify.revoke_warning(session, lead, policy=policy.name, deadline=due.deadline, unless=policy.unless, now=now,
                          manager=step == "manager")
    session.flush()


@dataclass(frozen=True)
class PreviewRow:
    code: str
    title: str
    assignee_id: int
    step: str  # warn | escalate | revoke
    at: datetime


@dataclass(frozen=True)
class Preview:
    """What a policy would do now, within 24 hours and within 7 days (each step once, at its time)."""

    now: list[PreviewRow]
    day: list[PreviewRow]
    week: list[PreviewRow]
    per_assignee: dict[int, dict[str, int]]  # employee id -> {"now": n, "day": n, "week": n}


def preview(session: Session, policy: Policy, *, now: datetime) -> Preview:
    """The engine's own computation over the next 7 days (whether or not the policy is enabled)."""
    buckets: dict[str, list[PreviewRow]] = {"now": [], "day": [], "week": []}
    per: dict[int, dict[str, int]] = {}
    day, week = now + timedelta(hours=24), now + timedelta(days=7)
    for due in due_leads(session, policy, now=now, horizon=timedelta(days=7)):
        for step, at in (("warn", due.warn_at), ("escalate", due.manager_at), ("revoke", due.deadline)):
            if at is None or (step != "revoke" and due.deadline <= now):
                continue  # a lead past its revoke is revoked, not warned
            bucket = "now" if at <= now else "day" if at <= day else "week" if at <= week else None
            if bucket is None:
                continue
            buckets[bucket].append(PreviewRow(due.code, due.title, due.assignee_id, step, at))
            counts = per.setdefault(due.assignee_id, {"now": 0, "day": 0, "week": 0})
            counts[bucket] += 1
    return Preview(buckets["now"], buckets["day"], buckets["week"], per)


@dataclass(frozen=True)
class Countdown:
    policy: str
    deadline: datetime
    text: str  # "Revoked in 5 h unless a follow-up is completed"


def countdowns(session: Session, lead_ids: list[int], *, now: datetime) -> dict[int, Countdown]:
    """For leads inside a warning window (or past it): the earliest revoke that threatens them."""
    found: dict[int, Countdown] = {}
    if not lead_ids:
        return found
    for policy in enabled_policies(session):
        horizon = timedelta(0)  # only leads whose warning (or escalation) time has come
        for due in due_leads(session, policy, now=now, horizon=horizon, lead_ids=lead_ids):
            shown = found.get(due.lead_id)
            if shown is None or due.deadline < shown.deadline:
                found[due.lead_id] = Countdown(policy.name, due.deadline, countdown_text(due.deadline, now,
                                                                                         policy.unless))
    return found


def countdown_text(deadline: datetime, now: datetime, unless: str) -> str:
    seconds = (deadline - now).total_seconds()
    if seconds <= 0:
        return "Being revoked now"
    hours = seconds / 3600
    span = (f"{int(seconds // 60)} min" if hours < 1 else f"{round(hours)} h" if hours < 48
            else f"{round(hours / 24)} days")
    return f"Revoked in {span} {unless}"
