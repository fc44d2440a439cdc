"""Lead insights for a period: leads created, won and lost, win rate and value won, broken
down by source (kind, then sub-choice), product category, product, lead type and executive;
lost reasons ranked; leads created and won per week."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_, case, func, or_
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, require_actor
from hoffice_app.domain.insights import dimensions, labels, metrics, scope, weeks
from hoffice_app.domain.insights.drill import make
from hoffice_app.domain.insights.follow_ups import percent
from hoffice_app.domain.insights.period import Period
from hoffice_app.domain.insights.views import Cell, GroupRow, LeadInsights, RankRow
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Lead, LeadProduct

BREAKDOWNS = ("source", "category", "product", "type", "person")


class _Counts:
    """The period's created/won/lost conditions, read once per page."""

    def __init__(self, session: Session, when: Period, now: datetime):
        self.created = and_(*metrics.lead_metric(session, "created", when, now))
        self.won = and_(*metrics.lead_metric(session, "won", when, now))
        self.lost = and_(*metrics.lead_metric(session, "lost", when, now))

    def columns(self) -> list:
        value = case((self.won, func.coalesce(Lead.estimated_value, 0)), else_=0)
        return [func.coalesce(func.sum(case((c, 1), else_=0)), 0) for c in (self.created, self.won, self.lost)] + \
            [func.coalesce(func.sum(value), 0)]

    def any(self):
        return or_(self.created, self.won, self.lost)


def _grouped(session: Session, view: scope.Scope, counts: _Counts, by: str) -> dict[str, list]:
    """key → [created, won, lost, value won] for one dimension."""
    if by == "source":
        keys = (Lead.source_kind, Lead.source_contact_id, Lead.source_employee_id, Lead.source_campaign_id)
    elif by == "product":
        keys = (LeadProduct.product_id,)
    else:
        keys = (dimensions.LEAD_COLUMNS[by],)
    stmt = select(*keys, *counts.columns()).where(scope.lead_clause(session, view), counts.any()).group_by(*keys)
    if by == "product":
        stmt = stmt.select_from(Lead).outerjoin(LeadProduct, LeadProduct.lead_id == Lead.id)
    out: dict[str, list] = {}
    for row in session.exec(stmt).all():
        key = dimensions.source_key(*row[:4]) if by == "source" else dimensions.key_of(row[0])
        numbers = [int(v) for v in row[len(keys):len(keys) + 3]] + [Decimal(str(row[-1] or 0))]
        out[key] = [a + b for a, b in zip(out.get(key, [0, 0, 0, Decimal(0)]), numbers)]
    return out


def _row(session: Session, view: scope.Scope, when: Period, by: str, key: str, label: str, numbers: list,
         depth: int = 0) -> GroupRow:
    created, won, lost, value = numbers

    def cell(metric: str, n: int) -> Cell:
        return Cell(n, make(metric, when, view, by, key).url())
    return GroupRow(key, label, cell("created", created), cell("won", won), cell("lost", lost),
                    percent(won, won + lost), app_settings.money(session, value), float(value), depth)


def _breakdown(session: Session, actor: Actor, view: scope.Scope, when: Period, counts: _Counts,
               by: str) -> list[GroupRow]:
    grouped = _grouped(session, view, counts, by)
    names = labels.for_keys(session, actor, by, grouped)
    if by != "source":
        order = sorted(grouped, key=lambda k: (-grouped[k][0], names[k].casefold()))
        return [_row(session, view, when, by, k, names[k], grouped[k]) for k in order]
    kinds: dict[str, list] = {}
    for key, numbers in grouped.items():
        kind = key.partition("-")[0]
        kinds[kind] = [a + b for a, b in zip(kinds.get(kind, [0, 0, 0, Decimal(0)]), numbers)]
    rows = []
    for kind in sorted(kinds, key=lambda k: -kinds[k][0]):
        rows.append(_row(session, view, when, "kind", kind, labels.source_kind(kind), kinds[kind]))
        subs = sorted((k for k in grouped if k.partition("-")[0] == kind and k != dimensions.NONE),
                      key=lambda k: (-grouped[k][0], names[k].casefold()))
        rows += [_row(session, view, when, "source", k, names[k], grouped[k], depth=1) for k in subs]
    return rows


def _lost_reasons(session: Session, actor: Actor, view: scope.Scope, when: Period, counts: _Counts) -> list[RankRow]:
    stmt = (select(Lead.lost_reason_id, func.count()).where(scope.lead_clause(session, view), counts.lost)
            .group_by(Lead.lost_reason_id))
    found = {dimensions.key_of(k): n for k, n in session.exec(stmt).all()}
    names, total = labels.for_keys(session, actor, "reason", found), sum(found.values())
    return [RankRow(k, names[k], Cell(n, make("lost", when, view, "reason", k).url()), percent(n, total))
            for k, n in sorted(found.items(), key=lambda item: (-item[1], names[item[0]].casefold()))]


def lead_insights(session: Session, actor: Actor, view: scope.Scope, when: Period, *, now: datetime) -> LeadInsights:
    require_actor(actor)
    counts = _Counts(session, when, now)
    breakdowns = {by: _breakdown(session, actor, view, when, counts, by) for by in BREAKDOWNS}
    row = session.exec(select(*counts.columns()).where(scope.lead_clause(session, view), counts.any())).one()
    total_row = _row(session, view, when, "", "", "Total", [int(v) for v in row[:3]] + [Decimal(str(row[3] or 0))])
    return LeadInsights(when.label, view.label, breakdowns, _lost_reasons(session, actor, view, when, counts),
                        weeks.created_and_won(session, view, when, counts.won, now=now), total_row)
