"""Where the dispatcher draws its lines: a claim never runs out under a message still being sent
(a batch stops starting sends in time and gives the rest back); what was sent but could not be
recorded stays in flight rather than being given back; a 5xx about our own settings (a login,
relaying) is retried like a server that is down, not failed message by message."""
from __future__ import annotations

from datetime import timedelta

import pytest

from hoffice_app.domain import notify
from hoffice_app.domain.notify import dispatch, smtp
from tests.domain.notify.helpers import message, point_at, queue

KEYS = [f"followup:{n}:due:email:3" for n in range(5)]


def test_a_batch_starts_no_send_that_could_outlast_its_claim_and_gives_the_rest_back(
        engine, session, admin, now, smtp_server, monkeypatch):
    point_at(session, admin, now, smtp_server)
    for key in KEYS:
        queue(session, now, key)  # one recipient: one lane, in order
    slowest = smtp.SLOWEST_SEND
    monkeypatch.setattr(smtp, "SLOWEST_SEND", notify.LEASE.total_seconds() - 0.5)  # 0.5 s to start sends
    smtp_server.delay = 0.3
    counts = notify.dispatch_due(engine, now=now)
    assert counts.sent >= 1 and counts.given_back >= 1 and counts.sent + counts.given_back == len(KEYS)
    assert len(smtp_server.messages) == counts.sent
    back = [message(session, k) for k in KEYS[counts.sent:]]
    assert {(m.status, m.attempts, m.claimed_until) for m in back} == {("queued", 0, None)}  # due again at once
    smtp_server.delay = 0
    monkeypatch.setattr(smtp, "SLOWEST_SEND", slowest)  # the whole claim again: a busy machine sends them all
    assert notify.dispatch_due(engine, now=now).sent == counts.given_back


def test_a_claim_shorter_than_the_slowest_send_is_refused(engine):
    with pytest.raises(ValueError, match="outlast the slowest send"):
        notify.dispatch_due(engine, now=None, lease=timedelta(minutes=2))


def test_what_was_sent_but_not_recorded_stays_in_flight_and_goes_again_after_the_claim(
        engine, session, admin, now, smtp_server, monkeypatch):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEYS[0])
    real = dispatch._record

    def database_away(*_args, **_kwargs):
        raise OSError("database away")

    monkeypatch.setattr(dispatch, "_record", database_away)
    monkeypatch.setattr(dispatch.time, "sleep", lambda _s: None)
    counts = notify.dispatch_due(engine, now=now)
    assert (counts.claimed, counts.sent, counts.given_back) == (1, 0, 0)
    assert len(smtp_server.messages) == 1 and message(session, KEYS[0]).status == "sending"
    monkeypatch.setattr(dispatch, "_record", real)
    assert notify.dispatch_due(engine, now=now + timedelta(minutes=1)).claimed == 0  # still claimed
    assert notify.dispatch_due(engine, now=now + notify.LEASE + timedelta(seconds=1)).sent == 1
    assert len(set(smtp_server.message_ids())) == 1  # the second copy has the first one's Message-ID


@pytest.mark.parametrize("reply", ["554 5.7.1 Relay access denied", "530 5.7.0 Authentication required"])
def test_a_refusal_about_our_settings_is_retried_not_failed(engine, session, admin, now, smtp_server, reply):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEYS[0])
    smtp_server.rcpt_reply = reply
    assert notify.dispatch_due(engine, now=now).retried == 1
    assert message(session, KEYS[0]).last_error.endswith(reply)
    smtp_server.rcpt_reply = None
    assert notify.dispatch_due(engine, now=now + timedelta(minutes=1)).sent == 1


def test_a_refusal_of_the_message_itself_still_fails_at_once(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEYS[0])
    smtp_server.data_reply = "554 5.7.1 Message rejected as spam"  # at DATA: about this message
    assert notify.dispatch_due(engine, now=now).failed == 1
