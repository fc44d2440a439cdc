"""The outbox: e-mails and SMS waiting to be sent, written in the transaction of the change
that causes them (a rolled-back save sends nothing; a committed one is sent by the dispatcher
even if the server stops right after), and the administrator's Outbox screen.

A message's ``key`` says what caused it (an event, for one recipient, on one channel): the same
key is queued once however often its cause is processed, so a job run twice sends nothing twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, DomainError, NotFound, ValidationError, require_admin
from hoffice_app.domain.masters import settings
from hoffice_app.domain.notify.sms import split_text
from hoffice_app.models import OutboxAttempt, OutboxMessage

CHANNELS = ("email", "sms")
STATUSES = ("queued", "sending", "sent", "failed")
KEY_CHARS = 150  # of the column's 160: an SMS in parts adds ":1", ":2"…
SUBJECT_CHARS = 300
PAGE_MAX = 200


@dataclass(frozen=True)
class OutboxRow:
    id: int
    channel: str
    to: str
    subject: str  # the e-mail's subject, or the SMS's first line
    status: str
    attempts: int
    last_error: str
    created_at: datetime
    next_attempt_at: datetime | None  # None once sent or failed
    sent_at: datetime | None


@dataclass(frozen=True)
class OutboxPage:
    rows: tuple[OutboxRow, ...]
    total: int  # rows with the status asked for (all statuses: every row)
    counts: dict[str, int]  # every status, 0 included


@dataclass(frozen=True)
class AttemptRow:
    at: datetime
    ok: bool
    answer: str


@lru_cache(maxsize=4096)  # a minute's reminders go to a few hundred addresses, thousands of times
def check_address(channel: str, to: str) -> str:
    """The address as stored: an e-mail address normalised, or a mobile number in E.164."""
    to = (to or "").strip()
    if channel == "email":
        try:
            found = validate_email(to, check_deliverability=False)
            return found.ascii_email or found.normalized  # a@xn--bcher-kva.de needs no SMTPUTF8
        except EmailNotValidError as err:
            raise ValidationError({"to": f"{to or 'An empty address'} is not a usable e-mail address: {err}"}) \
                from None
    if channel == "sms":
        try:
            number = phonenumbers.parse(to, None)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not to.startswith("+") or not phonenumbers.is_valid_number(number):
            raise ValidationError({"to": f"{to or 'An empty number'} is not a mobile number in international "
                                         "form, e.g. +919876543210."})
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise ValidationError({"channel": f"Unknown channel {channel!r}: use email or sms."})


def prepare(*, key: str, channel: str, to: str, subject: str = "", text: str = "", html: str = "", event: str,
            lead_id: int | None = None, template_id: str = "", now: datetime) -> list[dict]:
    """The outbox rows of one message, checked (a ValidationError names every problem at once)
    and made ready to store: one row, or an SMS longer than one as numbered parts with the keys
    ``key:1``, ``key:2``… (sms.split_text)."""
    key, event = (key or "").strip(), (event or "").strip()
    errors = {}
    if not key or len(key) > KEY_CHARS:
        errors["key"] = f"A message needs a key of 1 to {KEY_CHARS} characters."
    if not event or len(event) > 40:
        errors["event"] = "A message needs the event that caused it (at most 40 characters)."
    if len(template_id) > 40:
        errors["template_id"] = "A DLT template id has at most 40 characters."
    if channel == "email" and not (subject.strip() or text.strip() or html.strip()):
        errors["text"] = "An e-mail needs a subject or some text."
    if channel == "sms" and not text.strip():
        errors["text"] = "An SMS needs some text."
    try:
        to = check_address(channel, to)
    except ValidationError as err:
        errors |= err.errors
    if errors:
        raise ValidationError(errors)
    subject = " ".join(subject.split())  # a header: a line break in it would end the header
    if len(subject) > SUBJECT_CHARS:
        subject = subject[: SUBJECT_CHARS - 1] + "…"
    parts = split_text(text) if channel == "sms" and not template_id else [text]
    keys = [key] if len(parts) == 1 else [f"{key}:{i}" for i in range(1, len(parts) + 1)]
    return [dict(key=part_key, channel=channel, event=event, lead_id=lead_id, to=to, subject=subject, text=part,
                 html=html, template_id=template_id, status="queued", attempts=0, next_attempt_at=now,
                 last_error="", created_at=now) for part_key, part in zip(keys, parts)]


def enqueue(session: Session, *, key: str, channel: str, to: str, subject: str = "", text: str = "",
            html: str = "", event: str, lead_id: int | None = None, template_id: str = "",
            now: datetime) -> OutboxMessage | None:
    """Queue a message in the caller's transaction (never commits). Returns None when ``key``
    was queued before (nothing is added). An SMS longer than one is queued as numbered parts
    with the keys ``key:1``, ``key:2``… (sms.split_text); the first part is returned."""
    rows = prepare(key=key, channel=channel, to=to, subject=subject, text=text, html=html, event=event,
                   lead_id=lead_id, template_id=template_id, now=now)
    # One key: the INSERT below skips a key queued before by itself. Parts: any part queued
    # before means all were (they are queued together), so none is queued again.
    if len(rows) > 1 and session.exec(select(OutboxMessage.id).where(
            OutboxMessage.key.in_([r["key"] for r in rows]))).first() is not None:
        return None
    first = None
    for values in rows:
        row = _insert(session, values)
        if row is None:  # another transaction queued the same key meanwhile: it has them all
            return None
        first = first or row
    return first


def insert_many(session: Session, rows: list[dict]) -> None:
    """Many messages' rows (from ``prepare``) in one statement executed for them all, in the
    caller's transaction: a key queued before is skipped, as ``enqueue`` skips it (the parts of an
    SMS are always queued together, so either all of them were queued before or none was)."""
    if rows:
        session.execute(_INSERT_MANY[session.get_bind().dialect.name == "postgresql"], rows)


def _insert(session: Session, values: dict) -> OutboxMessage | None:
    """INSERT … ON CONFLICT (key) DO NOTHING: a key queued by a concurrent transaction is skipped
    without an error, so the caller's transaction goes on. (A SAVEPOINT would do the same on
    PostgreSQL, but on SQLite the Python driver starts no transaction before it, and releasing
    it would commit the caller's work.)"""
    dialect = session.get_bind().dialect.name
    statement = _INSERTS[dialect == "postgresql"]
    # the values as parameters of one fixed statement (not baked into a new one each time), so
    # SQLAlchemy compiles it once: a minute's thousands of reminders spent most time building them
    return session.scalars(statement, [values]).first()


