"""The organisation at a glance, for administrators: who uses the app (active employees by
role, sessions signed in now) and how big the master lists are (divisions, products, every
active entry). These are setup numbers, not sales work, so they sit on the Settings landing
page rather than on the dashboard, and nobody but an administrator may read them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from hoffice_app.domain.common import ROLES, Actor, require_admin
from hoffice_app.domain.masters import KINDS
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import AuthSession, Employee, MasterEntry


@dataclass
class OrgOverview:
    employees_active: int
    employees_by_role: dict[str, int] = field(default_factory=dict)  # every role, 0 where nobody holds it
    sessions_active: int = 0  # not revoked, seen within the session timeout
    divisions: int = 0
    products: int = 0
    master_entries_active: int = 0
    master_lists: int = 0  # lists with at least one active entry


def overview(session: Session, actor: Actor, *, now: datetime) -> OrgOverview:
    """The counts of the Settings overview; PermissionDenied for anyone but an administrator."""
    require_admin(actor)
    by_role = dict(session.exec(select(Employee.role, func.count()).where(Employee.active == True)  # noqa: E712
                                .group_by(Employee.role)).all())
    by_kind = dict(session.exec(select(MasterEntry.kind, func.count()).where(MasterEntry.active == True)  # noqa: E712
                                .group_by(MasterEntry.kind)).all())
    since = now - timedelta(hours=app_settings.session_timeout_hours(session))
    sessions = session.exec(select(func.count()).select_from(AuthSession).where(
        AuthSession.revoked_at.is_(None), AuthSession.last_seen_at >= since)).one()
    return OrgOverview(employees_active=sum(by_role.values()),
                       employees_by_role={role: by_role.get(role, 0) for role in ROLES},
                       sessions_active=int(sessions), divisions=by_kind.get("division", 0),
                       products=by_kind.get("product", 0), master_entries_active=sum(by_kind.values()),
                       master_lists=sum(1 for k in KINDS if by_kind.get(k.key)))
