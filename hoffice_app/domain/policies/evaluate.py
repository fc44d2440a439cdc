"""The one computation behind the engine, the preview, the CLI and the countdown: which leads
a policy will act on, and when.

Each condition counts from one moment of the lead (its "anchor"); the revoke falls the
threshold after it, the warning and the escalation their hours before that:

- no follow-up completed within H hours of the assignment: from the assignment (or the
  creation, for a lead assigned when it was made), and only while no follow-up has been
  completed since;
- a follow-up overdue by more than H hours: from the earliest planned follow-up's due time;
- no activity for D days: from the last line on the lead's timeline;
- in the same stage for more than D days: from when it entered its stage.

Only open leads with an assignee and not on hold are looked at. One indexed query per policy,
the time arithmetic in Python (the same on SQLite and PostgreSQL).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, false, func, literal_column, or_, select
from sqlmodel import Session

from hoffice_app.domain.policies.definitions import Due, Policy
from hoffice_app.models import EmployeeDivision, FollowUp, FollowUpStatus, Lead

_SOURCE_COLUMNS = {"campaign": Lead.source_campaign_id, "employee": Lead.source_employee_id,
                   "contact": Lead.source_contact_id}


def anchor(condition: str):
    """The column each condition counts from."""
    if condition == "no_followup_done":
        return func.coalesce(Lead.assigned_at, Lead.created_at)
    if condition == "followup_overdue":
        return Lead.next_followup_at
    if condition == "no_activity":
        return func.coalesce(Lead.last_activity_at, Lead.updated_at)
    if condition == "stage_stale":
        return Lead.stage_entered_at
    raise ValueError(f"unknown condition {condition!r}")


def scope_clause(policy: Policy):
    """The policy's scope as a WHERE clause (an empty scope: every open, assigned lead)."""
    scope, parts = policy.scope, []
    for key, column in (("funnel_ids", Lead.funnel_id), ("stage_ids", Lead.stage_id),
                        ("source_kinds", Lead.source_kind), ("lead_type_ids", Lead.lead_type_id),
                        ("priority_ids", Lead.priority_id)):
        if scope.get(key):
            parts.append(column.in_(scope[key]))
    if scope.get("source_ids"):  # "campaign:12", "employee:3", "contact:40"
        by_kind: dict[str, list[int]] = {}
        for item in scope["source_ids"]:
            kind, _, raw = str(item).partition(":")
            if kind in _SOURCE_COLUMNS and raw.isdigit():
                by_kind.setdefault(kind, []).append(int(raw))
        parts.append(or_(*[_SOURCE_COLUMNS[k].in_(ids) for k, ids in by_kind.items()]) if by_kind else false())
    if scope.get("division_ids"):
        team = select(EmployeeDivision.employee_id).where(EmployeeDivision.division_id.in_(scope["division_ids"]))
        parts.append(Lead.assigned_to_id.in_(team))
    return and_(*parts) if parts else None


def due_leads(session: Session, policy: Policy, *, now: datetime, horizon: timedelta = timedelta(0),
              lead_ids: Iterable[int] | None = None) -> list[Due]:
    """The leads whose first step under ``policy`` (warning, escalation or revoke) falls by
    ``now + horizon``, earliest revoke first. ``lead_ids`` narrows it to those leads (a board's
    cards, one lead's page)."""
    start = anchor(policy.condition)
    cutoff = now + horizon + policy.lead_time - policy.threshold  # anchor by then: its first step falls by now+horizon
    is_open = Lead.is_open
    if lead_ids is not None and session.get_bind().dialect.name == "sqlite":
        # A few given leads (a board's cards): without statistics SQLite would walk every open lead
        # through ix_lead_open_created (~300 ms at 100,000) instead of looking the ids up (~1 ms).
        is_open = func.likelihood(Lead.is_open == True, literal_column("0.9"))  # noqa: E712
    query = (select(Lead.id, Lead.code, Lead.title, Lead.assigned_to_id, Lead.version, start.label("anchor"))
             .where(is_open, Lead.assigned_to_id.is_not(None), Lead.on_hold.is_(False), start.is_not(None),
                    start <= cutoff))
    if policy.condition == "no_followup_done":
        done_since = exists().where(FollowUp.lead_id == Lead.id, FollowUp.status == FollowUpStatus.DONE,
                                    FollowUp.completed_at >= func.coalesce(Lead.assigned_at, Lead.created_at))
        query = query.where(~done_since)
    clause = scope_clause(policy)
    if clause is not None:
        query = query.where(clause)
    if lead_ids is not None:
        ids = list(lead_ids)
        if not ids:
            return []
        query = query.where(Lead.id.in_(ids))
    found = []
    for row in session.execute(query.order_by(start, Lead.id)):
        deadline = row.anchor + policy.threshold
        found.append(Due(lead_id=row.id, code=row.code, title=row.title, assignee_id=row.assigned_to_id,
                         version=row.version, deadline=deadline,
                         warn_at=deadline - timedelta(hours=policy.warn_hours) if policy.warn_hours else None,
                         manager_at=deadline - timedelta(hours=policy.manager_hours) if policy.manager_hours
                         else None))
    return found
