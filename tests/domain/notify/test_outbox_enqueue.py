"""Queuing a message: in the caller's transaction (a rolled-back save sends nothing), once per
key (even when two transactions race), and only to an address that can receive it."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text
from sqlmodel import Session, func, select

from hoffice_app.domain import notify
from hoffice_app.domain.common import ValidationError
from hoffice_app.models import OutboxMessage
from tests.databases import ON_POSTGRES
from tests.domain.notify.helpers import queue


def count(session) -> int:
    return session.exec(select(func.count()).select_from(OutboxMessage)).one()


def test_a_rolled_back_save_sends_nothing(engine, channels_ready, smtp_server, now):
    with Session(engine) as s:
        notify.enqueue(s, key="lead:1:assigned:email:3", channel="email", to="rep@example.com",
                       subject="A lead for you", text="Rooftop solar", event="lead_assigned", now=now)
        s.rollback()
    with Session(engine) as s:
        assert count(s) == 0
    assert notify.dispatch_due(engine, now=now).claimed == 0
    assert smtp_server.messages == []


def test_enqueue_does_not_commit_the_callers_transaction(engine, now):
    with Session(engine) as s:  # the first statement of the transaction: nothing before it began one
        assert notify.enqueue(s, key="k1", channel="email", to="a@example.com", text="x", event="e",
                              now=now) is not None
        s.rollback()
    with Session(engine) as s:
        assert count(s) == 0


def test_the_same_key_twice_is_a_no_op(session, now):
    first = queue(session, now, "followup:7:due:email:3")
    again = notify.enqueue(session, key="followup:7:due:email:3", channel="email", to="other@example.com",
                           subject="Other", text="other", event="followup_due", now=now)
    assert first is not None and again is None
    session.commit()
    assert count(session) == 1 and session.get(OutboxMessage, first.id).to == "someone@example.com"


def test_the_same_key_in_one_transaction_is_queued_once(session, now):
    for _ in range(2):
        notify.enqueue(session, key="k", channel="sms", to="+919876543210", text="hi", event="e", now=now)
    session.commit()
    assert count(session) == 1


def test_two_transactions_racing_on_one_key_queue_it_once(engine, now):
    """The second transaction cannot see the first's uncommitted row, so its own check passes; its
    INSERT then waits for the first (PostgreSQL: the unique index; SQLite: the write lock) and,
    once the first commits, adds nothing, without an error that would undo its caller's work."""
    first = Session(engine)
    notify.enqueue(first, key="race", channel="email", to="a@example.com", text="first", event="e", now=now)
    first.flush()
    results = []

    def second():
        with Session(engine) as s:
            results.append(notify.enqueue(s, key="race", channel="email", to="b@example.com", text="second",
                                          event="e", now=now))
            s.commit()
    thread = threading.Thread(target=second)
    thread.start()
    if ON_POSTGRES:
        with engine.connect() as conn:  # wait until the second really waits on the first's row
            while thread.is_alive() and not conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()")).scalar():
                conn.commit()
                time.sleep(0.01)
    first.commit()
    first.close()
    thread.join(30)
    assert results == [None]
    with Session(engine) as s:
        assert [m.text for m in s.exec(select(OutboxMessage)).all()] == ["first"]


@pytest.mark.parametrize(("channel", "to", "says"), [
    ("email", "someone@", "someone@ is not a usable e-mail address"),
    ("email", "", "An empty address is not a usable e-mail address"),
    ("sms", "98765 43210", "98765 43210 is not a mobile number in international form, e.g. +919876543210."),
    ("sms", "+91 12345", "+91 12345 is not a mobile number in international form"),
    ("fax", "+919876543210", "Unknown channel 'fax': use email or sms."),
])
def test_a_bad_address_or_number_is_refused_with_a_message(session, now, channel, to, says):
    with pytest.raises(ValidationError) as err:
        notify.enqueue(session, key="k", channel=channel, to=to, text="hi", event="e", now=now)
    assert says in str(err.value)
    assert count(session) == 0


def test_addresses_are_stored_normalised(session, now):
    sms = queue(session, now, "k-sms", channel="sms", to="+91 98765-43210")
    mail = queue(session, now, "k-mail", to="Someone@EXAMPLE.com")
    assert (sms.to, mail.to) == ("+919876543210", "Someone@example.com")


def test_a_long_sms_is_queued_as_numbered_parts_each_with_its_own_key(session, now):
    long_text = "Follow-up with Shree Ganesh Traders about the 50 kW rooftop solar quote is due at 10:30 today. " \
                "Open https://crm.example.com/leads/L000123 to see the lead and log the call afterwards."
    first = queue(session, now, "followup:9:due:sms:4", channel="sms", text=long_text)
    rows = session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert first.id == rows[0].id
    assert [r.key for r in rows] == ["followup:9:due:sms:4:1", "followup:9:due:sms:4:2"]
    assert [r.text[:6] for r in rows] == ["(1/2) ", "(2/2) "]
    assert all(len(r.text) <= 160 for r in rows)
    assert " ".join(r.text[6:] for r in rows) == long_text
    assert queue(session, now, "followup:9:due:sms:4", channel="sms", text=long_text) is None  # still once


def test_a_dlt_sms_is_never_split_its_text_must_match_the_registered_template(session, now):
    long_text = "x" * 200
    queue(session, now, "k", channel="sms", text=long_text, template_id="1107161234567890123")
    assert [m.text for m in session.exec(select(OutboxMessage)).all()] == [long_text]


def test_every_problem_is_named_at_once(session, now):
    with pytest.raises(ValidationError) as err:
        notify.enqueue(session, key="", channel="sms", to="12", text=" ", event="e", now=now)
    assert set(err.value.errors) == {"key", "text", "to"}


def test_a_subject_stays_on_one_line_and_within_its_column(session, now):
    row = queue(session, now, "k", subject="Follow-up\r\ndue " + "x" * 400)
    assert row.subject.startswith("Follow-up due x") and len(row.subject) == 300 and row.subject.endswith("…")


def test_an_address_with_a_non_ascii_domain_is_kept_in_its_ascii_form(session, now):
    """a@bücher.de goes out as a@xn--bcher-kva.de: every server takes that, SMTPUTF8 or not."""
    row = notify.enqueue(session, key="idn:1", channel="email", to="Kunde@Bücher.de", subject="Hallo",
                         event="contact_update", now=now)
    assert row.to == "Kunde@xn--bcher-kva.de"
