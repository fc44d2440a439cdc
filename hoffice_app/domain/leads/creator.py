"""Who may name a lead's creator ("Created by").

The creator decides who sees a lead (an executive sees what they created, a
manager what their team created) and who is credited with it, so naming
somebody else is a permission, not a form field like the others:

- an administrator may name any active employee;
- a manager may name themselves or someone of their team (everyone reporting
  to them, directly or not), on a lead whose creator is already in their team;
- an executive is the creator of what they create, and never changes it.

Sending the lead's current creator again is always accepted (saving the other
fields must not trip on an employee who has left or moved teams). The form reads
``creator_field`` to show the choice, or only the name where it cannot change;
the save enforces ``check_creator`` whatever the form showed.
"""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, Option, as_id
from hoffice_app.domain.leads.access import team_ids
from hoffice_app.domain.leads.views import CreatorField
from hoffice_app.models import Employee

FIXED = "Only a manager or an administrator can change who created a lead."
OUTSIDE_TEAM = "Choose yourself or someone in your team."
CREATED_OUTSIDE_TEAM = "This lead was created outside your team: only an administrator can change its creator."
NOT_AN_EMPLOYEE = "Choose the employee from the list."


def _choosable(session: Session, actor: Actor, current_id: int) -> set[int] | None:
    """The ids the actor may name on a lead created by ``current_id``: None for anyone,
    an empty set when the creator cannot change."""
    if actor.is_admin:
        return None
    if actor.role == "manager":
        team = team_ids(session, actor.id)
        return team if current_id in team else set()
    return set()


def check_creator(session: Session, actor: Actor, raw, current_id: int) -> tuple[int, str]:
    """(the creator to store, "") or (``current_id``, why ``raw`` is refused).

    ``current_id`` is the lead's creator, or the actor on a new lead; an empty ``raw`` keeps it."""
    wanted = as_id(raw)
    if raw in (None, "") or wanted == current_id:
        return current_id, ""
    allowed = _choosable(session, actor, current_id)
    if allowed == set():
        return current_id, CREATED_OUTSIDE_TEAM if actor.role == "manager" else FIXED
    if allowed is not None and wanted not in allowed:
        return current_id, OUTSIDE_TEAM
    employee = session.get(Employee, wanted or 0)
    if employee is None or not employee.active:
        return current_id, NOT_AN_EMPLOYEE
    return employee.id, ""


def creator_field(session: Session, actor: Actor, current_id: int) -> CreatorField:
    """What the form shows for "Created by" on a lead created by ``current_id`` (the actor on a new one)."""
    allowed = _choosable(session, actor, current_id)
    current = session.get(Employee, current_id)
    label = f"{current.name} · {current.code}" if current else ""
    if allowed == set():
        note = CREATED_OUTSIDE_TEAM if actor.role == "manager" else FIXED
        return CreatorField(editable=False, value=str(current_id), label=label, note=note)
    stmt = select(Employee).where(Employee.active == True).order_by(Employee.code)  # noqa: E712
    if allowed is not None:
        stmt = stmt.where(Employee.id.in_(allowed))
    options = [Option(str(e.id), f"{e.name} · {e.code}") for e in session.exec(stmt)]
    if current and all(o.value != str(current_id) for o in options):
        options.insert(0, Option(str(current_id), label))
    return CreatorField(editable=True, value=str(current_id), label=label, options=options)
