"""Log-in and sessions (the throttling of failed attempts is in ``throttle``).

Logging in takes two steps: ``login`` checks the credentials and answers with a
one-time ticket (``tickets``); ``start_session`` exchanges that ticket for the
session. The two run in different places on purpose: the first in a Reflex event
(its answer reaches page JavaScript), the second in the plain HTTP response that
puts the token in an HttpOnly cookie, so no script ever sees a session token.

A session is a fresh random token (256 bits) per log-in; the browser keeps the
token, the server keeps its SHA-256 and decides on every request whether it is
still good: not revoked, the employee still active, and used within the
inactivity timeout.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from hoffice_app.domain import live
from hoffice_app.domain.auth import throttle, tickets
from hoffice_app.domain.auth.passwords import needs_rehash, rehash, verify_password
from hoffice_app.domain.common import Actor
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import AuthSession, Employee

WRONG_LOGIN = "Wrong e-mail, employee code or password."
# last_seen_at is written at most this often, so browsing does not write on every click.
TOUCH_EVERY = timedelta(minutes=1)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def actor_of(employee: Employee) -> Actor:
    return Actor(id=employee.id, code=employee.code, name=employee.name, email=employee.email, role=employee.role)


def find_employee(session: Session, identifier: str) -> Employee | None:
    """By e-mail or employee code, ignoring case and surrounding spaces."""
    ident = identifier.strip().lower()
    if not ident:
        return None
    stmt = select(Employee).where((Employee.email == ident) | (func.lower(Employee.code) == ident))
    return session.exec(stmt).first()


@dataclass(frozen=True)
class LoginResult:
    """``ticket``: exchanged once, within a minute, by ``start_session`` (never a session token)."""
    ticket: str = ""
    actor: Actor | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.actor is not None


def login(session: Session, identifier: str, password: str, *, now: datetime, source: str = "") -> LoginResult:
    """Check the credentials and issue a log-in ticket (the session opens when it is exchanged).

    A refusal is returned, not raised, so the caller's unit of work still
    commits the failure count.

    Every refusal for bad credentials carries the same message, whether the
    account exists, is inactive or the password is wrong, and costs one argon2
    verification either way (against a dummy hash when there is no account), so
    neither the words nor the time tell which accounts exist. Failures are
    throttled per account (and per account at ``source``), with a much higher
    limit per address: see ``throttle``.
    """
    employee = find_employee(session, identifier)
    counters = throttle.counters(employee, identifier, source)
    refused = throttle.refusal(session, counters, now)
    if refused:
        return LoginResult(message=refused)
    ok = verify_password(employee.password_hash if employee else None, password)
    if not (employee and ok and employee.active):
        throttle.record_failure(session, counters, now)
        return LoginResult(message=WRONG_LOGIN)
    throttle.record_success(session, counters)
    if needs_rehash(employee.password_hash):
        employee.password_hash = rehash(password)
        session.add(employee)
    return LoginResult(ticket=tickets.issue(session, employee.id, now=now, source=source), actor=actor_of(employee))


@dataclass(frozen=True)
class StartedSession:
    token: str
    actor: Actor


def start_session(session: Session, ticket: str, *, now: datetime, source: str = "",
                  replacing: str = "") -> StartedSession | None:
    """Exchange a log-in ticket for a new session: a fresh token at every log-in, so a token
    planted or seen before logging in is never the one that is logged in. ``replacing`` is
    the token this browser held until now; that session ends. None when the ticket is no
    good (unknown, used, too old) or the employee was deactivated meanwhile."""
    employee_id = tickets.take(session, ticket, now=now)
    employee = session.get(Employee, employee_id) if employee_id is not None else None
    if replacing:
        logout(session, replacing, now=now)
    if employee is None or not employee.active:
        return None
    token = secrets.token_urlsafe(32)
    session.add(AuthSession(token_hash=_token_hash(token), employee_id=employee.id, created_at=now,
                            last_seen_at=now, client_ip=source[:64]))
    return StartedSession(token=token, actor=actor_of(employee))


def actor_for_token(session: Session, token: str, *, now: datetime, touch: bool = True) -> Actor | None:
    """The employee behind a session token, or None when it is not (or no longer) good.
    ``touch=False``: a check the page makes on its own (the live board watching whether
    the session still stands), which is no activity and must not keep the session alive."""
    if not token:
        return None
    auth = session.exec(select(AuthSession).where(AuthSession.token_hash == _token_hash(token))).first()
    if auth is None or auth.revoked_at is not None:
        return None
    timeout = timedelta(hours=app_settings.session_timeout_hours(session))
    if now - auth.last_seen_at > timeout:
        auth.revoked_at = now
        session.add(auth)
        return None
    employee = session.get(Employee, auth.employee_id)
    if employee is None or not employee.active:
        return None
    if touch and now - auth.last_seen_at > TOUCH_EVERY:
        auth.last_seen_at = now
        session.add(auth)
    return actor_of(employee)


def logout(session: Session, token: str, *, now: datetime) -> None:
    auth = session.exec(select(AuthSession).where(AuthSession.token_hash == _token_hash(token))).first()
    if auth and auth.revoked_at is None:
        auth.revoked_at = now
        session.add(auth)
        live.announce(session, live.News(live.SESSIONS, auth.employee_id))  # their other open pages check


def revoke_all_sessions(session: Session, employee_id: int, *, now: datetime) -> int:
    """Ends every session of the employee, and the log-ins not yet exchanged (their
    password was checked before a reset or a deactivation)."""
    tickets.drop_all(session, employee_id)
    rows = session.exec(select(AuthSession).where(AuthSession.employee_id == employee_id,
                                                  AuthSession.revoked_at.is_(None))).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    if rows:  # the employee's open pages (a live board) notice at once
        live.announce(session, live.News(live.SESSIONS, employee_id))
    return len(rows)
