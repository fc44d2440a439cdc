"""What callers get back from the assignment rules: the pick for one lead and the rule as the
settings screen shows it (plain dataclasses; never an ORM row)."""
from __future__ import annotations

from dataclasses import dataclass, field

METHODS = {"round_robin": "Round robin", "fewest_open": "Fewest open leads", "weighted": "Weighted shares"}
SOURCE_KINDS = {"contact": "Contact", "employee": "Employee", "friend": "Friend / Family",
                "campaign": "Campaign / activity"}


@dataclass(frozen=True)
class Pick:
    """Who gets the lead, and by which rule (for the timeline line and the caller's report)."""

    employee_id: int
    rule_id: int
    rule_name: str


@dataclass
class MemberView:
    id: int
    name: str
    weight: int
    active: bool = True


@dataclass
class RuleView:
    """A rule as the settings list shows it; ``conditions_text`` and ``members_text`` in words."""

    id: int
    name: str
    position: int
    enabled: bool
    is_fallback: bool
    method: str
    method_label: str
    members: list[MemberView] = field(default_factory=list)
    members_text: str = ""
    cap: int | None = None
    cap_text: str = "No cap"
    conditions: dict = field(default_factory=dict)
    conditions_text: str = ""
    version: int = 1
