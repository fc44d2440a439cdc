"""Counts for the dashboard, straight from the database."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from hoffice_app.domain import settings as app_settings
from hoffice_app.domain.contacts import count_visible
from hoffice_app.domain.master_kinds import KINDS
from hoffice_app.domain.permissions import require_actor
from hoffice_app.domain.views import Actor, DashboardCounts
from hoffice_app.models import AuthSession, Employee, MasterEntry


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
    return DashboardCounts(contacts=visible["contacts"], customers=visible["customers"],
                           prospects=visible["prospects"],employees_active=sum(by_role.values()), employees_by_role=by_role,
                           master_entries_active=sum(by_kind.values()),
                           master_lists=sum(1 for k in KINDS if by_kind.get(k.key)),
                           divisions=by_kind.get("division", 0), products=by_kind.get("product", 0),
                           sessions_active=sessions)
