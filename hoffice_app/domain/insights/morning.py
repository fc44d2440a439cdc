"""The dashboard as a manager's morning page: what to act on today in the viewer's scope
(their team, everyone for admins, their own for executives) — overdue follow-ups, leads with
nothing planned, leads a policy takes back within a day, leads stuck in their stage — and the
open value per stage. Each number links to the list of exactly its records."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func
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


def _open_by_stage(session: Session, within, now: datetime) -> dict:
    """stage → (open leads, their value, how many of them are stuck), in one pass over the open
    leads in scope: the open total, the stuck count and the value per stage are sums of it (as
    three queries they read every open lead three times, the slowest part of the page)."""
    stuck = func.coalesce(func.sum(case((metrics.stuck(session, now), 1), else_=0)), 0)
    stmt = (select(Lead.stage_id, func.count(), func.sum(Lead.estimated_value), stuck)
            .where(within, Lead.is_open == True).group_by(Lead.stage_id))  # noqa: E712
    return {stage: (int(n), value, int(k)) for stage, n, value, k in session.exec(stmt).all()}


def _by_stage(session: Session, view: scope.Scope, groups: dict) -> list[StageValue]:
    stmt = (select(Funnel.name, FunnelStage.id, FunnelStage.name)
            .join(Funnel, Funnel.id == FunnelStage.funnel_id).where(FunnelStage.id.in_(list(groups) or [0]))
            .order_by(Funnel.position, Funnel.name, FunnelStage.position))
    out = []
    for funnel, stage_id, stage in session.exec(stmt).all():
        n, value, _stuck = groups[stage_id]
        out.append(StageValue(funnel, stage, Cell(n, make("open", None, view, "stage", str(stage_id)).url()),
                              app_settings.money(session, value or 0, compact=True), float(value or 0)))
    return out


def revoke_soon(session: Session, actor: Actor, *, now: datetime, team=None) -> Cell:
    """The leads in scope an enabled revoke policy takes back within a day. It runs the policy
    engine's own query over every open lead (a few hundred ms at 100,000 leads), so the
    dashboard asks for it apart, after its other numbers are on screen."""
    require_actor(actor)
    view = scope.resolve(session, actor, team)
    soon = revoke_soon_ids(session, now=now)
    count = _count(session, scope.lead_clause(session, view), Lead.id.in_(sorted(soon) or [0]))
    return Cell(count, make("revoke_soon", None, view).url())


def morning(session: Session, actor: Actor, *, now: datetime, team=None, with_revoke: bool = True) -> MorningView:
    """The morning view; ``with_revoke=False`` leaves "about to be revoked" at 0 for the caller
    to fill in from ``revoke_soon`` (see there)."""
    require_actor(actor)
    view = scope.resolve(session, actor, team)
    within = scope.lead_clause(session, view)
    groups = _open_by_stage(session, within, now)
    open_value = sum(value for _n, value, _stuck in groups.values() if value is not None)

    def cell(metric: str, n: int) -> Cell:
        return Cell(n, make(metric, None, view).url())
    return MorningView(
        view.label,
        overdue=cell("overdue", _count(session, scope.follow_up_clause(session, view), metrics.overdue(now),
                                       follow_ups=True)),
        unattended=cell("unattended", _count(session, within, metrics.unattended())),
        revoke_soon=revoke_soon(session, actor, now=now, team=team) if with_revoke else cell("revoke_soon", 0),
        stuck=cell("stuck", sum(k for _n, _v, k in groups.values())),
        open_leads=cell("open", sum(n for n, _v, _k in groups.values())),
        open_value=app_settings.money(session, open_value, compact=True),
        stuck_leads=_stuck_leads(session, view, now, within),
        by_stage=_by_stage(session, view, {k: v for k, v in groups.items() if k is not None}))


__all__ = ["morning", "MorningView", "revoke_soon", "StageValue", "StuckLead"]
