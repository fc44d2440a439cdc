"""Employees: the people who use the app, managed by administrators.

Two administrators may edit one employee at once: the edit dialog's save (``edit_employee``)
carries the values and version it showed and is merged or refused (``versions``)."""
from __future__ import annotations

import re
from datetime import datetime

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session, func, select

from hoffice_app.domain.auth import check_policy, generate_password, hash_password, revoke_all_sessions
from hoffice_app.domain.common import (
    ROLES,
    Actor,
    NotFound,
    Option,
    ValidationError,
    as_id,
    require_actor,
    require_admin,
    versions,
)
from hoffice_app.domain.masters import register_usage
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.org.away import clean_away
from hoffice_app.domain.org.views import EmployeeView
from hoffice_app.models import Employee, EmployeeDivision, MasterEntry

CODE_RE = re.compile(r"^[A-Z][A-Z0-9-]{0,19}$")
# The edit dialog's fields, as a refused or merged save names them.
FORM_LABELS = {"code": "code", "name": "name", "email": "e-mail", "mobile": "mobile", "role": "role",
               "reports_to_id": "reports to", "division_ids": "divisions", "away_from": "away from",
               "away_to": "away to"}


def _views(session: Session, employees: list[Employee]) -> list[EmployeeView]:
    names = {e.id: e.name for e in session.exec(select(Employee))}
    links = session.exec(select(EmployeeDivision, MasterEntry)
                         .join(MasterEntry, MasterEntry.id == EmployeeDivision.division_id)).all()
    divisions: dict[int, list[tuple[int, str]]] = {}
    for link, division in links:
        divisions.setdefault(link.employee_id, []).append((division.id, division.name))
    out = []
    for e in employees:
        divs = sorted(divisions.get(e.id, []), key=lambda d: d[1].lower())
        out.append(EmployeeView(id=e.id, code=e.code, name=e.name, email=e.email, mobile=e.mobile, role=e.role,
                                reports_to_id=e.reports_to_id or 0, reports_to_name=names.get(e.reports_to_id, ""),
                                division_ids=[d[0] for d in divs], division_names=", ".join(d[1] for d in divs),
                                active=e.active, version=e.version,
                                away_from=e.away_from.isoformat() if e.away_from else "",
                                away_to=e.away_to.isoformat() if e.away_to else ""))
    return out


def edit_values(view: EmployeeView) -> dict:
    """What the edit dialog shows of an employee, and the version it read: the dialog keeps
    them and sends them back with its save (``edit_employee``)."""
    return {"code": view.code, "name": view.name, "email": view.email, "mobile": view.mobile, "role": view.role,
            "reports_to_id": str(view.reports_to_id) if view.reports_to_id else "",
            "division_ids": [str(d) for d in view.division_ids], "away_from": view.away_from,
            "away_to": view.away_to, "version": view.version}


def list_employees(session: Session, actor: Actor, *, include_inactive: bool = True) -> list[EmployeeView]:
    """Everyone may see the directory (for assignment drop-downs); only admins see inactive ones."""
    require_actor(actor)
    stmt = select(Employee).order_by(Employee.code)
    if not (include_inactive and actor.is_admin):
        stmt = stmt.where(Employee.active == True)  # noqa: E712
    return _views(session, list(session.exec(stmt)))


def employee_options(session: Session, actor: Actor) -> list[Option]:
    """The active employees for a drop-down (assignee, owner, filter), in code order as the
    directory lists them: one narrow query, where ``list_employees`` also reads divisions and
    managers for the directory page (a board or list opens far more often than that page)."""
    require_actor(actor)
    rows = session.exec(select(Employee.id, Employee.name).where(Employee.active == True)  # noqa: E712
                        .order_by(Employee.code))
    return [Option(str(i), name) for i, name in rows]


def _get(session: Session, employee_id: int) -> Employee:
    employee = session.get(Employee, employee_id)
    if employee is None:
        raise NotFound("That employee no longer exists.")
    return employee


