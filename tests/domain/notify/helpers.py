"""Helpers of the delivery tests (no tests here): point the channels at the test's servers,
queue a message, read a message and its attempts back."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain import notify
from hoffice_app.models import OutboxAttempt, OutboxMessage
from tests.notify_servers import SmsGateway, SmtpServer

__test__ = False
MAIL_FROM = "H-Office <crm@hoffice.example>"


def point_at(session: Session, admin, now: datetime, smtp_server: SmtpServer | None = None,
             gateway: SmsGateway | None = None, **sms) -> None:
    """Save (and commit) the channels so that they reach the test's servers."""
    data = {}
    if smtp_server:
        data |= {"smtp_host": smtp_server.host, "smtp_port": str(smtp_server.port), "smtp_security": "none",
                 "mail_from": MAIL_FROM}
    if gateway:
        data |= {"sms_url": gateway.url()}
    notify.save_channels(session, admin, data | sms, now=now)
    session.commit()


def queue(session: Session, now: datetime, key: str, *, channel: str = "email", to: str | None = None,
          text: str = "Your follow-up is due.", **fields) -> OutboxMessage | None:
    """Enqueue one message and commit."""
    to = to or ("someone@example.com" if channel == "email" else "+919876543210")
    fields.setdefault("subject", "Follow-up due" if channel == "email" else "")
    message = notify.enqueue(session, key=key, channel=channel, to=to, text=text, event="followup_due",
                             now=now, **fields)
    session.commit()
    return message


def message(session: Session, key: str) -> OutboxMessage:
    session.expire_all()
    return session.exec(select(OutboxMessage).where(OutboxMessage.key == key)).one()


def attempts(session: Session, key: str) -> list[OutboxAttempt]:
    found = message(session, key)
    return list(session.exec(select(OutboxAttempt).where(OutboxAttempt.message_id == found.id)
                             .order_by(OutboxAttempt.id)).all())
