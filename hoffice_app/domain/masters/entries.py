"""Master rules: add, rename, reorder, deactivate, delete when unused.

Names are unique within a list ignoring case and repeated spaces. A master in
use cannot be deleted; the refusal says where it is used, gathered from the
usage checks that each part of the product registers (``register_usage``).

The edit dialog's save (``edit_entry``) carries the values and version it showed: an
entry saved meanwhile is merged or refused (``versions``). Reorders and deactivations
move the version too (every write goes through the ORM) but touch no dialog field, so
they never cause a refusal.
"""
from __future__ import annotations

import importlib
from datetime import datetime
from typing import Callable

from sqlmodel import Session, delete, func, select

from hoffice_app.domain.common import (
    Actor,
    NotFound,
    Option,
    ValidationError,
    as_id,
    move_in_list,
    require_actor,
    require_admin,
    versions,
)
from hoffice_app.domain.masters.kinds import (
    BY_KEY,
    CHILD_OF,
    DEFAULT_SETTING_LABELS,
    MASTER_SETTINGS,
    TYPE_STATUS_PREFIX,
    type_status_key,
)
from hoffice_app.domain.masters.kinds import kind as get_kind
from hoffice_app.domain.masters.views import MasterEntryView
from hoffice_app.models import MasterEntry, Setting

MAX_NAME = 120
MAX_CODE = 20  # master_entry.code
UsageCheck = Callable[[Session, MasterEntry], list[str]]
_usage_checks: list[UsageCheck] = []


def register_usage(check: UsageCheck) -> UsageCheck:
    """Register a function telling where a master entry is used ("3 employees")."""
    _usage_checks.append(check)
    return check


def clean_name(name: str) -> str:
    return " ".join((name or "").split())


def name_key(name: str) -> str:
    return clean_name(name).casefold()


def _view(entry: MasterEntry, parent_names: dict[int, str]) -> MasterEntryView:
    return MasterEntryView(id=entry.id, kind=entry.kind, name=entry.name, code=entry.code or "",
                           parent_id=entry.parent_id or 0, parent_name=parent_names.get(entry.parent_id or 0, ""),
                           position=entry.position, active=entry.active, body=entry.body or "",
                           version=entry.version)


def edit_values(view: MasterEntryView) -> dict:
    """What the edit dialog shows of an entry, and the version it read: the dialog keeps them
    and sends them back with its save (``edit_entry``)."""
    return {"name": view.name, "code": view.code, "body": view.body,
            "parent_id": str(view.parent_id) if view.parent_id else "", "version": view.version}


def _labels(meta) -> dict[str, str]:
    """The dialog's fields for this list, as a refused or merged save names them."""
    return {"name": "name", **({"code": "code"} if meta.has_code else {}),
            **({"parent_id": BY_KEY[meta.parent].singular} if meta.parent else {}),
            **({"body": "template text"} if meta.has_body else {})}


def _parent_names(session: Session, kind_key: str) -> dict[int, str]:
    parent = BY_KEY[kind_key].parent
    if not parent:
        return {}
    return {e.id: e.name for e in session.exec(select(MasterEntry).where(MasterEntry.kind == parent))}


def list_entries(session: Session, actor: Actor, kind_key: str) -> list[MasterEntryView]:
    """Every entry of a list, inactive ones included (the admin screen)."""
    require_admin(actor)
    get_kind(kind_key)
    rows = session.exec(select(MasterEntry).where(MasterEntry.kind == kind_key)
                        .order_by(MasterEntry.parent_id, MasterEntry.position, MasterEntry.id)).all()
    parents = _parent_names(session, kind_key)
    views = [_view(r, parents) for r in rows]
    if kind_key == "lead_type":  # the screen shows and sets each type's default status (type_statuses.py)
        defaults = {s.key: s.value for s in session.exec(select(Setting).where(
            Setting.key.startswith(TYPE_STATUS_PREFIX)))}
        for view in views:
            view.default_status_id = defaults.get(type_status_key(view.id), "")
    return views


def options(session: Session, actor: Actor, kind_key: str, parent_id: int | None = None) -> list[Option]:
    """Active entries for a drop-down, in their order; children filtered by parent."""
    require_actor(actor)
    get_kind(kind_key)
    stmt = select(MasterEntry).where(MasterEntry.kind == kind_key, MasterEntry.active == True)  # noqa: E712
    if parent_id is not None:
        stmt = stmt.where(MasterEntry.parent_id == parent_id)
    rows = session.exec(stmt.order_by(MasterEntry.parent_id, MasterEntry.position, MasterEntry.id)).all()
    return [Option(value=str(r.id), label=r.name) for r in rows]