def get_employee(session: Session, actor: Actor, employee_id: int) -> EmployeeView:
    require_admin(actor)
    employee = _get(session, employee_id)
    return _views(session, [employee])[0]


def next_code(session: Session) -> str:
    """E01, E02, … after the highest existing E-number."""
    highest = 0
    for code in session.exec(select(Employee.code)):
        if re.fullmatch(r"E\d+", code):
            highest = max(highest, int(code[1:]))
    return f"E{highest + 1:02d}"


def _validate(session: Session, data: dict, exclude_id: int | None) -> dict:
    errors: dict[str, str] = {}
    clean: dict = {}
    code = (data.get("code") or "").strip().upper() or next_code(session)
    if not CODE_RE.match(code):
        errors["code"] = "Use capital letters and digits, starting with a letter (e.g. E06)."
    elif ((other := session.exec(select(Employee).where(func.upper(Employee.code) == code)).first())
          and other.id != exclude_id):
        errors["code"] = f"Code {code} already belongs to {other.name}."
    clean["code"] = code
    name = " ".join((data.get("name") or "").split())
    if not name:
        errors["name"] = "Enter the employee's name."
    elif len(name) > 120:
        errors["name"] = "Use at most 120 characters."
    clean["name"] = name
    try:
        email = validate_email((data.get("email") or "").strip(), check_deliverability=False).normalized.lower()
        other = session.exec(select(Employee).where(Employee.email == email)).first()
        if other and other.id != exclude_id:
            errors["email"] = f"{email} already belongs to {other.name}."
        clean["email"] = email
    except EmailNotValidError as err:
        errors["email"] = f"Enter a valid e-mail address ({err})."
    mobile = (data.get("mobile") or "").strip()
    if mobile and not re.fullmatch(r"\+?[0-9 ()-]{6,20}", mobile):
        errors["mobile"] = "Enter a phone number: digits, spaces, + ( ) - only."
    clean["mobile"] = mobile
    role = (data.get("role") or "").strip().lower()
    if role not in ROLES:
        errors["role"] = "Choose admin, manager or executive."
    clean["role"] = role
    raw_boss = data.get("reports_to_id") or None
    reports_to = as_id(raw_boss)
    if raw_boss:
        boss = session.get(Employee, reports_to) if reports_to else None
        if boss is None:
            errors["reports_to_id"] = "Choose an existing employee."
        elif exclude_id and _reports_up_to(session, boss, exclude_id):
            errors["reports_to_id"] = "That would make a reporting loop: choose someone outside this team."
    clean["reports_to_id"] = reports_to
    raw_divisions = list(data.get("division_ids") or [])
    division_ids = [d for d in (as_id(v) for v in raw_divisions) if d]
    found = session.exec(select(MasterEntry.id).where(MasterEntry.id.in_(division_ids),
                                                      MasterEntry.kind == "division")).all()
    if len(division_ids) != len(raw_divisions) or len(set(found)) != len(set(division_ids)):
        errors["division_ids"] = "Choose divisions from the list."
    clean["division_ids"] = sorted(set(division_ids))
    clean.update(clean_away(data, errors))
    if errors:
        raise ValidationError(errors)
    return clean


def _reports_up_to(session: Session, boss: Employee, employee_id: int) -> bool:
    """True when ``employee_id`` is ``boss`` or above them in the chain."""
    seen: set[int] = set()
    current: Employee | None = boss
    while current is not None and current.id not in seen:
        if current.id == employee_id:
            return True
        seen.add(current.id)
        current = session.get(Employee, current.reports_to_id) if current.reports_to_id else None
    return False


def _set_divisions(session: Session, employee_id: int, division_ids: list[int]) -> None:
    for link in session.exec(select(EmployeeDivision).where(EmployeeDivision.employee_id == employee_id)):
        session.delete(link)
    session.flush()
    for division_id in division_ids:
        session.add(EmployeeDivision(employee_id=employee_id, division_id=division_id))


