"""The administrator's Outbox screen: pages of messages with counts per status, each message's
attempts, and "retry now"."""
from __future__ import annotations

from datetime import timedelta

import pytest

from hoffice_app.domain import notify
from hoffice_app.domain.common import DomainError, NotFound, PermissionDenied, ValidationError
from tests.domain.notify.helpers import message, point_at, queue


def test_a_page_lists_newest_first_with_counts_per_status(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    for i in range(3):
        queue(session, now, f"k{i}", subject=f"Message {i}")
    queue(session, now, "k-sms", channel="sms", text="First line\nsecond line")
    notify.dispatch_due(engine, now=now, batch=2)  # two sent, two still queued
    page = notify.outbox_page(session, admin, offset=0, limit=3)
    assert [r.subject for r in page.rows] == ["First line", "Message 2", "Message 1"]
    assert page.counts == {"queued": 2, "sending": 0, "sent": 2, "failed": 0} and page.total == 4
    sent = notify.outbox_page(session, admin, status="sent", offset=0, limit=10)
    assert [r.subject for r in sent.rows] == ["Message 1", "Message 0"] and sent.total == 2
    # sent when the attempt happened: ``now`` plus the whole seconds the dispatch had taken by then
    assert all(now <= r.sent_at < now + timedelta(minutes=1) and r.next_attempt_at is None for r in sent.rows)
    assert notify.outbox_page(session, admin, offset=3, limit=3).rows[0].subject == "Message 0"


def test_only_an_administrator_sees_the_outbox(session, manager, now):
    queue(session, now, "k")
    for call in (lambda: notify.outbox_page(session, manager, offset=0, limit=10),
                 lambda: notify.attempts_of(session, manager, 1),
                 lambda: notify.retry_now(session, manager, 1, now)):
        with pytest.raises(PermissionDenied):
            call()


def test_an_unknown_status_or_message_is_refused_in_words(session, admin, now):
    with pytest.raises(ValidationError, match="Choose queued, sending, sent or failed."):
        notify.outbox_page(session, admin, status="lost", offset=0, limit=10)
    with pytest.raises(NotFound, match="That message is not in the outbox"):
        notify.attempts_of(session, admin, 999)


def test_retry_now_makes_a_failed_message_due_and_it_goes(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, "k")
    smtp_server.rcpt_reply = "550 5.1.1 Mailbox full"
    notify.dispatch_due(engine, now=now)
    later = now + timedelta(hours=2)
    row = notify.retry_now(session, admin, message(session, "k").id, later)
    session.commit()
    assert (row.status, row.next_attempt_at) == ("queued", later)
    smtp_server.rcpt_reply = None
    assert notify.dispatch_due(engine, now=later).sent == 1
    answers = notify.attempts_of(session, admin, row.id)
    assert [(a.ok, a.answer[:20]) for a in answers] == [(False, "The SMTP server refu"), (True, "250 2.0.0 Ok: queued")]


def test_retry_now_refuses_a_sent_message_saying_when_it_went(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, "k")
    notify.dispatch_due(engine, now=now)
    with pytest.raises(DomainError) as err:
        notify.retry_now(session, admin, message(session, "k").id, now)
    # the company's time zone (Asia/Kolkata in the demo): 09:30 UTC is 15:00 there
    assert str(err.value) == "This message was sent on 02 Mar 2026 at 15:00; it is not sent again."
