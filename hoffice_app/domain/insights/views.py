"""What the insights pages get back: rows ready to show, each number with the drill-down
query (``Cell.link``) that lists exactly its records."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    value: int = 0
    link: str = ""  # the list URL behind the number


@dataclass
class PersonRow:
    """One line of the follow-up table: Executive, Planned, Done on time, Done late, Overdue,
    Unattended leads, On-time %; then the first follow-up after assignment."""

    person_id: int
    name: str
    planned: Cell
    on_time: Cell
    late: Cell
    overdue: Cell
    unattended: Cell
    on_time_pct: str  # "83%", or "—" with nothing due
    assigned: Cell
    followed_up: Cell
    avg_hours: str  # "5.2", or "—"


@dataclass
class FollowUpInsights:
    period_label: str
    scope_label: str
    rows: list[PersonRow]
    total: PersonRow
    chart: list[dict] = field(default_factory=list)  # per person: name, on_time, late, overdue


@dataclass
class GroupRow:
    """One line of a lead breakdown (by source, product, type, executive)."""

    key: str
    label: str
    created: Cell
    won: Cell
    lost: Cell
    win_rate: str  # won ÷ (won + lost), "—" with neither
    value_won: str  # in the company's currency
    value_won_raw: float = 0.0
    depth: int = 0  # 1: a sub-choice under its source kind


@dataclass
class RankRow:
    key: str
    label: str
    count: Cell
    share: str  # "42%"


@dataclass
class WeekRow:
    label: str  # "7 Dec" (the week's Monday), or "Dec 2026" when the range is long
    created: Cell
    won: Cell


@dataclass
class LeadInsights:
    period_label: str
    scope_label: str
    breakdowns: dict[str, list[GroupRow]]  # source, category, product, type, person
    lost_reasons: list[RankRow]
    weeks: list[WeekRow]
    totals: GroupRow


@dataclass
class StageRow:
    stage_id: int
    name: str
    kind: str  # open | won
    reached: Cell
    conversion: str  # to the next stage, "—" for the last
    left: Cell  # leads that moved out during the period
    avg_days: str  # average days in the stage of those moves, "—" with none


@dataclass
class FunnelInsights:
    period_label: str
    scope_label: str
    funnel_id: int
    funnel_name: str
    stages: list[StageRow]
