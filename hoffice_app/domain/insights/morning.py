"""The dashboard as a manager's morning page: what to act on today in the viewer's scope
(their team, everyone for admins, their own for executives) — overdue follow-ups, leads with
nothing planned, leads a policy takes back within a day, leads stuck in their stage — and the
open value per stage. Each number links to the list of exactly its records."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from hoffice_app import routes
from hoffice_app.domain.common import Actor, require_actor
from hoffice_app.domain.insights import metrics, scope
from hoffice_app.domain.insights.drill import make, revoke_soon_ids
from hoffice_app.domain.insights.views import Cell
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import FollowUp, Funnel, FunnelStage, Lead

STUCK_SHOWN = 5


@dataclass
class StuckLead:
    code: str
    title: str
    stage: str
    days: int
    assignee: str
    link: str


@dataclass
class StageValue:
    funnel: str
    stage: str
    leads: Cell
    value: str  # compact, in the company's currency: "₹1.07 Cr"
    value_raw: float


@dataclass
class MorningView:
    scope_label: str
    overdue: Cell
    unattended: Cell
    revoke_soon: Cell
    stuck: Cell
    open_leads: Cell
    open_value: str
    stuck_leads: list[StuckLead] = field(default_factory=list)
    by_stage: list[StageValue] = field(default_factory=list)


def _count(session: Session, *where, follow_ups: bool = False) -> int:
    stmt = select(func.count()).select_from(FollowUp).join(Lead, Lead.id == FollowUp.lead_id) if follow_ups \
        else select(func.count()).select_from(Lead)
    return int(session.exec(stmt.where(*where)).one())


def _stuck_leads(session: Session, view: scope.Scope, now: datetime, within) -> list[StuckLead]:
    rows = session.exec(select(Lead.code, Lead.title, Lead.stage_entered_at, FunnelStage.name, Lead.assigned_to_id)
                        .join(FunnelStage, FunnelStage.id == Lead.stage_id)
                        .where(within, metrics.stuck(session, now))
                        .order_by(Lead.stage_entered_at, Lead.id).limit(STUCK_SHOWN)).all()
    people = scope.names(session, {r[4] for r in rows})
    out = []
    for code, title, entered, stage, person in rows:
        entered = entered if entered.tzinfo else entered.replace(tzinfo=now.tzinfo)
        out.append(StuckLead(code, title, stage, (now - entered).days, people.get(person, "Unassigned"),
                             routes.lead(code)))
    return out


def _by_stage(session: Session, view: scope.Scope, within) -> list[StageValue]:
    stmt = (select(Funnel.name, FunnelStage.id, FunnelStage.name, func.count(), func.sum(Lead.estimated_value))
            .join(FunnelStage, FunnelStage.id == Lead.stage_id).join(Funnel, Funnel.id == FunnelStage.funnel_id)
            .where(within, Lead.is_open == True)  # noqa: E712
            .group_by(Funnel.name, Funnel.position, FunnelStage.id, FunnelStage.name, FunnelStage.position)
            .order_by(Funnel.position, Funnel.name, FunnelStage.position))
    return [StageValue(funnel, stage, Cell(int(n), make("open", None, view, "stage", str(stage_id)).url()),
                       app_settings.money(session, value or 0, compact=True), float(value or 0))
            for funnel, stage_id, stage, n, value in session.exec(stmt).all()]


def morning(session: Session, actor: Actor, *, now: datetime, team=None) -> MorningView:
    require_actor(actor)
    view = scope.resolve(session, actor, team)
    within = scope.lead_clause(session, view)
    soon = revoke_soon_ids(session, now=now)
    open_count, open_value = session.exec(select(func.count(), func.sum(Lead.estimated_value))
                                          .where(within, Lead.is_open == True)).one()  # noqa: E712

    def cell(metric: str, n: int) -> Cell:
        return Cell(n, make(metric, None, view).url())
    return MorningView(
        view.label,
        overdue=cell("overdue", _count(session, scope.follow_up_clause(session, view), metrics.overdue(now),
                                       follow_ups=True)),
        unattended=cell("unattended", _count(session, within, metrics.unattended())),
        revoke_soon=cell("revoke_soon", _count(session, within, Lead.id.in_(sorted(soon) or [0]))),
        stuck=cell("stuck", _count(session, within, metrics.stuck(session, now))),
        open_leads=cell("open", int(open_count)),
        open_value=app_settings.money(session, open_value or 0, compact=True),
        stuck_leads=_stuck_leads(session, view, now, within), by_stage=_by_stage(session, view, within))


__all__ = ["morning", "MorningView", "StageValue", "StuckLead"]
