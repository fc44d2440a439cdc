"""Saved list views: a named set of a list's filters, private to the employee who saved
it. Names are unique per employee ignoring case; another employee's view is NotFound (the
same answer as a missing one). One ``SavedViews`` per list (leads, contacts), each over a
table of its own with the same columns. Nothing here commits."""
from __future__ import annotations

import json
from typing import Callable

from sqlmodel import Session, select

from hoffice_app.domain.common.dto import Actor, Option
from hoffice_app.domain.common.errors import NotFound, ValidationError
from hoffice_app.domain.common.parsing import as_id
from hoffice_app.domain.common.permissions import require_actor

MAX_NAME, MAX_VALUE, MAX_VIEWS = 80, 200, 200
NOT_FOUND = "That view no longer exists."


class SavedViews:
    """``model``: the list's table (id, employee_id, name, filters as JSON); ``keys``: the
    filters a view may hold; ``cleaners``: key -> how its value is kept (default: trimmed
    text of at most MAX_VALUE characters)."""

    def __init__(self, model, keys: tuple[str, ...], cleaners: dict[str, Callable[[object], str]] | None = None):
        self.model, self.keys, self.cleaners = model, keys, cleaners or {}

    def clean(self, filters: dict | None) -> dict[str, str]:
        """Only the list's own keys, as short strings; empty values dropped."""
        out = {}
        for key in self.keys:
            value = (filters or {}).get(key)
            if value is None or isinstance(value, (dict, list, tuple, set)):
                continue
            clean = self.cleaners.get(key)
            value = clean(value) if clean else str(value).strip()[:MAX_VALUE]
            if value:
                out[key] = value
        return out

    def _mine(self, actor: Actor):
        return select(self.model).where(self.model.employee_id == actor.id)

    def save(self, session: Session, actor: Actor, name: str, filters: dict) -> int:
        """Save the filters under ``name`` for the actor; returns the new view's id."""
        require_actor(actor)
        name = " ".join(str(name or "").split())
        if not name:
            raise ValidationError({"name": "Name the view."})
        if len(name) > MAX_NAME:
            raise ValidationError({"name": f"Use at most {MAX_NAME} characters."})
        mine = session.exec(self._mine(actor)).all()
        if any(v.name.casefold() == name.casefold() for v in mine):
            raise ValidationError({"name": f"You already have a view named “{name}”."})
        if len(mine) >= MAX_VIEWS:
            raise ValidationError({"name": f"You can keep at most {MAX_VIEWS} views; delete one first."})
        row = self.model(employee_id=actor.id, name=name, filters=json.dumps(self.clean(filters), sort_keys=True))
        session.add(row)
        session.flush()
        return row.id

    def list(self, session: Session, actor: Actor) -> list[Option]:
        """The actor's views, A→Z."""
        require_actor(actor)
        rows = session.exec(self._mine(actor)).all()
        return [Option(value=str(v.id), label=v.name) for v in sorted(rows, key=lambda v: (v.name.casefold(), v.id))]

    def _get(self, session: Session, actor: Actor, view_id):
        require_actor(actor)
        row = session.exec(self._mine(actor).where(self.model.id == (as_id(view_id) or 0))).first()
        if row is None:
            raise NotFound(NOT_FOUND)
        return row

    def get(self, session: Session, actor: Actor, view_id) -> dict:
        """The saved filters (the list's keys, string values)."""
        row = self._get(session, actor, view_id)
        try:
            data = json.loads(row.filters)
        except ValueError:
            data = {}
        return self.clean(data if isinstance(data, dict) else {})

    def delete(self, session: Session, actor: Actor, view_id) -> None:
        session.delete(self._get(session, actor, view_id))
        session.flush()
