from datetime import timedelta

from hoffice_app.domain.auth import actor_for_token
from hoffice_app.domain.masters import settings
from tests.factories import PASSWORD, log_in, make_employee


def _token(session, now):
    token = log_in(session, "E01", PASSWORD, now=now)
    session.commit()
    return token


def test_idle_for_more_than_eight_hours_logs_out(session, now):
    make_employee(session, now)
    idle, active = _token(session, now), _token(session, now)
    assert actor_for_token(session, active, now=now + timedelta(hours=7)) is not None
    session.commit()

    after = now + timedelta(hours=8, seconds=1)
    assert actor_for_token(session, idle, now=after) is None
    assert actor_for_token(session, active, now=after).code == "E01"  # used an hour ago
    session.commit()
    assert actor_for_token(session, idle, now=now) is None  # stays ended


def test_timeout_follows_the_setting(session, now):
    admin = make_employee(session, now)
    settings.update_defaults(session, admin, {"session_timeout_hours": "1"}, now=now)
    token = _token(session, now)
    assert actor_for_token(session, token, now=now + timedelta(minutes=61)) is None


def test_a_check_the_page_makes_on_its_own_is_not_activity(session, now):
    """The live board asks every few seconds whether its session still stands; an open
    board nobody touches must still time out."""
    make_employee(session, now)
    token = _token(session, now)
    assert actor_for_token(session, token, now=now + timedelta(hours=7), touch=False).code == "E01"
    session.commit()
    assert actor_for_token(session, token, now=now + timedelta(hours=8, seconds=1)) is None