def _get(session: Session, entry_id: int) -> MasterEntry:
    entry = session.get(MasterEntry, entry_id)
    if entry is None:
        raise NotFound("That entry no longer exists.")
    return entry


def _validate(session: Session, kind_key: str, name: str, code: str | None, parent_id: int | None,
              exclude_id: int | None = None) -> tuple[str, str | None]:
    meta = get_kind(kind_key)
    errors: dict[str, str] = {}
    name = clean_name(name)
    if not name:
        errors["name"] = "Enter a name."
    elif len(name) > MAX_NAME:
        errors["name"] = f"Use at most {MAX_NAME} characters."
    else:
        clash = session.exec(select(MasterEntry).where(MasterEntry.kind == kind_key,
                                                       MasterEntry.name_key == name_key(name))).first()
        if clash and clash.id != exclude_id:
            errors["name"] = f"“{clash.name}” already exists in {meta.label}."
    code = (clean_name(code or "") or None) if meta.has_code else None
    if meta.has_code:
        if not code:
            if meta.code_required:
                errors["code"] = "Enter a code."
        elif len(code) > MAX_CODE:
            errors["code"] = f"Use at most {MAX_CODE} characters."
        else:
            same = session.exec(select(MasterEntry).where(MasterEntry.kind == kind_key,
                                                          func.lower(MasterEntry.code) == code.lower())).first()
            if same and same.id != exclude_id:
                errors["code"] = f"Code {code} is already used by “{same.name}”."
    if meta.parent:
        parent = session.get(MasterEntry, parent_id) if parent_id else None
        if parent is None or parent.kind != meta.parent:
            errors["parent_id"] = f"Choose the {BY_KEY[meta.parent].singular}."
    if errors:
        raise ValidationError(errors)
    return name, code


def create_entry(session: Session, actor: Actor, kind_key: str, name: str, *, code: str | None = None,
                 parent_id: int | None = None, body: str | None = None) -> MasterEntryView:
    require_admin(actor)
    name, code = _validate(session, kind_key, name, code, parent_id)
    meta = get_kind(kind_key)
    last = session.exec(select(func.max(MasterEntry.position)).where(MasterEntry.kind == kind_key)).one()
    entry = MasterEntry(kind=kind_key, name=name, name_key=name_key(name), code=code,
                        parent_id=parent_id if meta.parent else None, position=(last or 0) + 1,
                        body=(body or None) if meta.has_body else None)
    session.add(entry)
    session.flush()
    return _view(entry, _parent_names(session, kind_key))


def update_entry(session: Session, actor: Actor, entry_id: int, name: str, *, code: str | None = None,
                 parent_id: int | None = None, body: str | None = None, now: datetime) -> MasterEntryView:
    """Rename (and for some lists change code, parent or text); refused if another save of the
    entry lands first."""
    require_admin(actor)
    entry = _get(session, entry_id)
    meta = get_kind(entry.kind)
    name, code = _validate(session, entry.kind, name, code, parent_id if meta.parent else None, exclude_id=entry.id)
    entry.name, entry.name_key, entry.code = name, name_key(name), code
    if meta.parent:
        entry.parent_id = parent_id
    if meta.has_body:
        entry.body = body or None
    entry.updated_at, entry.updated_by_id = now, actor.id
    session.add(entry)
    versions.flush(session, meta.singular)
    return _view(entry, _parent_names(session, entry.kind))


def edit_entry(session: Session, actor: Actor, entry_id: int, data: dict, *, now: datetime, read: dict | None,
               version: int | None) -> versions.Saved:
    """The edit dialog's save (``data``: name, code, parent_id, body). ``read`` and ``version``
    are what the dialog showed (``edit_values``): an entry saved meanwhile is merged field by
    field, or refused naming who, when and which fields. Returns its name and whose changes
    were kept alongside."""
    from hoffice_app.domain.masters.settings import zone  # settings imports this module: no import at the top

    require_admin(actor)
    entry = _get(session, entry_id)
    meta = get_kind(entry.kind)
    data, note = versions.reconcile(session, entry, what=meta.singular, typed=data, read=read, version=version,
                                    current=lambda: edit_values(_view(entry, _parent_names(session, entry.kind))),
                                    labels=_labels(meta), tz=zone(session))
    saved = update_entry(session, actor, entry.id, data.get("name", ""), code=data.get("code"), body=data.get("body"),
                         parent_id=as_id(data.get("parent_id")), now=now)
    return versions.Saved(saved.name, note)