_INSERTS = {postgres: (postgresql_insert if postgres else sqlite_insert)(OutboxMessage)
            .on_conflict_do_nothing(index_elements=["key"]).returning(OutboxMessage) for postgres in (False, True)}
_INSERT_MANY = {postgres: (postgresql_insert if postgres else sqlite_insert)(OutboxMessage.__table__)
                .on_conflict_do_nothing(index_elements=["key"]) for postgres in (False, True)}


def _row(m) -> OutboxRow:
    first_line = m.subject or next((line for line in (m.text or "").splitlines() if line.strip()), "")
    return OutboxRow(m.id, m.channel, m.to, first_line[:120], m.status, m.attempts, m.last_error, m.created_at,
                     m.next_attempt_at if m.status in ("queued", "sending") else None, m.sent_at)


def outbox_page(session: Session, actor: Actor, *, status: str | None = None, offset: int = 0,
                limit: int = 50) -> OutboxPage:
    """Newest first, ``limit`` rows from ``offset``, of one status or all; and the count of each status."""
    require_admin(actor)
    if status is not None and status not in STATUSES:
        raise ValidationError({"status": "Choose queued, sending, sent or failed."})
    limit, offset = max(1, min(int(limit), PAGE_MAX)), max(0, int(offset))
    m = OutboxMessage
    query = select(m.id, m.channel, m.to, m.subject, func.substr(m.text, 1, 200).label("text"), m.status,
                   m.attempts, m.last_error, m.created_at, m.next_attempt_at, m.sent_at)
    if status:
        query = query.where(m.status == status)
    rows = session.exec(query.order_by(m.id.desc()).offset(offset).limit(limit)).all()
    counts = dict.fromkeys(STATUSES, 0) | dict(session.exec(select(m.status, func.count()).group_by(m.status)).all())
    total = counts.get(status, 0) if status else sum(counts.values())
    return OutboxPage(tuple(_row(r) for r in rows), total, counts)


def retry_now(session: Session, actor: Actor, message_id: int, now: datetime) -> OutboxRow:
    """A queued or failed message becomes due now (the dispatcher sends it within seconds).
    A failed message gets one more try: failing again, it is marked failed again (the day of
    retries counts from when it was queued)."""
    require_admin(actor)
    message = _message(session, message_id, lock=True)
    if message.status == "sent":
        when = message.sent_at.astimezone(settings.zone(session)) if message.sent_at else None
        sent = f" on {when:%d %b %Y at %H:%M}" if when else ""
        raise DomainError(f"This message was sent{sent}; it is not sent again.")
    if message.status == "sending" and message.claimed_until and message.claimed_until > now:
        raise DomainError("This message is being sent right now; look again in a minute.")
    message.status, message.next_attempt_at, message.claimed_until = "queued", now, None
    session.add(message)
    session.flush()
    return _row(message)


def attempts_of(session: Session, actor: Actor, message_id: int) -> tuple[AttemptRow, ...]:
    """Every try at sending the message, oldest first, with the server's answer."""
    require_admin(actor)
    _message(session, message_id)
    rows = session.exec(select(OutboxAttempt).where(OutboxAttempt.message_id == message_id)
                        .order_by(OutboxAttempt.at, OutboxAttempt.id)).all()
    return tuple(AttemptRow(r.at, r.ok, r.answer) for r in rows)


def _message(session: Session, message_id, *, lock: bool = False) -> OutboxMessage:
    try:
        message_id = int(message_id)
    except (TypeError, ValueError):
        message_id = 0
    message = session.get(OutboxMessage, message_id, with_for_update=lock) if message_id > 0 else None
    if message is None:
        raise NotFound("That message is not in the outbox (any more).")
    return message
