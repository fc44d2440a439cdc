from datetime import timedelta

from hoffice_app.domain.auth import WRONG_LOGIN, login
from tests.factories import PASSWORD, make_employee

THROTTLED = "Too many failed attempts"


def _fail(session, now, times, identifier="E01", source=""):
    for _ in range(times):
        assert login(session, identifier, "wrong-password", now=now, source=source).message == WRONG_LOGIN


def test_sixth_attempt_refused_even_with_right_password(session, now):
    make_employee(session, now)
    _fail(session, now, 5)
    result = login(session, "E01", PASSWORD, now=now)
    assert not result.ok
    assert result.message == "Too many failed attempts. Try again in 30 seconds."


def test_wait_is_30_seconds_then_doubles(session, now):
    make_employee(session, now)
    _fail(session, now, 5)
    assert login(session, "E01", PASSWORD, now=now + timedelta(seconds=29)).message.startswith(THROTTLED)
    later = now + timedelta(seconds=30)
    _fail(session, later, 1)  # the 6th failure locks for 60 s
    assert login(session, "E01", PASSWORD, now=later + timedelta(seconds=59)).message.startswith(THROTTLED)
    assert login(session, "E01", PASSWORD, now=later + timedelta(seconds=60)).ok


def test_success_resets_the_identifier_counter(session, now):
    make_employee(session, now)
    _fail(session, now, 4)
    assert login(session, "E01", PASSWORD, now=now).ok
    _fail(session, now, 4)
    assert login(session, "E01", PASSWORD, now=now).ok
