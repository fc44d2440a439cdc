"""Nobody's saved change silently disappears: edits carry the version they were read at.

A form keeps the values and the version it showed. When it saves against a record
that was saved meanwhile (by a person, an import or a job), ``merge_edit`` compares
three sets of values — as read, as typed, as they are now:

* nobody else changed what this person changed → the other changes are kept and this
  person's changes are applied on top (a field-by-field merge; ``Merged`` says so);
* someone changed the same field → ``EditConflict`` names who, when and which fields,
  and nothing is written; the form then shows the current values.

The write itself is guarded too: every versioned model has SQLAlchemy's
``version_id_col`` (``models/versioned.py``), so two saves racing past the check
cannot both land; ``flush`` turns the loser's ``StaleDataError`` into ``EditConflict``.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterator
from zoneinfo import ZoneInfo

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from hoffice_app.models import Employee

from .errors import DomainError


class EditConflict(DomainError):
    """The record changed since the form read it, in a field this person changed too."""

    def __init__(self, message: str, fields: list[str] | None = None):
        super().__init__(message)
        self.fields = list(fields or [])


@dataclass(frozen=True)
class LastSave:
    """Who saved the record last and when (``at`` in the company's time zone)."""

    who: str
    at: datetime | None


@dataclass(frozen=True)
class Saved:
    """What a form's save did: the record's code, whose changes it merged with ("" if nobody's),
    and any warnings to show next to fields."""

    code: str
    note: str = ""
    warnings: dict = field(default_factory=dict)


def last_save(session: Session, row) -> LastSave:
    """Who saved ``row`` last (its ``updated_by_id``) and when (its ``updated_at``)."""
    who = session.get(Employee, row.updated_by_id) if getattr(row, "updated_by_id", None) else None
    return LastSave(who.name if who else "Someone", getattr(row, "updated_at", None))


def _norm(value):
    """A form value in a comparable shape: blank rows and blank values ignored, lists unordered."""
    if isinstance(value, dict):
        return tuple(sorted((k, n) for k, v in value.items() if (n := _norm(v))))
    if isinstance(value, (list, tuple)):
        return tuple(sorted((n for v in value if (n := _norm(v))), key=repr))
    if value is None or value is False:
        return ""
    return str(value).strip()


def _same(a, b) -> bool:
    return _norm(a) == _norm(b)


def _when(at: datetime | None, tz: ZoneInfo | None) -> str:
    if at is None:
        return "just now"
    local = at.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz) if tz else at
    return f"at {local:%H:%M} on {local:%d %b %Y}"


def _names(keys, labels: dict[str, str]) -> str:
    return ", ".join(labels.get(k, k.replace("_", " ")) for k in sorted(keys, key=lambda k: labels.get(k, k)))


def merge_edit(*, what: str, typed: dict, read: dict, current: dict, last: LastSave, labels: dict[str, str],
               tz: ZoneInfo | None = None) -> tuple[dict, list[str]]:
    """The values to save when the record changed after the form read it: ``current`` with
    this person's own changes on top, and the labels of the fields others changed.
    Raises ``EditConflict`` when both changed a field (to different values)."""
    keys = set(labels) & set(current) & set(read)  # the form's fields (not its version or read-only extras)
    theirs = {k for k in keys if not _same(current[k], read[k])}
    mine = {k for k in keys & set(typed) if not _same(typed[k], read[k])}
    clash = {k for k in theirs & mine if not _same(typed[k], current[k])}
    if clash:
        raise EditConflict(
            f"{last.who} changed this {what} {_when(last.at, tz)}, after you opened it "
            f"({_names(theirs, labels)}). Your change to {_names(clash, labels)} was not saved: the form now "
            "shows the current values; make your change again if it still applies.", sorted(theirs))
    merged = {**current, **{k: typed[k] for k in typed if k not in current}, **{k: typed[k] for k in mine}}
    return merged, [labels.get(k, k) for k in sorted(theirs)]


def merged_note(what: str, last: LastSave, fields: list[str]) -> str:
    """What a save that merged says: whose changes it kept."""
    return (f"{last.who} had changed this {what} meanwhile ({', '.join(fields)}); "
            "both changes are saved.") if fields else ""


def reconcile(session: Session, row, *, what: str, typed: dict, read: dict | None, version: int | None,
              current: Callable[[], dict], labels: dict[str, str], tz: ZoneInfo | None = None) -> tuple[dict, str]:
    """A dialog's save against ``row``: the values to write and what to tell (``merged_note``).
    Unchanged since the dialog read it (or no version sent: a script) → ``typed`` as it is;
    saved meanwhile → ``merge_edit`` against ``current()`` (the values as the dialog would show
    them now), which may refuse with ``EditConflict``."""
    if version is None or row.version == version:
        return typed, ""
    last = last_save(session, row)
    merged, fields = merge_edit(what=what, typed=typed, read=read or {}, current=current(), last=last,
                                labels=labels, tz=tz)
    return merged, merged_note(what, last, fields)


@contextmanager
def guard(what: str) -> Iterator[None]:
    """Around a save: if it lost a race to another save of the same record (the row's version
    moved between this save's read and its write, at any flush inside), refuse it."""
    try:
        yield
    except StaleDataError as err:
        raise EditConflict(f"Someone saved this {what} at the same moment; nothing of yours was written. "
                           "Open it again to see the current values.") from err


def flush(session: Session, what: str) -> None:
    """Write pending changes under ``guard``."""
    with guard(what):
        session.flush()
