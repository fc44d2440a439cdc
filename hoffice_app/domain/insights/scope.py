"""Whose numbers an insights page shows: an executive their own, a manager their team
(everyone reporting to them, directly or not), an admin everyone or one manager's team.

A lead belongs to the scope when it is assigned to someone in it (or, unassigned, was created
by someone in it); a follow-up when its assignee is in it. Both are also limited by what the
viewer may see (leads.visible_clause), so a number never counts a lead its drill-down would
not list.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, true
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, Option, as_id, no_index, require_actor
from hoffice_app.domain.leads import team_ids, visible_clause
from hoffice_app.models import Employee, FollowUp, Lead


@dataclass(frozen=True)
class Scope:
    actor: Actor
    people: frozenset[int] | None  # None: everyone (an admin without a team filter)
    team_id: int | None  # the manager whose team is shown, when one was chosen
    label: str  # "Everyone", "My team", "Ravi Shah's team", "Me"


def resolve(session: Session, actor: Actor, team: str | int | None = None) -> Scope:
    """The scope ``actor`` may look at; ``team`` (a manager's id) narrows it to that manager's
    team, and is ignored when it is not someone the actor may look at."""
    require_actor(actor)
    wanted = as_id(team)
    if actor.is_admin or actor.role == "manager":
        allowed = None if actor.is_admin else frozenset(team_ids(session, actor.id))
        boss = session.get(Employee, wanted) if wanted else None
        if boss is not None and boss.id != actor.id and (allowed is None or boss.id in allowed):
            return Scope(actor, frozenset(team_ids(session, boss.id)), boss.id, f"{boss.name}'s team")
        return Scope(actor, allowed, None, "Everyone" if allowed is None else "My team")
    return Scope(actor, frozenset({actor.id}), None, "Me")


def team_options(session: Session, actor: Actor) -> list[Option]:
    """The teams the actor may narrow to: every manager's (admins), the managers below them
    (managers); nothing for executives."""
    scope = resolve(session, actor)
    if not (actor.is_admin or actor.role == "manager"):
        return []
    stmt = select(Employee.id, Employee.name).where(Employee.role == "manager", Employee.active == True)  # noqa: E712
    if scope.people is not None:
        stmt = stmt.where(Employee.id.in_(scope.people - {actor.id}))
    return [Option(str(i), f"{name}'s team") for i, name in session.exec(stmt.order_by(Employee.name)).all()]


def people(session: Session, scope: Scope) -> dict[int, str]:
    """Everyone in the scope (active, or with numbers to show: callers add those), id → name."""
    stmt = select(Employee.id, Employee.name).where(Employee.active == True)  # noqa: E712
    if scope.people is not None:
        stmt = stmt.where(Employee.id.in_(scope.people))
    return dict(session.exec(stmt.order_by(Employee.name)).all())


def names(session: Session, ids) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(session.exec(select(Employee.id, Employee.name).where(Employee.id.in_(ids))).all())


def broad(session: Session, clause):
    """A clause that holds for most leads, so no way in (``no_index``). A scope is such a
    clause: a manager's team holds most leads, often all, yet without statistics (the app never
    runs ANALYZE) SQLite takes its ``IN`` lists for a handful of rows and reads every lead of
    the team through the assignee and creator indexes to keep the few of one month. Tested
    instead, the query starts from the period's, the stage's or the open leads' index
    (benchmarks/insights.py)."""
    return clause if clause is true() else no_index(session, clause)


def lead_clause(session: Session, scope: Scope):
    """Leads in the scope that the viewer may see."""
    seen = visible_clause(session, scope.actor, scanning=True)
    if scope.people is None:
        return broad(session, seen)
    mine = or_(Lead.assigned_to_id.in_(scope.people),
               and_(Lead.assigned_to_id.is_(None), Lead.created_by_id.in_(scope.people)))
    return broad(session, and_(seen, mine) if seen is not true() else mine)


def follow_up_clause(session: Session, scope: Scope):
    """Follow-ups assigned to someone in the scope, on leads the viewer may see (join Lead)."""
    seen = visible_clause(session, scope.actor, scanning=True)
    if scope.people is None:
        return broad(session, seen)
    return broad(session, and_(seen, FollowUp.assignee_id.in_(scope.people)))
