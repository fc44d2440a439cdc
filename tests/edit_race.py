"""Two administrators edit one record from two open dialogs: what every admin screen's
version test shares (employees, master entries, funnels and stages, company defaults).

Asha (E01) and Ravi (E02, made an administrator here) open the same dialog; Ravi saves
first, then Asha saves what she typed against the values and version she read. The
tests then check that nobody's saved change silently disappeared.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

import pytest
from sqlmodel import Session

from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.common import Actor, versions
from hoffice_app.domain.org import find_by_code

# At the conftest's `now` (09:30 UTC), as the demo company (Asia/Kolkata) reads it.
FIRST_SAVE_AT = "at 15:00 on 02 Mar 2026"


@dataclass
class Dialog:
    """One screen's edit dialog as a test drives it: ``open`` returns what it shows (and
    the version it read, under "version"); ``save(session, who, typed, read, now)`` is
    the dialog's save."""

    open: Callable[[Session, Actor], dict]
    save: Callable[[Session, Actor, dict, dict, object], versions.Saved]


@pytest.fixture
def ravi_admin(demo, session) -> Actor:
    """Ravi Shah (E02), promoted to administrator so that two admins can race."""
    ravi = find_by_code(session, "E02")
    ravi.role = "admin"
    session.add(ravi)
    session.commit()
    return actor_of(ravi)


def race(session: Session, dialog: Dialog, asha: Actor, ravi: Actor, now, *, ravi_types: dict,
         asha_types: dict) -> versions.Saved | versions.EditConflict:
    """Both open the dialog; Ravi saves his change; then Asha saves hers (five minutes
    later). Returns Asha's outcome: what her save did, or the refusal."""
    ravi_read, asha_read = dialog.open(session, ravi), dialog.open(session, asha)
    dialog.save(session, ravi, _typed(ravi_read) | ravi_types, ravi_read, now)
    session.commit()
    try:
        saved = dialog.save(session, asha, _typed(asha_read) | asha_types, asha_read, now + timedelta(minutes=5))
    except versions.EditConflict as err:
        session.rollback()
        return err
    session.commit()
    return saved


def _typed(read: dict) -> dict:
    """What the dialog sends when nobody touches a field: what it showed (without its version)."""
    return {k: (list(v) if isinstance(v, list) else v) for k, v in read.items() if k != "version"}


def refused(outcome, what: str, fields: str) -> str:
    """The refusal's message, checked to name Ravi, the time of his save and the fields he changed."""
    assert isinstance(outcome, versions.EditConflict), outcome
    assert outcome.message.startswith(f"Ravi Shah changed this {what} {FIRST_SAVE_AT}, after you opened it "
                                      f"({fields}). Your change to "), outcome.message
    return outcome.message
