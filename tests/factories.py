"""Small helpers for tests that need an employee or two without the whole demo seed."""
from __future__ import annotations

from functools import lru_cache
from unittest import mock

from hoffice_app.domain.auth import actor_of, hash_password, login, start_session
from hoffice_app.domain.org import employees

PASSWORD = "s3cret-pass"


@lru_cache(maxsize=None)
def cached_hash(password: str) -> str:
    """The real argon2id hash, computed once per password for the whole run: seeding
    employees is then cheap, while log-in still verifies a genuine hash."""
    return hash_password(password)


def make_employee(session, now, code="E01", *, role="admin", name=None, email=None, password=PASSWORD):
    """Create (and commit) one employee through the domain; returns their Actor."""
    data = {"code": code, "name": name or f"Person {code}", "email": email or f"{code.lower()}@example.com",
            "mobile": "", "role": role, "reports_to_id": None, "division_ids": []}
    with mock.patch.object(employees, "hash_password", cached_hash):
        employees.create_employee(session, None, data, password=password, now=now, bootstrap=True)
    session.commit()
    return actor_of(employees.find_by_code(session, code))


def log_in(session, identifier: str, password: str = PASSWORD, *, now) -> str:
    """Both steps of logging in (the password's ticket, then the session): the session token."""
    result = login(session, identifier, password, now=now)
    assert result.ok, result.message
    return start_session(session, result.ticket, now=now).token
