"""What a revoke policy says, read from its row: the condition with its threshold, the warning
and escalation before the revoke, where the lead goes, and which leads it looks at (scope).

The scope's keys (each an absent or empty list matching anything): funnel_ids, stage_ids,
source_kinds, source_ids (the sub-choice of a source kind: a campaign, an employee, a
contact), lead_type_ids, priority_ids, division_ids (the assignee's divisions: a policy for
one team).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from hoffice_app.models import RevokePolicy

SCOPE_KEYS = ("funnel_ids", "stage_ids", "source_kinds", "source_ids", "lead_type_ids", "priority_ids", "division_ids")
SOURCE_KINDS = ("contact", "employee", "friend", "campaign")


@dataclass(frozen=True)
class Condition:
    label: str  # as the settings screen offers it
    unit: str  # "hours" | "days": how the threshold is typed (stored as hours)
    unless: str  # what stops the countdown, as the warning and the lead page say it


CONDITIONS: dict[str, Condition] = {
    "no_followup_done": Condition("No follow-up completed within … of the assignment", "hours",
                                  "unless a follow-up is completed"),
    "followup_overdue": Condition("A follow-up overdue by more than …", "hours",
                                  "unless the overdue follow-up is completed"),
    "no_activity": Condition("No activity (follow-up, note, stage move, edit) for …", "days",
                             "unless something is done on it"),
    "stage_stale": Condition("In the same stage for more than …", "days", "unless it moves to another stage"),
}
ACTIONS = {"pool": "Back to the pool (unassigned)", "manager": "To the assignee's manager",
           "rule": "Through an assignment rule"}


@dataclass(frozen=True)
class Policy:
    """A policy as the engine uses it (plain values, read once per run)."""

    id: int
    name: str
    enabled: bool
    condition: str
    hours: int
    warn_hours: int
    manager_hours: int | None
    action: str
    rule_id: int | None
    scope: dict[str, list] = field(default_factory=dict)
    version: int = 1

    @property
    def threshold(self) -> timedelta:
        return timedelta(hours=self.hours)

    @property
    def lead_time(self) -> timedelta:
        """How long before its revoke a lead is first of interest (its warning or escalation)."""
        return timedelta(hours=max(self.warn_hours, self.manager_hours or 0))

    @property
    def unless(self) -> str:
        return CONDITIONS[self.condition].unless

    def threshold_text(self) -> str:
        if CONDITIONS[self.condition].unit == "days" and self.hours % 24 == 0:
            days = self.hours // 24
            return f"{days} day{'s' if days != 1 else ''}"
        return f"{self.hours} hour{'s' if self.hours != 1 else ''}"

    def summary(self) -> str:
        """One line for lists and the CLI: "No follow-up completed within 48 hours of the assignment"."""
        label = CONDITIONS[self.condition].label.replace("…", self.threshold_text())
        warn = f"; warns {self.warn_hours} h before" if self.warn_hours else ""
        manager = f"; tells the manager {self.manager_hours} h before" if self.manager_hours else ""
        return f"{label}{warn}{manager}; then {ACTIONS[self.action].lower()}"


def of(row: RevokePolicy) -> Policy:
    return Policy(id=row.id, name=row.name, enabled=row.enabled, condition=row.condition, hours=row.hours,
                  warn_hours=row.warn_hours or 0, manager_hours=row.manager_hours, action=row.action,
                  rule_id=row.rule_id, scope=parse_scope(row.scope), version=row.version)


def parse_scope(raw: str) -> dict[str, list]:
    """The stored scope; a damaged one reads as "everything" for no key rather than failing the run."""
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {k: list(v) for k, v in found.items() if k in SCOPE_KEYS and isinstance(v, list) and v} \
        if isinstance(found, dict) else {}


@dataclass(frozen=True)
class Due:
    """One lead a policy will act on: when it is revoked (``deadline``) and when it is warned
    and escalated (None: no such step)."""

    lead_id: int
    code: str
    title: str
    assignee_id: int
    version: int
    deadline: datetime
    warn_at: datetime | None
    manager_at: datetime | None
