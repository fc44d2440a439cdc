"""Counts for the dashboard, straight from the database."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from hoffice_app.domain.common import Actor, require_actor
from hoffice_app.domain.contacts import count_visible
from hoffice_app.domain.followups import service as followups
from hoffice_app.domain.leads import access as lead_access
from hoffice_app.domain.masters import KINDS
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import AuthSession, Employee, Lead, MasterEntry


@dataclass
class DashboardCounts:
    employees_active: int
    employees_by_role: dict[str, int]
    master_entries_active: int
    master_lists: int
    divisions: int
    products: int
    sessions_active: int
    contacts: int = 0
    customers: int = 0
    prospects: int = 0
    open_leads: int = 0
    open_value: str = "0"
    my_overdue: int = 0
    my_today: int = 0
    leads_by_status: dict[str, int] = field(default_factory=dict)


def counts(session: Session, actor: Actor, *, now: datetime) -> DashboardCounts:
    require_actor(actor)
    by_role = dict(session.exec(select(Employee.role, func.count()).where(Employee.active == True)  # noqa: E712
                                .group_by(Employee.role)).all())
    by_kind = dict(session.exec(select(MasterEntry.kind, func.count()).where(MasterEntry.active == True)  # noqa: E712
                                .group_by(MasterEntry.kind)).all())
    since = now - timedelta(hours=app_settings.session_timeout_hours(session))
    sessions = session.exec(select(func.count()).select_from(AuthSession).where(
        AuthSession.revoked_at.is_(None), AuthSession.last_seen_at >= since)).one()
    visible = count_visible(session, actor)
    leads = _lead_counts(session, actor, now)
    return DashboardCounts(contacts=visible["contacts"], customers=visible["customers"],
                           prospects=visible["prospects"], **leads, employees_active=sum(by_role.values()),
                           employees_by_role=by_role,
                           master_entries_active=sum(by_kind.values()),
                           master_lists=sum(1 for k in KINDS if by_kind.get(k.key)),
                           divisions=by_kind.get("division", 0), products=by_kind.get("product", 0),
                           sessions_active=sessions)


def _lead_counts(session: Session, actor: Actor, now: datetime) -> dict:
    """Open leads the actor may see (count, value, per status) and their own due follow-ups."""
    clause = lead_access.visible_clause(session, actor)
    count, value = session.exec(select(func.count(), func.coalesce(func.sum(Lead.estimated_value), 0))
                                .where(clause, Lead.is_open == True)).one()  # noqa: E712
    by_status = session.exec(select(MasterEntry.name, func.count()).join(Lead, Lead.status_id == MasterEntry.id)
                             .where(clause, Lead.is_open == True).group_by(MasterEntry.name)).all()  # noqa: E712
    mine = followups.my_follow_ups(session, actor, now=now, limit=1000)
    return {"open_leads": count, "open_value": f"{value:,.0f}", "my_overdue": len(mine.overdue),
            "my_today": len(mine.today), "leads_by_status": dict(by_status)}
