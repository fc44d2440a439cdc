"""The insights page's tables as spreadsheet rows: for each downloadable table its title,
its header and its rows, read through the same domain views the page shows (so a file
never disagrees with the screen). Counts stay numbers, percentages become fractions,
amounts stay amounts (``MONEY`` marks them for the currency format)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from sqlmodel import Session

from hoffice_app.domain import insights
from hoffice_app.domain.common import Actor


class Money(float):
    """An amount: written as a number with the company's currency format."""


class Indented(str):
    """A label written with an indent of ``depth`` levels (a source's sub-choices under their kind)."""

    depth: int

    def __new__(cls, text: str, depth: int = 0):
        made = super().__new__(cls, text)
        made.depth = depth
        return made


@dataclass(frozen=True)
class Selection:
    """What the page's controls chose: whose numbers, which days, which funnel."""

    actor: Actor
    scope: insights.Scope
    period: insights.Period
    funnel: str
    now: datetime


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: Callable[[Session, Selection], list[list]]
    monthly_header: tuple[str, ...] = ()  # the header when the rows are months, not weeks

    def heading(self, rows: list[list]) -> tuple[str, ...]:
        return self.monthly_header if self.monthly_header and rows and is_month(rows[0][0]) else self.header


def percent(text: str) -> float | None:
    """"83%" → 0.83; "—" (nothing to divide by) stays blank."""
    text = (text or "").strip().rstrip("%")
    try:
        return float(text) / 100
    except ValueError:
        return None


def is_month(label: str) -> bool:
    """Long periods are counted per month ("Dec 2026"), shorter ones per week ("7 Dec")."""
    return str(label)[-4:].isdigit()


def number(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _follow_ups(session: Session, sel: Selection) -> insights.FollowUpInsights:
    return insights.follow_up_insights(session, sel.actor, sel.scope, sel.period, now=sel.now)


def _leads(session: Session, sel: Selection) -> insights.LeadInsights:
    return insights.lead_insights(session, sel.actor, sel.scope, sel.period, now=sel.now)


def follow_up_rows(session: Session, sel: Selection) -> list[list]:
    view = _follow_ups(session, sel)
    return [[r.name, r.planned.value, r.on_time.value, r.late.value, r.overdue.value, r.unattended.value,
             percent(r.on_time_pct)] for r in [*view.rows, view.total]]


def first_follow_up_rows(session: Session, sel: Selection) -> list[list]:
    view = _follow_ups(session, sel)
    return [[r.name, r.assigned.value, r.followed_up.value, number(r.avg_hours)] for r in [*view.rows, view.total]]


def group_rows(rows: list[insights.GroupRow]) -> list[list]:
    """A sub-choice (depth 1) keeps its depth in the first cell's indent (see ``Indented``)."""
    return [[Indented(r.label, r.depth), r.created.value, r.won.value, r.lost.value, percent(r.win_rate),
             Money(r.value_won_raw)] for r in rows]


def _breakdown(by: str) -> Callable[[Session, Selection], list[list]]:
    return lambda session, sel: group_rows(_leads(session, sel).breakdowns[by])


def lost_reason_rows(session: Session, sel: Selection) -> list[list]:
    return [[r.label, r.count.value, percent(r.share)] for r in _leads(session, sel).lost_reasons]


def week_rows(session: Session, sel: Selection) -> list[list]:
    return [[w.label, w.created.value, w.won.value] for w in _leads(session, sel).weeks]


def funnel_rows(session: Session, sel: Selection) -> list[list]:
    view = insights.funnel_insights(session, sel.actor, sel.scope, sel.period, sel.funnel or None, now=sel.now)
    return [[s.name, s.reached.value, percent(s.conversion), s.left.value, number(s.avg_days)] for s in view.stages]


GROUP_COLUMNS = ("Created", "Won", "Lost", "Win rate", "Value won")
TABLES: dict[str, Table] = {
    "followups": Table("Follow-ups", ("Executive", "Planned", "Done on time", "Done late", "Overdue",
                                      "Unattended leads", "On-time %"), follow_up_rows),
    "first-follow-up": Table("First follow-up after assignment",
                             ("Executive", "Leads assigned", "Followed up", "Average hours"), first_follow_up_rows),
    "sources": Table("Leads by source", ("Source", *GROUP_COLUMNS), _breakdown("source")),
    "categories": Table("Leads by product category", ("Product category", *GROUP_COLUMNS), _breakdown("category")),
    "products": Table("Leads by product", ("Product", *GROUP_COLUMNS), _breakdown("product")),
    "types": Table("Leads by lead type", ("Lead type", *GROUP_COLUMNS), _breakdown("type")),
    "executives": Table("Leads by executive", ("Executive", *GROUP_COLUMNS), _breakdown("person")),
    "lost-reasons": Table("Lost reasons", ("Lost reason", "Leads", "Share"), lost_reason_rows),
    "weeks": Table("Leads created and won per week", ("Week", "Created", "Won"), week_rows,
                   ("Month", "Created", "Won")),
    "funnel": Table("Funnel", ("Stage", "Reached", "Conversion to next", "Left the stage", "Avg days in stage"),
                    funnel_rows),
}
