"""One-time log-in tickets: the bridge between checking a password and the session cookie.

The password is checked in a Reflex event, and whatever an event answers reaches page
JavaScript. The session token must never be readable there (it lives in an HttpOnly
cookie), so the event answers with a ticket instead: good for one exchange, within
``LIFETIME``, for a session opened by a plain HTTP response that sets the cookie
(``sessions.start_session``, POST /auth/session). A ticket seen by a script is
worthless a moment later. Only its SHA-256 is stored, as for session tokens.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, delete, select

from hoffice_app.models import LoginTicket

LIFETIME = timedelta(seconds=60)


def _digest(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def issue(session: Session, employee_id: int, *, now: datetime, source: str = "") -> str:
    """A fresh ticket for ``employee_id``; tickets nobody exchanged in time are dropped here."""
    session.exec(delete(LoginTicket).where(LoginTicket.created_at < now - LIFETIME))
    ticket = secrets.token_urlsafe(32)
    session.add(LoginTicket(ticket_hash=_digest(ticket), employee_id=employee_id, created_at=now,
                            client_ip=source[:64]))
    return ticket


def take(session: Session, ticket: str, *, now: datetime) -> int | None:
    """The employee id of a good ticket, which is used up by this call; None when the ticket
    is unknown, already used or older than ``LIFETIME``."""
    if not ticket:
        return None
    row = session.exec(select(LoginTicket).where(LoginTicket.ticket_hash == _digest(ticket))).first()
    if row is None:
        return None
    session.delete(row)
    if now - row.created_at > LIFETIME:
        return None
    return row.employee_id


def drop_all(session: Session, employee_id: int) -> None:
    session.exec(delete(LoginTicket).where(LoginTicket.employee_id == employee_id))