def move_entry(session: Session, actor: Actor, entry_id: int, direction: int) -> None:
    """Swap with the neighbour above (-1) or below (+1) within the same list and parent."""
    require_admin(actor)
    entry = _get(session, entry_id)
    same_parent = (MasterEntry.parent_id.is_(None) if entry.parent_id is None
                   else MasterEntry.parent_id == entry.parent_id)
    siblings = list(session.exec(select(MasterEntry).where(MasterEntry.kind == entry.kind, same_parent)
                                 .order_by(MasterEntry.position, MasterEntry.id)))
    with versions.guard(get_kind(entry.kind).singular):  # positions are not a dialog field: nobody's edit is refused
        move_in_list(session, siblings, entry, direction)


def set_active(session: Session, actor: Actor, entry_id: int, active: bool, *, now: datetime) -> None:
    """Deactivated entries stay on old records but leave the drop-downs. The
    current default (title, address type, a lead type's status) cannot be
    deactivated: new records would start from a value nobody can pick."""
    require_admin(actor)
    entry = _get(session, entry_id)
    if not active:
        default = session.exec(select(Setting).where(Setting.key.in_(list(MASTER_SETTINGS)),
                                                     Setting.value == str(entry.id))).first()
        if default:
            raise ValidationError({"active": f"“{entry.name}” is the {DEFAULT_SETTING_LABELS[default.key]}. "
                                             "Choose another default in Company defaults first."})
        type_default = entry.kind == "lead_status" and session.exec(select(Setting).where(
            Setting.key.startswith(TYPE_STATUS_PREFIX), Setting.value == str(entry.id))).first()
        if type_default:
            raise ValidationError({"active": f"“{entry.name}” is a lead type's default status. "
                                             "Choose another default in Lead types first."})
    entry.active = active
    entry.updated_at, entry.updated_by_id = now, actor.id
    session.add(entry)
    versions.flush(session, get_kind(entry.kind).singular)


# Modules that register usage checks; imported on first use so every check is
# present whichever module the caller happened to import.
USAGE_MODULES = ("hoffice_app.domain.masters.settings", "hoffice_app.domain.org.employees",
                 "hoffice_app.domain.contacts.save",
                 "hoffice_app.domain.leads.save", "hoffice_app.domain.masters.type_statuses",
                 "hoffice_app.domain.documents.catalog", "hoffice_app.domain.funnel.defaults")


def usages(session: Session, entry: MasterEntry) -> list[str]:
    for module in USAGE_MODULES:
        importlib.import_module(module)
    found: list[str] = []
    for check in _usage_checks:
        found.extend(check(session, entry))
    return found


def delete_entry(session: Session, actor: Actor, entry_id: int) -> None:
    require_admin(actor)
    entry = _get(session, entry_id)
    used = usages(session, entry)
    if used:
        raise ValidationError({"delete": f"“{entry.name}” is in use ({'; '.join(used)}). "
                                         "Deactivate it instead to hide it from new records."})
    if entry.kind == "lead_type":  # its default status goes with it (an id may be handed out again)
        session.exec(delete(Setting).where(Setting.key == type_status_key(entry.id)))
    session.delete(entry)
    versions.flush(session, get_kind(entry.kind).singular)


@register_usage
def _children(session: Session, entry: MasterEntry) -> list[str]:
    child = CHILD_OF.get(entry.kind)
    if not child:
        return []
    n = session.exec(select(func.count()).select_from(MasterEntry).where(MasterEntry.parent_id == entry.id)).one()
    return [f"{n} {BY_KEY[child].label.lower()}"] if n else []


def template_bodies(session: Session, actor: Actor) -> dict[str, str]:
    """Knowledge-template texts by id, for filling a lead's description."""
    require_actor(actor)
    rows = session.exec(select(MasterEntry).where(MasterEntry.kind == "knowledge_template",
                                                  MasterEntry.active == True)).all()  # noqa: E712
    return {str(r.id): r.body or "" for r in rows}


def entry_id_by_name(session: Session, kind_key: str, name: str) -> int | None:
    entry = session.exec(select(MasterEntry).where(MasterEntry.kind == kind_key,
                                                   MasterEntry.name_key == name_key(name))).first()
    return entry.id if entry else None
