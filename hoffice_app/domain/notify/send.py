"""Writing one event's notifications for one recipient: the bell's row, and the
e-mail and SMS queued in the outbox — all in the caller's transaction, so a
rolled-back change notifies no one.

A channel goes out only where it can arrive: e-mail when the recipient has an
address and e-mail is configured, SMS when they have a mobile number and the
gateway is configured. The idempotency key (event, cause, recipient, channel)
makes the same cause queue each message once however often it is retried. An
address no server would take is logged and skipped: it never undoes the change
that caused the message, nor stops a batch of reminders.
"""
from __future__ import annotations

import hashlib
import html
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat
from sqlalchemy import insert
from sqlmodel import Session

from hoffice_app.domain import live
from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.notify import channels as channel_config
from hoffice_app.domain.notify import outbox
from hoffice_app.domain.notify.events import Channel, Event
from hoffice_app.domain.notify.templates import render, wording
from hoffice_app.models import Employee, Notification

log = logging.getLogger(__name__)
URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Recipient:
    """Whom a message is for: an employee (bell, e-mail, SMS) or an outside address."""

    employee_id: int | None
    name: str
    email: str = ""
    mobile: str = ""  # as stored; made E.164 with the company's country

    @classmethod
    def of(cls, employee: Employee) -> "Recipient":
        return cls(employee.id, employee.name, employee.email or "", employee.mobile or "")


def e164(raw: str, country: str) -> str:
    """A mobile number in E.164, or "" when it is not one."""
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, country or None)
    except NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def as_html(text: str) -> str:
    """The plain text as a small HTML mail: escaped, paragraphs kept, addresses as links."""
    escaped = html.escape(text)
    linked = URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in linked.split("\n\n"))
    return ('<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:14px;color:#1c2024">'
            f"{paragraphs}</body></html>")


def _in_force(session: Session) -> channel_config.Channels:
    """The channels in force, read once per transaction: one event for many recipients (a
    minute's thousands of reminders) does not read the settings once per message; the next
    transaction of a long-lived session sees settings saved meanwhile."""
    kept = _this_transaction(session, "hoffice_notify_channels")
    if "channels" not in kept:
        kept["channels"] = channel_config.in_force(session)
    return kept["channels"]


def _this_transaction(session: Session, name: str) -> dict:
    """A dict kept in ``session.info`` for the session's current transaction only (the next
    transaction of the same session starts with an empty one)."""
    session.connection()  # begins the transaction if none has begun
    transaction = session.get_transaction()
    kept = session.info.get(name)
    if kept is None or kept[0] is not transaction:
        kept = session.info[name] = (transaction, {})
    return kept[1]


def _wording(session: Session, event: Event, channel: Channel):
    """The wording, read once per transaction for each event and channel (a minute's thousands of
    reminders ask for the same two templates; a missing row is asked for again on every get)."""
    words = _this_transaction(session, "hoffice_notify_wording")
    if (event, channel) not in words:
        words[event, channel] = wording(session, event, channel)
    return words[event, channel]


def _announce(session: Session, employee_id: int) -> None:
    """The recipient's bell is told once per transaction, however many rows it gets (it re-reads
    its count and list on the news; PostgreSQL would fold the same NOTIFY anyway)."""
    told = _this_transaction(session, "hoffice_notify_announced")
    if employee_id not in told:
        told[employee_id] = True
        live.announce(session, live.News(live.NOTIFY, employee_id))


@dataclass
class Pending:
    """The bell rows and outbox messages of many deliveries, written together by ``write`` (one
    statement per table, not one per message): for a batch of thousands, e.g. a minute's
    reminders. Written in the caller's transaction; whatever is not written is not sent."""

    bell: list[dict] = field(default_factory=list)
    outbox: list[dict] = field(default_factory=list)

    def write(self, session: Session) -> None:
        if self.bell:
            session.execute(insert(Notification.__table__), self.bell)
        outbox.insert_many(session, self.outbox)
        self.bell, self.outbox = [], []


def deliver(session: Session, event: Event, recipient: Recipient, channels: set[Channel], values: dict[str, str],
            *, cause: str, now: datetime, lead_id: int | None = None, path: str = "",
            pending: Pending | None = None) -> int:
    """Queue ``event`` for ``recipient`` on ``channels``; returns how many messages were written.

    ``values`` fill the template (``link`` is made absolute for e-mail and SMS from the
    configured base address; the bell keeps ``path``). With ``pending`` the rows are only
    collected there (checked already) for its ``write``; a message whose key was queued
    before is then skipped by the write, though counted here."""
    written = 0
    config = _in_force(session)
    base = config.base_url.value.rstrip("/")
    full = dict(values)
    full["recipient.name"] = recipient.name
    full["link"] = f"{base}{path}" if base and path else (values.get("link") or path)
    if Channel.IN_APP in channels and recipient.employee_id:
        text = _wording(session, event, Channel.IN_APP)
        in_app = dict(full, link="")  # the bell links to the lead itself
        row = dict(recipient_id=recipient.employee_id, event=event.value, lead_id=lead_id,
                   title=render(text.subject, in_app)[:200], body=render(text.body, in_app).strip(), link=path,
                   created_at=now, read_at=None)
        if pending is None:
            session.add(Notification(**row))
        else:
            pending.bell.append(row)
        _announce(session, recipient.employee_id)
        written += 1
    messages = []
    if Channel.EMAIL in channels and recipient.email and config.email.configured:
        text = _wording(session, event, Channel.EMAIL)
        body = render(text.body, full)
        messages.append(dict(key=f"{event.value}:{cause}:{_who(recipient, recipient.email)}:email", channel="email",
                             to=recipient.email, subject=render(text.subject, full)[:300], text=body,
                             html=as_html(body)))
    wants_sms = Channel.SMS in channels and config.sms.configured
    number = e164(recipient.mobile, app_settings.get(session, "default_country")) if wants_sms else ""
    if wants_sms and number:
        text = _wording(session, event, Channel.SMS)
        messages.append(dict(key=f"{event.value}:{cause}:{_who(recipient, number)}:sms", channel="sms", to=number,
                             text=render(text.body, full), template_id=text.dlt_template_id))
    for message in messages:
        try:
            if pending is None:
                written += outbox.enqueue(session, event=event.value, lead_id=lead_id, now=now,
                                          **message) is not None
            else:
                pending.outbox += outbox.prepare(event=event.value, lead_id=lead_id, now=now, **message)
                written += 1
        except ValidationError as err:  # e.g. a contact's address no server would take
            log.warning("not queued: %s to %r for %s: %s", message["channel"], message["to"], cause,
                        "; ".join(err.errors.values()))
    return written


def _who(recipient: Recipient, address: str) -> str:
    """The recipient's part of a message key: the employee, or a short fixed-length digest of the
    channel's own address (an address can be long; two contacts may share an e-mail address but
    not a mobile)."""
    if recipient.employee_id:
        return str(recipient.employee_id)
    return "a" + hashlib.sha256(address.strip().lower().encode()).hexdigest()[:20]
