"""Revoke policies (when a lead is taken back from an assignee who does not act), what they
did (each revoke undoable for a week) and assignment rules (who gets a new or revoked lead).

Scopes and conditions are small JSON documents (``scope``, ``conditions``, ``members``):
their shape is checked by the domain when saved (domain/policies, domain/assignment), and
they are read whole with their row, never queried into.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from hoffice_app.models.versioned import version_column

_POLICY_VERSION = version_column()
_RULE_VERSION = version_column()


class AssignmentRule(SQLModel, table=True):
    """Who gets a lead saved without an assignee, or revoked "through a rule". Rules are tried in
    ``position`` order; the first whose conditions match wins; the fallback rule when none does."""

    __tablename__ = "assignment_rule"
    __mapper_args__ = {"version_id_col": _RULE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    position: int = 0
    enabled: bool = True
    is_fallback: bool = False
    # {"source_kind": "campaign", "source_ids": [..], "product_category_ids": [..], "lead_type_ids": [..],
    #  "division_ids": [..], "cities": [..], "states": [..]} — an absent or empty key matches anything
    conditions: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    method: str = Field(default="round_robin", max_length=12)  # round_robin | fewest_open | weighted
    members: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))  # [{id, weight}]
    cap: Optional[int] = None  # most open leads a member may hold; None: no cap
    cursor: int = 0  # round robin / weighted: how many leads this rule has handed out
    version: int = Field(default=1, sa_column=_RULE_VERSION)
    created_at: datetime
    updated_at: datetime
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")


class RevokePolicy(SQLModel, table=True):
    """When an open, assigned lead is taken back: a condition with its threshold in hours, an
    optional warning ``warn_hours`` before (to the assignee), an optional escalation to their
    manager ``manager_hours`` before, and where the lead goes (the pool, the manager, a rule)."""

    __tablename__ = "revoke_policy"
    __mapper_args__ = {"version_id_col": _POLICY_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    enabled: bool = False
    position: int = 0
    condition: str = Field(max_length=20)  # no_followup_done | followup_overdue | no_activity | stage_stale
    hours: int  # the threshold (days are stored as hours)
    warn_hours: int = 0  # 0: no warning
    manager_hours: Optional[int] = None  # None: no escalation step
    action: str = Field(default="pool", max_length=10)  # pool | manager | rule
    rule_id: Optional[int] = Field(default=None, foreign_key="assignment_rule.id")
    # {"funnel_ids": [..], "stage_ids": [..], "source_kinds": [..], "source_ids": [..], "lead_type_ids": [..],
    #  "priority_ids": [..], "division_ids": [..]} — an absent or empty key matches anything
    scope: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    version: int = Field(default=1, sa_column=_POLICY_VERSION)
    created_at: datetime
    updated_at: datetime
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")


class RevokeStep(SQLModel, table=True):
    """A warning or escalation a policy sent for one assignment of one lead (``epoch``: the
    lead's ``assigned_at`` then): the unique key makes the engine send each at most once."""

    __tablename__ = "revoke_step"
    __table_args__ = (UniqueConstraint("policy_id", "lead_id", "step", "epoch", name="uq_revoke_step"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    policy_id: int = Field(foreign_key="revoke_policy.id")
    lead_id: int = Field(foreign_key="lead.id", index=True)
    step: str = Field(max_length=10)  # warn | manager
    epoch: datetime
    at: datetime


class Revocation(SQLModel, table=True):
    """One revoke action — a policy's revoke of one lead, or a person's bulk revoke of many —
    undoable as a whole for a week."""

    __tablename__ = "revocation"
    __table_args__ = (Index("ix_revocation_at", "at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    policy_id: Optional[int] = Field(default=None, foreign_key="revoke_policy.id")  # None: a person's bulk revoke
    actor_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # None: a policy
    target: str = Field(max_length=10)  # pool | employee | manager | rule
    reason: str = Field(default="", max_length=300)
    lead_count: int = 0
    at: datetime
    undone_at: Optional[datetime] = None
    undone_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")


class RevocationLead(SQLModel, table=True):
    """One lead of a revocation: from whom, to whom, the version it was left at (undo puts it
    back only if nobody changed it since) and the open follow-ups that moved with it."""

    __tablename__ = "revocation_lead"

    id: Optional[int] = Field(default=None, primary_key=True)
    revocation_id: int = Field(foreign_key="revocation.id", index=True)
    lead_id: int = Field(foreign_key="lead.id", index=True)
    from_id: int = Field(foreign_key="employee.id")
    to_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    version_after: int
    follow_up_ids: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
