"""What a sender is handed and what it answers: plain values, so a message is sent with no
database session open (a slow SMTP server must not hold a transaction or a row lock)."""
from __future__ import annotations

from dataclasses import dataclass

SENT, RETRY, FAILED = "sent", "retry", "failed"
ANSWER_CHARS = 500  # outbox_attempt.answer and outbox_message.last_error


@dataclass(frozen=True)
class Envelope:
    """One message to send, copied from its outbox row (``key`` is its idempotency key)."""

    key: str
    channel: str  # email | sms
    to: str
    subject: str = ""
    text: str = ""
    html: str = ""
    template_id: str = ""
    id: int | None = None  # the outbox row; None for a test message sent at once


@dataclass(frozen=True)
class Outcome:
    """sent; retry (the server or our settings may be fine later); failed (this message will
    never go: the server refused it for good). ``answer`` is the server's words, or ours."""

    status: str
    answer: str

    def __post_init__(self):
        object.__setattr__(self, "answer", cut(self.answer))


def cut(text: str, limit: int = ANSWER_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
