"""The administrator's "send a test" buttons: one e-mail or SMS sent at once through the
channel in force (not through the outbox), so whoever sets up a channel sees the server's answer
while still on the page. A refusal raises DomainError with that answer, in words."""
from __future__ import annotations

import uuid

from sqlmodel import Session

from hoffice_app.domain.common import Actor, DomainError, require_admin
from hoffice_app.domain.notify import channels, sms, smtp
from hoffice_app.domain.notify.delivery import SENT, Envelope
from hoffice_app.domain.notify.outbox import check_address

TEST_SUBJECT = "H-Office test message"
TEST_TEXT = "This is a test message from H-Office. If you received it, this channel works."


def send_test_email(session: Session, actor: Actor, to: str) -> str:
    """Send a test e-mail to ``to``; returns the SMTP server's answer (e.g. "250 2.0.0 Ok: queued")."""
    require_admin(actor)
    address = check_address("email", to)
    found, config, _gateway = channels.sending_configs(session)
    if config is None:
        raise DomainError("E-mail is not set up: " + " ".join(found.email.problems))
    outcome = smtp.send_email(config, Envelope(key=f"test-{uuid.uuid4().hex}", channel="email", to=address,
                                               subject=TEST_SUBJECT, text=TEST_TEXT))
    if outcome.status != SENT:
        raise DomainError(outcome.answer)
    return outcome.answer


def send_test_sms(session: Session, actor: Actor, to: str, *, text: str = "", template_id: str = "") -> str:
    """Send a test SMS to ``to`` (a mobile number in international form); returns the gateway's answer.
    With DLT on, operators deliver only a registered template's text: give it and its id."""
    require_admin(actor)
    number = check_address("sms", to)
    found, _config, gateway = channels.sending_configs(session)
    if gateway is None:
        raise DomainError("SMS is not set up: " + " ".join(found.sms.problems))
    outcome = sms.send_sms(gateway, Envelope(key=f"test-{uuid.uuid4().hex}", channel="sms", to=number,
                                             text=text.strip() or TEST_TEXT, template_id=template_id.strip()))
    if outcome.status != SENT:
        raise DomainError(outcome.answer)
    return outcome.answer
