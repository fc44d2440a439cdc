"""Shared fixtures for the fast tests: a migrated database per test (a SQLite file, or a
PostgreSQL database with HOFFICE_TEST_DB=postgresql: tests/databases.py), and the demo actors.

Nothing here is autouse and nothing starts a server (tests/e2e/ has its own conftest).
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlmodel import Session

from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.org import employees, find_by_code
from hoffice_app.domain.seed import seed_demo
from tests import databases
from tests.factories import cached_hash

DEMO_PASSWORD = "demo-pass-1"


def pytest_configure(config):
    problem = databases.check_settings()
    if problem:
        raise pytest.UsageError(problem)


def pytest_report_header(config):
    return f"database: {'PostgreSQL at ' + databases.SERVER_URL if databases.ON_POSTGRES else 'SQLite'}"


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, tests of SQLite's own machinery (PRAGMA, FTS5 triggers, sqlite_master)
    are skipped (the browser tests run on both engines: tests/e2e/server.py); on SQLite, the
    tests of PostgreSQL's own (query plans through its indexes)."""
    if not databases.ON_POSTGRES:
        for item in items:
            if item.get_closest_marker("postgresql_only"):
                item.add_marker(pytest.mark.skip(reason="PostgreSQL only (bin/test's PostgreSQL pass runs it)"))
        return
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(pytest.mark.skip(reason="SQLite only"))


@pytest.fixture
def engine(tmp_path):
    """A fresh database brought to head by the real Alembic migrations."""
    with databases.app_engine(tmp_path) as eng:
        yield eng


@pytest.fixture
def blank_database(tmp_path):
    """The URL of an empty database nobody has migrated (where an operator's ``db upgrade``
    starts); dropped afterwards on PostgreSQL."""
    url = databases.blank_url(tmp_path)
    yield url
    databases.drop_blank(url)


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
