"""Shared fixtures for the fast tests: a migrated SQLite file per test, and the demo actors.

Nothing here is autouse and nothing starts a server (tests/e2e/ has its own conftest).
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlmodel import Session

from hoffice_app import db
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.org import employees, find_by_code
from hoffice_app.domain.seed import seed_demo
from hoffice_app.migrations import upgrade
from tests.factories import cached_hash

DEMO_PASSWORD = "demo-pass-1"


@pytest.fixture
def engine(tmp_path):
    """A fresh SQLite file brought to head by the real Alembic migrations."""
    eng = db.make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    db.set_engine(eng)
    upgrade()
    yield eng
    db.set_engine(None)
    eng.dispose()


@pytest.fixture
def session(engine):
    with Session(engine) as s:
        yield s


@pytest.fixture
def now():
    return datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def demo(session, now, monkeypatch):
    """The demo seed (masters + E01..E05, all with DEMO_PASSWORD), committed.
    The one argon2id hash of DEMO_PASSWORD is computed once per run (see cached_hash)."""
    monkeypatch.setattr(employees, "hash_password", cached_hash)
    seed_demo(session, password=DEMO_PASSWORD, now=now)
    session.commit()
    monkeypatch.undo()


def _actor(session, code):
    return actor_of(find_by_code(session, code))


@pytest.fixture
def admin(demo, session):
    return _actor(session, "E01")


@pytest.fixture
def manager(demo, session):
    return _actor(session, "E02")


@pytest.fixture
def executive(demo, session):
    return _actor(session, "E03")