def create_employee(session: Session, actor: Actor | None, data: dict, *, password: str | None, now: datetime,
                    bootstrap: bool = False) -> tuple[EmployeeView, str]:
    """Add an employee. Returns the view and the password (generated when none was given).

    ``bootstrap`` lets the command line create the first admin without an actor.
    """
    if not bootstrap:
        require_admin(actor)
    clean = _validate(session, data, None)
    if password:
        check_policy(password)
    password = password or generate_password()
    divisions = clean.pop("division_ids")
    employee = Employee(**clean, password_hash=hash_password(password), created_at=now, updated_at=now,
                        updated_by_id=actor.id if actor else None)
    session.add(employee)
    session.flush()
    _set_divisions(session, employee.id, divisions)
    session.flush()
    return _views(session, [employee])[0], password


def update_employee(session: Session, actor: Actor, employee_id: int, data: dict, *, now: datetime) -> EmployeeView:
    """Change an employee as ``data`` says (refused if another save of them lands first)."""
    require_admin(actor)
    employee = _get(session, employee_id)
    clean = _validate(session, data, employee.id)
    if employee.id == actor.id and clean["role"] != "admin":
        raise ValidationError({"role": "You cannot remove your own administrator role."})
    divisions = clean.pop("division_ids")
    with versions.guard("employee"):
        for key, value in clean.items():
            setattr(employee, key, value)
        employee.updated_at, employee.updated_by_id = now, actor.id
        session.add(employee)
        _set_divisions(session, employee.id, divisions)
        session.flush()
    return _views(session, [employee])[0]


def edit_employee(session: Session, actor: Actor, employee_id: int, data: dict, *, now: datetime,
                  read: dict | None, version: int | None) -> versions.Saved:
    """The edit dialog's save. ``read`` and ``version`` are what the dialog showed
    (``edit_values``): an employee saved meanwhile is merged field by field, or refused naming
    who, when and which fields (``versions.EditConflict``). Returns "code name" and whose
    changes were kept alongside."""
    require_admin(actor)
    employee = _get(session, employee_id)
    data, note = versions.reconcile(session, employee, what="employee", typed=data, read=read, version=version,
                                    current=lambda: edit_values(_views(session, [employee])[0]),
                                    labels=FORM_LABELS, tz=app_settings.zone(session))
    view = update_employee(session, actor, employee_id, data, now=now)
    return versions.Saved(f"{view.code} {view.name}", note)


def set_active(session: Session, actor: Actor, employee_id: int, active: bool, *, now: datetime) -> None:
    """Deactivating ends every open session of that employee at once."""
    require_admin(actor)
    employee = _get(session, employee_id)
    if employee.id == actor.id and not active:
        raise ValidationError({"active": "You cannot deactivate yourself."})
    employee.active = active
    employee.updated_at, employee.updated_by_id = now, actor.id
    session.add(employee)
    if not active:
        revoke_all_sessions(session, employee.id, now=now)
    versions.flush(session, "employee")


def reset_password(session: Session, actor: Actor | None, employee_id: int, password: str | None, *,
                   now: datetime, bootstrap: bool = False) -> str:
    """Set a new password (or generate one) and end the employee's sessions."""
    if not bootstrap:
        require_admin(actor)
    employee = _get(session, employee_id)
    password = password or generate_password()
    employee.password_hash = hash_password(password)
    employee.updated_at, employee.updated_by_id = now, actor.id if actor else None
    session.add(employee)
    revoke_all_sessions(session, employee.id, now=now)
    versions.flush(session, "employee")
    return password


def find_by_code(session: Session, code: str) -> Employee | None:
    return session.exec(select(Employee).where(func.upper(Employee.code) == code.strip().upper())).first()


@register_usage
def _division_users(session: Session, entry: MasterEntry) -> list[str]:
    if entry.kind != "division":
        return []
    n = session.exec(select(func.count()).select_from(EmployeeDivision)
                     .where(EmployeeDivision.division_id == entry.id)).one()
    return [f"{n} employee{'s' if n != 1 else ''}"] if n else []
