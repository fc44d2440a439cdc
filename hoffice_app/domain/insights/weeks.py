"""Leads created and won per week (Monday to Sunday, company days), or per month when the
period is longer than about three months, each bucket clipped to the period."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func
from sqlmodel import Session, select

from hoffice_app.domain.insights import scope
from hoffice_app.domain.insights.drill import make
from hoffice_app.domain.insights.period import Period, between
from hoffice_app.domain.insights.views import Cell, WeekRow
from hoffice_app.models import Lead

WEEKLY_UP_TO_DAYS = 92


def buckets(session: Session, when: Period) -> list[tuple[str, Period]]:
    """(label, period) per week or month inside ``when``."""
    out, day = [], when.first
    weekly = when.days() <= WEEKLY_UP_TO_DAYS
    while day <= when.last:
        if weekly:
            end = min(day + timedelta(days=6 - day.weekday()), when.last)
            label = (day - timedelta(days=day.weekday())).strftime("%d %b").lstrip("0")
        else:
            following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
            end = min(following - timedelta(days=1), when.last)
            label = day.strftime("%b %Y")
        out.append((label, between(session, day, end)))
        day = end + timedelta(days=1)
    return out


def _counts(session: Session, view: scope.Scope, column, where, parts: list[Period]) -> list[int]:
    if not parts:
        return []
    sums = [func.coalesce(func.sum(case((and_(column >= p.start, column < p.end), 1), else_=0)), 0) for p in parts]
    row = session.execute(select(*sums).where(scope.lead_clause(session, view), where)).one()
    return [int(v) for v in row]


def created_and_won(session: Session, view: scope.Scope, when: Period, won, *, now: datetime) -> list[WeekRow]:
    """``won``: the period's won condition (metrics.lead_metric "won")."""
    parts = buckets(session, when)
    periods = [p for _label, p in parts]
    created = _counts(session, view, Lead.created_at,
                      and_(Lead.created_at >= when.start, Lead.created_at < when.end), periods)
    won_counts = _counts(session, view, Lead.closed_at, won, periods)
    return [WeekRow(label, Cell(c, make("created", p, view).url()), Cell(w, make("won", p, view).url()))
            for (label, p), c, w in zip(parts, created, won_counts)]
