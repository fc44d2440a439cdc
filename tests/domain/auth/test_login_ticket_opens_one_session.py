"""Logging in answers with a one-time ticket, not a session token: the ticket opens one
session, once, within a minute; each exchange makes a fresh token and ends the session the
browser held before."""
from datetime import timedelta

from sqlmodel import select

from hoffice_app.domain.auth import actor_for_token, login, start_session
from hoffice_app.domain.org import employees
from hoffice_app.models import AuthSession, LoginTicket
from tests.factories import PASSWORD, make_employee


def _ticket(session, now, code="E01"):
    result = login(session, code, PASSWORD, now=now)
    session.commit()
    return result.ticket


def test_a_ticket_is_not_a_session_until_exchanged_and_then_only_once(session, now):
    make_employee(session, now)
    ticket = _ticket(session, now)
    assert actor_for_token(session, ticket, now=now) is None
    assert session.exec(select(AuthSession)).all() == []

    started = start_session(session, ticket, now=now + timedelta(seconds=5), source="203.0.113.9")
    session.commit()
    assert started.actor.code == "E01"
    assert started.token != ticket
    assert actor_for_token(session, started.token, now=now).code == "E01"
    assert start_session(session, ticket, now=now + timedelta(seconds=6)) is None  # used up
    assert session.exec(select(LoginTicket)).all() == []  # nothing of it is kept


def test_a_ticket_older_than_a_minute_opens_nothing(session, now):
    make_employee(session, now)
    ticket = _ticket(session, now)
    assert start_session(session, ticket, now=now + timedelta(seconds=61)) is None
    assert start_session(session, "made-up", now=now) is None
    assert start_session(session, "", now=now) is None


def test_each_log_in_makes_a_fresh_token_and_ends_the_previous_one(session, now):
    make_employee(session, now)
    first = start_session(session, _ticket(session, now), now=now).token
    second = start_session(session, _ticket(session, now), now=now, replacing=first).token
    session.commit()
    assert first != second
    assert actor_for_token(session, first, now=now) is None
    assert actor_for_token(session, second, now=now).code == "E01"


def test_deactivation_or_password_reset_voids_tickets_not_yet_exchanged(session, now):
    admin = make_employee(session, now)
    worker = make_employee(session, now, "E02", role="executive")
    ticket = _ticket(session, now, "E02")
    employees.reset_password(session, admin, worker.id, "brand-new-pass", now=now)
    session.commit()
    assert start_session(session, ticket, now=now) is None

    ticket = login(session, "E02", "brand-new-pass", now=now).ticket
    employees.set_active(session, admin, worker.id, False, now=now)
    employees.set_active(session, admin, worker.id, True, now=now)
    session.commit()
    assert start_session(session, ticket, now=now) is None  # reactivation does not revive it
