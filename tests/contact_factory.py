"""Small helpers for the Contact Center tests: master ids by name, a minimal valid
contact, saving one through the real domain function, and a faster database.

Speed: tests/conftest.py migrates and seeds a fresh database for every test
(about 0.13 s on SQLite, mostly Alembic and fsyncs). A test module that does
``from tests.contact_factory import demo, engine  # noqa: F401`` overrides those
two fixtures with a copy of one database migrated and seeded the same way once per
run (a file copy; on PostgreSQL ``CREATE DATABASE … TEMPLATE``, tests/databases.py);
``session``, ``now``, ``admin``, ``manager`` and ``executive`` stay the conftest ones.
"""
from __future__ import annotations

from datetime import datetime, timezone
from unittest import mock

import pytest
from sqlalchemy import delete, text
from sqlmodel import Session, select

from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.domain.org import employees, find_by_code
from hoffice_app.domain.seed import seed_demo
from hoffice_app.migrations import upgrade
from hoffice_app.models import EmployeeDivision, MasterEntry
from tests import databases
from tests.factories import cached_hash

DEMO_PASSWORD = "demo-pass-1"  # as tests/conftest.py
SEEDED_AT = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)  # conftest's ``now``


def seed_demo_database(eng) -> None:
    """Bring the database to head and give it the demo seed."""
    upgrade()
    with Session(eng) as s, mock.patch.object(employees, "hash_password", cached_hash):
        seed_demo(s, password=DEMO_PASSWORD, now=SEEDED_AT)
        s.commit()
        if eng.dialect.name == "sqlite":
            s.exec(text("PRAGMA wal_checkpoint(TRUNCATE)"))  # the one file holds everything


SEEDED = databases.Template("seeded", seed_demo_database)


@pytest.fixture
def engine(tmp_path):
    """Replaces conftest's ``engine``: a private copy of the migrated, seeded template."""
    with databases.app_engine(tmp_path, SEEDED) as eng:
        yield eng


@pytest.fixture
def demo(engine):
    """Replaces conftest's ``demo``: the copied template already holds the demo seed."""


def master_id(session, kind: str, name: str) -> int:
    """The id of the seeded master entry ``name`` of list ``kind`` (e.g. "industry", "Finance")."""
    entry = session.exec(select(MasterEntry).where(MasterEntry.kind == kind, MasterEntry.name == name)).one()
    return entry.id


def employee_id(session, code: str) -> int:
    return find_by_code(session, code).id


def actor(session, code: str):
    """The Actor of a demo employee (E01 admin, E02 manager, E03..E05 executives)."""
    return actor_of(find_by_code(session, code))


def contact_data(session, name: str = "Horus Tech", **fields) -> dict:
    """The smallest valid form: a name and the type of contact (Customer), plus ``fields``."""
    data = {"name": name, "contact_type_id": str(master_id(session, "contact_type", "Customer"))}
    data.update(fields)
    return data


def make_contact(session, who, now, name: str = "Horus Tech", **fields):
    """Save a new contact as ``who`` (duplicates allowed) and return the row."""
    contact, _warnings = contacts.save_contact(session, who, contact_data(session, name, **fields), now=now,
                                               allow_duplicate=True)
    return contact


def make_private(session, who, now, name: str = "Secret Client", shared_with=("E03",), **fields):
    """A private contact shared with the given employee codes."""
    ids = [str(employee_id(session, code)) for code in shared_with]
    return make_contact(session, who, now, name, is_private=True, privacy_employee_ids=ids, **fields)


def refused(session, who, now, data: dict, *, contact_id=None) -> dict[str, str]:
    """Save ``data`` expecting a ValidationError; returns the per-field messages."""
    with pytest.raises(ValidationError) as err:
        contacts.save_contact(session, who, data, now=now, contact_id=contact_id)
    return err.value.errors


def move_to_division(session, codes, division: str = "hoffice") -> None:
    """Put the demo employees ``codes`` in ``division`` only (the demo gives everyone both)."""
    keep = master_id(session, "division", division)
    for code in codes:
        who = employee_id(session, code)
        session.exec(delete(EmployeeDivision).where(EmployeeDivision.employee_id == who))
        session.add(EmployeeDivision(employee_id=who, division_id=keep))
    session.flush()


def make_divisional(session, who, now, name: str = "Secret Client", *, division: str = "corpteaser",
                    outsiders=("E02", "E04", "E05"), **fields):
    """A public contact mapped to ``division``, with ``outsiders`` moved to the other
    division: like make_private(shared_with=("E03",)), E01 and E03 see it, the rest do not."""
    other = "hoffice" if division == "corpteaser" else "corpteaser"
    move_to_division(session, outsiders, other)
    return make_contact(session, who, now, name, division_ids=[str(master_id(session, "division", division))],
                        **fields)


HIDDEN_BY = ("private", "division")  # the two limits of contacts.access, for tests run under both


def make_hidden(session, who, now, name: str, by: str, *, sees: str = "E03", **fields):
    """A contact E01 and ``sees`` see and the other demo employees do not: private (shared
    with ``sees``) or mapped to a division ``sees`` is in and the others are not."""
    if by == "private":
        return make_private(session, who, now, name, shared_with=(sees,), **fields)
    outsiders = [code for code in ("E02", "E03", "E04", "E05") if code != sees]
    return make_divisional(session, who, now, name, outsiders=outsiders, **fields)


def set_divisions_limit(session, now, on: bool) -> None:
    """The company setting "divisions limit who sees a contact", saved by the administrator."""
    from hoffice_app.domain.masters import settings

    settings.update_defaults(session, actor(session, "E01"), {"divisions_limit_access": "1" if on else "0"}, now=now)
