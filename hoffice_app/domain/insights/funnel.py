"""The funnel for a period: of the leads created in it, how many reached each stage (and so
converted from each stage to the next), and how long leads stayed in each stage before they
moved on (from the stage-change log)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, union_all
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, Option, as_id, require_actor
from hoffice_app.domain.insights import metrics, scope
from hoffice_app.domain.insights.drill import make
from hoffice_app.domain.insights.period import Period
from hoffice_app.domain.insights.views import Cell, FunnelInsights, StageRow
from hoffice_app.models import Funnel, FunnelStage, Lead, StageChange


def funnel_options(session: Session) -> list[Option]:
    rows = session.exec(select(Funnel.id, Funnel.name).where(Funnel.active == True)  # noqa: E712
                        .order_by(Funnel.position, Funnel.id)).all()
    return [Option(str(i), name) for i, name in rows]


def _stages(session: Session, funnel_id: int) -> list[FunnelStage]:
    rows = session.exec(select(FunnelStage).where(FunnelStage.funnel_id == funnel_id, FunnelStage.active == True,  # noqa: E712
                                                  FunnelStage.kind != "lost")).all()
    return sorted(rows, key=metrics.stage_rank)


def _reach_counts(session: Session, view: scope.Scope, when: Period, funnel_id: int, ranks: dict[int, int],
                  now: datetime) -> dict[int, int]:
    """rank → leads of the cohort (created in the period, in this funnel) whose furthest stage has it.
    The funnel holds most leads: the cohort is read through the creation date (scope.broad)."""
    cohort = [scope.lead_clause(session, view), *metrics.lead_metric(session, "created", when, now),
              scope.broad(session, Lead.funnel_id == funnel_id)]
    ids = select(Lead.id).where(*cohort)
    visits = union_all(
        select(Lead.id.label("lead_id"), Lead.stage_id.label("stage_id")).where(*cohort),
        select(StageChange.lead_id, StageChange.to_stage_id).where(StageChange.lead_id.in_(ids)),
        select(StageChange.lead_id, StageChange.from_stage_id).where(StageChange.lead_id.in_(ids))).subquery()
    rank = case(ranks, value=visits.c.stage_id, else_=-1) if ranks else -1
    per_lead = select(visits.c.lead_id, func.max(rank).label("reach")).group_by(visits.c.lead_id).subquery()
    return dict(session.execute(select(per_lead.c.reach, func.count()).group_by(per_lead.c.reach)).all())


def _time_in_stage(session: Session, view: scope.Scope, when: Period, stage_ids: list[int]) -> dict[int, tuple]:
    """stage → (distinct leads that left it in the period, average seconds spent there)."""
    stmt = (select(StageChange.from_stage_id, func.count(func.distinct(StageChange.lead_id)),
                   func.avg(StageChange.seconds_in_previous))
            .join(Lead, Lead.id == StageChange.lead_id)
            .where(scope.lead_clause(session, view), StageChange.from_stage_id.in_(stage_ids or [0]),
                   StageChange.at >= when.start, StageChange.at < when.end)
            .group_by(StageChange.from_stage_id))
    return {stage: (int(n), float(avg) if avg is not None else None) for stage, n, avg in session.exec(stmt).all()}


def funnel_insights(session: Session, actor: Actor, view: scope.Scope, when: Period, funnel_id=None, *,
                    now: datetime) -> FunnelInsights:
    """One funnel (the first active one unless ``funnel_id`` names another)."""
    require_actor(actor)
    choices = funnel_options(session)
    wanted = str(as_id(funnel_id) or "")
    chosen = next((o for o in choices if o.value == wanted), choices[0] if choices else None)
    if chosen is None:
        raise NotFound("There is no active funnel.")
    stages = _stages(session, int(chosen.value))
    ranks = {s.id: metrics.stage_rank(s) for s in stages}
    reach = _reach_counts(session, view, when, int(chosen.value), ranks, now)
    spent = _time_in_stage(session, view, when, list(ranks))
    rows = []
    for stage in stages:
        count = sum(n for r, n in reach.items() if r is not None and r >= ranks[stage.id])
        left_n, avg = spent.get(stage.id, (0, None))
        rows.append(StageRow(stage.id, stage.name, stage.kind,
                             Cell(count, make("reached", when, view, "", str(stage.id)).url()), "—",
                             Cell(left_n, make("left", when, view, "", str(stage.id)).url()),
                             f"{avg / 86400:.1f}" if avg is not None else "—"))
    for here, following in zip(rows, rows[1:]):
        here.conversion = f"{round(100 * following.reached.value / here.reached.value)}%" if here.reached.value else "—"
    return FunnelInsights(when.label, view.label, int(chosen.value), chosen.label, rows)


__all__ = ["funnel_insights", "funnel_options"]
