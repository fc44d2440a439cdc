"""Saved lead views: a named set of list filters, private to the employee who
saved it. Names are unique per employee ignoring case; another employee's
view is NotFound (the same answer as a missing one). Nothing here commits."""
from __future__ import annotations

import json
from dataclasses import fields

from sqlmodel import Session, select

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import Actor, NotFound, Option, ValidationError, as_id, require_actor
from hoffice_app.domain.leads.views import LeadQuery
from hoffice_app.models import SavedLeadView

KEYS = tuple(f.name for f in fields(LeadQuery) if f.name not in ("page", "per_page"))
MAX_NAME, MAX_VALUE, MAX_VIEWS = 80, 200, 200
NOT_FOUND = "That view no longer exists."


def _clean_filters(filters: dict | None) -> dict[str, str]:
    """Only the list's own keys, as short strings; empty values dropped."""
    out = {}
    for key in KEYS:
        value = (filters or {}).get(key)
        if value is None or isinstance(value, (dict, list, tuple, set)):
            continue
        value = _custom(value) if key == "custom" else str(value).strip()[:MAX_VALUE]
        if value:
            out[key] = value
    return out


def _custom(value) -> str:
    """Custom field filters, kept whole (never cut mid-way like a long text): at most ten, each
    value at most 500 characters (decode_filters)."""
    return cf.encode_filters(cf.decode_filters(value))


def _mine(session: Session, actor: Actor):
    return select(SavedLeadView).where(SavedLeadView.employee_id == actor.id)


def save_view(session: Session, actor: Actor, name: str, filters: dict) -> int:
    """Save the filters under ``name`` for the actor; returns the new view's id."""
    require_actor(actor)
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError({"name": "Name the view."})
    if len(name) > MAX_NAME:
        raise ValidationError({"name": f"Use at most {MAX_NAME} characters."})
    mine = session.exec(_mine(session, actor)).all()
    if any(v.name.casefold() == name.casefold() for v in mine):
        raise ValidationError({"name": f"You already have a view named “{name}”."})
    if len(mine) >= MAX_VIEWS:
        raise ValidationError({"name": f"You can keep at most {MAX_VIEWS} views; delete one first."})
    row = SavedLeadView(employee_id=actor.id, name=name, filters=json.dumps(_clean_filters(filters), sort_keys=True))
    session.add(row)
    session.flush()
    return row.id


def list_views(session: Session, actor: Actor) -> list[Option]:
    """The actor's views, A→Z."""
    require_actor(actor)
    rows = session.exec(_mine(session, actor)).all()
    return [Option(value=str(v.id), label=v.name) for v in sorted(rows, key=lambda v: (v.name.casefold(), v.id))]


def _get(session: Session, actor: Actor, view_id) -> SavedLeadView:
    require_actor(actor)
    row = session.exec(_mine(session, actor).where(SavedLeadView.id == (as_id(view_id) or 0))).first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


def get_view(session: Session, actor: Actor, view_id) -> dict:
    """The saved filters (keys of LeadQuery, string values)."""
    row = _get(session, actor, view_id)
    try:
        data = json.loads(row.filters)
    except ValueError:
        data = {}
    return _clean_filters(data if isinstance(data, dict) else {})


def delete_view(session: Session, actor: Actor, view_id) -> None:
    session.delete(_get(session, actor, view_id))
    session.flush()
