"""Who may see a lead.

Admins: every lead. Managers: leads assigned to or created by anyone in their
team (everyone reporting to them, directly or not), their own, and those they
follow. Executives: leads assigned to them, created by them or followed by
them. Lists, counts, detail by URL and attachment downloads all use this.
"""
from __future__ import annotations

from sqlalchemy import exists, or_, true
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, require_actor
from hoffice_app.models import Employee, Lead, LeadFollower

NOT_FOUND = "No such lead, or it is not shared with you."


def team_ids(session: Session, manager_id: int) -> set[int]:
    """The manager and everyone below them in the reporting tree."""
    rows = session.exec(select(Employee.id, Employee.reports_to_id)).all()
    children: dict[int, list[int]] = {}
    for emp_id, boss in rows:
        if boss:
            children.setdefault(boss, []).append(emp_id)
    team, todo = {manager_id}, [manager_id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in team:
                team.add(child)
                todo.append(child)
    return team


def following_clause(actor: Actor, *, scanning: bool = False):
    """A probe per lead (for queries that read a few leads in index order), or
    one list of the followed leads built up front (``scanning``: for queries
    that test every lead, such as the board's totals)."""
    if scanning:
        return Lead.id.in_(select(LeadFollower.lead_id).where(LeadFollower.employee_id == actor.id))
    return exists().where(LeadFollower.lead_id == Lead.id, LeadFollower.employee_id == actor.id)


def visible_clause(session: Session, actor: Actor, *, scanning: bool = False):
    """A WHERE clause on Lead limiting rows to what ``actor`` may see (see following_clause for ``scanning``)."""
    require_actor(actor)
    if actor.is_admin:
        return true()
    people = team_ids(session, actor.id) if actor.role == "manager" else {actor.id}
    return or_(Lead.assigned_to_id.in_(people), Lead.created_by_id.in_(people),
               following_clause(actor, scanning=scanning))


def get_visible(session: Session, actor: Actor, *, lead_id: int | None = None, code: str | None = None) -> Lead:
    """The lead, or NotFound with one message whether it is missing or hidden."""
    stmt = select(Lead).where(visible_clause(session, actor))
    if lead_id is not None:
        stmt = stmt.where(Lead.id == lead_id)
    elif code:
        stmt = stmt.where(Lead.code == code.strip().upper())
    else:
        raise NotFound(NOT_FOUND)
    lead = session.exec(stmt).first()
    if lead is None:
        raise NotFound(NOT_FOUND)
    return lead


def can_see(session: Session, actor: Actor, lead_id: int) -> bool:
    return session.exec(select(Lead.id).where(Lead.id == lead_id, visible_clause(session, actor))).first() is not None
