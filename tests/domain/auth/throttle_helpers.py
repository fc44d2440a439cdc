"""Helpers for the throttling tests (no tests here): many failed log-ins without paying for
argon2 each time (0.2 s a verification), since these tests count attempts; the hash and its
timing are tested where the hash is the point."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from hoffice_app.domain.auth import WRONG_LOGIN, login, sessions

__test__ = False
OFFICE = "203.0.113.9"  # one NAT address for a whole office
THROTTLED = "Too many failed attempts"


@contextmanager
def cheap_wrong_passwords():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sessions, "verify_password", lambda _hash, _password: False)
        yield


def fail(session, now, times: int, identifier: str = "E01", source: str = OFFICE) -> None:
    """``times`` wrong passwords, each answered with the generic message (none throttled)."""
    with cheap_wrong_passwords():
        for _ in range(times):
            assert login(session, identifier, "wrong-password", now=now, source=source).message == WRONG_LOGIN
