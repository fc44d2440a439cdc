"""With several dispatchers (worker processes, threads), each message is claimed by one: nobody
sends what another is sending, and a claim whose dispatcher died is taken over once it runs out."""
from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from hoffice_app.domain import notify
from hoffice_app.models import OutboxMessage
from tests.domain.notify.helpers import MAIL_FROM, message, point_at, queue


def test_two_dispatchers_at_once_never_send_a_message_twice(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    for i in range(30):
        queue(session, now, f"k{i}", subject=f"Message {i}")
    start = threading.Barrier(2)
    totals: list[int] = []

    def dispatcher():
        start.wait()
        sent = 0
        while (counts := notify.dispatch_due(engine, now=now, batch=4)).claimed:
            sent += counts.sent
        totals.append(sent)
    threads = [threading.Thread(target=dispatcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sum(totals) == 30
    ids = Counter(smtp_server.message_ids())
    assert len(ids) == 30 and max(ids.values()) == 1
    assert {m.status for m in session.exec(select(OutboxMessage)).all()} == {"sent"}


@pytest.mark.postgresql_only
def test_a_row_another_transaction_holds_is_skipped_not_waited_for(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    held, free = queue(session, now, "held"), queue(session, now, "free")
    with Session(engine) as other:
        other.execute(text("SELECT id FROM outbox_message WHERE id = :id FOR UPDATE"), {"id": held.id})
        counts = notify.dispatch_due(engine, now=now)  # would block here without SKIP LOCKED
        assert (counts.claimed, counts.sent) == (1, 1)
        assert message(session, "free").status == "sent" and message(session, "held").status == "queued"
        other.rollback()
    assert notify.dispatch_due(engine, now=now).sent == 1
    assert sorted(smtp_server.message_ids()) == sorted(notify.message_id(k, MAIL_FROM) for k in ("held", "free"))
    assert free.id != held.id


def test_a_live_claim_is_left_alone_and_a_dead_one_is_taken_over(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    for key, until in (("live", now + timedelta(seconds=30)), ("dead", now - timedelta(seconds=1))):
        row = queue(session, now, key)
        row.status, row.claimed_until = "sending", until
        session.add(row)
        session.commit()
    assert notify.dispatch_due(engine, now=now).sent == 1
    assert message(session, "dead").status == "sent" and message(session, "live").status == "sending"
    assert notify.dispatch_due(engine, now=now + timedelta(seconds=31)).sent == 1
