"""E-mail through a real SMTP server: what arrives, and what happens when the server is down,
says "later" (4xx) or "never" (5xx)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from hoffice_app.domain import notify
from hoffice_app.domain.common import DomainError
from tests.domain.notify.helpers import MAIL_FROM, attempts, message, point_at, queue
from tests.notify_servers import SmtpServer

KEY = "followup:12:due:email:3"


def test_an_email_arrives_with_text_html_and_a_message_id_made_from_its_key(engine, session, admin, now,
                                                                             smtp_server):
    point_at(session, admin, now, smtp_server, mail_reply_to="sales@hoffice.example")
    queue(session, now, KEY, to="rep@example.com", subject="Follow-up due: Rooftop solar",
          text="Call Shree Ganesh Traders at 10:30.", html="<p>Call <b>Shree Ganesh Traders</b> at 10:30.</p>")
    assert notify.dispatch_due(engine, now=now) == notify.DispatchCounts(claimed=1, sent=1)
    [mail] = smtp_server.messages
    assert (mail["From"], mail["To"], mail["Reply-To"]) == (MAIL_FROM, "rep@example.com", "sales@hoffice.example")
    assert mail["Subject"] == "Follow-up due: Rooftop solar"
    assert mail["Message-ID"] == "<followup=3A12=3Adue=3Aemail=3A3@hoffice.example>"
    assert mail.get_body("plain").get_content().strip() == "Call Shree Ganesh Traders at 10:30."
    assert "<b>Shree Ganesh Traders</b>" in mail.get_body("html").get_content()
    sent = message(session, KEY)
    assert (sent.status, sent.attempts, sent.sent_at, sent.last_error) == ("sent", 1, now, "")
    [attempt] = attempts(session, KEY)
    assert attempt.ok and attempt.answer.startswith("250 2.0.0 Ok")
    assert notify.dispatch_due(engine, now=now + timedelta(hours=1)).claimed == 0  # sent once


def test_a_server_that_is_down_is_retried_with_backoff_and_the_message_arrives_once_it_is_back(
        engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEY)
    smtp_server.stop()
    for attempt_no, wait in ((1, 1), (2, 2), (3, 4)):
        at = message(session, KEY).next_attempt_at
        assert notify.dispatch_due(engine, now=at).retried == 1
        row = message(session, KEY)
        assert (row.status, row.attempts) == ("queued", attempt_no)
        tried_at = attempts(session, KEY)[-1].at  # ``at`` plus the whole seconds the attempt took
        assert at <= tried_at < at + timedelta(minutes=1)
        assert row.next_attempt_at == tried_at + timedelta(minutes=wait)
        assert row.last_error == f"The SMTP server at 127.0.0.1:{smtp_server.port} refused the connection"
        assert notify.dispatch_due(engine, now=row.next_attempt_at - timedelta(seconds=1)).claimed == 0  # not yet
    smtp_server.start()  # the same port, back up
    assert notify.dispatch_due(engine, now=message(session, KEY).next_attempt_at).sent == 1
    assert len(smtp_server.messages) == 1 and message(session, KEY).status == "sent"
    assert [a.ok for a in attempts(session, KEY)] == [False, False, False, True]


def test_a_4xx_answer_is_retried_and_the_retry_carries_the_same_message_id(engine, session, admin, now,
                                                                           smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEY)
    smtp_server.data_reply = "451 4.3.0 Mailbox busy, try later"
    assert notify.dispatch_due(engine, now=now).retried == 1
    assert message(session, KEY).last_error == "The SMTP server refused the message: 451 4.3.0 Mailbox busy, try later"
    smtp_server.data_reply = None
    assert notify.dispatch_due(engine, now=now + timedelta(minutes=1)).sent == 1
    assert smtp_server.refused[0]["Message-ID"] == smtp_server.messages[0]["Message-ID"]


def test_a_5xx_answer_fails_the_message_at_once(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEY)
    smtp_server.data_reply = "554 5.7.1 Message rejected as spam"
    assert notify.dispatch_due(engine, now=now).failed == 1
    row = message(session, KEY)
    assert (row.status, row.attempts) == ("failed", 1)
    assert row.last_error == "The SMTP server refused the message: 554 5.7.1 Message rejected as spam"
    assert notify.dispatch_due(engine, now=now + timedelta(hours=2)).claimed == 0


@pytest.mark.parametrize(("reply", "status"), [("550 5.1.1 No such user here", "failed"),
                                               ("450 4.2.1 Mailbox temporarily unavailable", "queued")])
def test_a_refused_recipient_fails_for_good_or_is_retried_as_the_server_says(engine, session, admin, now,
                                                                             smtp_server, reply, status):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEY, to="nobody@example.com")
    smtp_server.rcpt_reply = reply
    notify.dispatch_due(engine, now=now)
    row = message(session, KEY)
    assert row.status == status
    assert row.last_error == f"The SMTP server refused the recipient nobody@example.com: {reply}"


def test_after_a_day_of_failures_the_message_is_given_up(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, KEY)
    smtp_server.stop()
    notify.dispatch_due(engine, now=now)
    assert message(session, KEY).status == "queued"
    assert notify.dispatch_due(engine, now=now + timedelta(hours=24)).failed == 1
    row = message(session, KEY)
    assert row.status == "failed" and row.attempts == 2
    assert row.last_error.startswith("Tried for a day, given up. Last answer: The SMTP server at 127.0.0.1:")


def test_the_wait_doubles_up_to_an_hour():
    minutes = [notify.backoff(n) / timedelta(minutes=1) for n in (1, 2, 3, 4, 7, 8, 20)]
    assert minutes == [1, 2, 4, 8, 60, 60, 60]


def test_email_that_is_not_set_up_waits_without_spending_attempts_and_goes_once_it_is(engine, session, admin, now,
                                                                                      smtp_server):
    queue(session, now, KEY)
    counts = notify.dispatch_due(engine, now=now)
    assert (counts.claimed, counts.waiting) == (0, 1)
    row = message(session, KEY)
    assert (row.status, row.attempts) == ("queued", 0)
    assert row.last_error.startswith("E-mail is not set up (No SMTP server is set. No From address is set.)")
    assert attempts(session, KEY) == []
    point_at(session, admin, now, smtp_server)
    assert notify.dispatch_due(engine, now=now + timedelta(minutes=5)).sent == 1


def test_the_server_may_ask_for_a_login(engine, session, admin, now):
    with SmtpServer(credentials=("mailer", "s3cret:@")) as server:
        point_at(session, admin, now, server, smtp_user="mailer", smtp_password="wrong")
        queue(session, now, KEY)
        assert notify.dispatch_due(engine, now=now).retried == 1  # our settings, not the message: retried
        assert "refused the user name or password: 535" in message(session, KEY).last_error
        point_at(session, admin, now, server, smtp_password="s3cret:@")
        assert notify.dispatch_due(engine, now=now + timedelta(minutes=1)).sent == 1
        assert len(server.messages) == 1


def test_the_environment_url_reaches_the_server_with_its_decoded_login(engine, session, now, monkeypatch):
    with SmtpServer(credentials=("mail@er", "p:ss")) as server:
        monkeypatch.setenv("HOFFICE_SMTP_URL", f"smtp://mail%40er:p%3Ass@127.0.0.1:{server.port}")
        monkeypatch.setenv("HOFFICE_MAIL_FROM", "crm@env.example")
        queue(session, now, KEY)
        assert notify.dispatch_due(engine, now=now).sent == 1
        assert server.messages[0]["Message-ID"].endswith("@env.example>")


def test_a_test_email_is_sent_at_once_and_answers_with_the_servers_words(session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    answer = notify.send_test_email(session, admin, "me@example.com")
    assert answer.startswith("250 2.0.0 Ok: queued")
    assert smtp_server.messages[0]["To"] == "me@example.com"
    smtp_server.stop()
    with pytest.raises(DomainError) as err:
        notify.send_test_email(session, admin, "me@example.com")
    assert str(err.value) == f"The SMTP server at 127.0.0.1:{smtp_server.port} refused the connection"


def test_a_test_email_without_a_server_says_what_is_missing(session, admin):
    with pytest.raises(DomainError) as err:
        notify.send_test_email(session, admin, "me@example.com")
    assert str(err.value) == "E-mail is not set up: No SMTP server is set. No From address is set."
