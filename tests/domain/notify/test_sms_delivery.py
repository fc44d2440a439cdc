"""SMS through a real HTTP server playing the gateway: the templates filled in and encoded, the
gateway's answers (2xx sent, 5xx retried, other 4xx failed), long texts in parts, DLT fields."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from hoffice_app.domain import notify
from hoffice_app.domain.common import DomainError
from tests.domain.notify.helpers import message, point_at, queue

KEY = "followup:12:due:sms:3"
TEXT = 'Call "Shree Ganesh" & Sons at 10:30 — 100% sure?'


def test_a_get_gateway_gets_each_value_url_encoded(engine, session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway)
    queue(session, now, KEY, channel="sms", text=TEXT)
    assert notify.dispatch_due(engine, now=now).sent == 1
    [request] = gateway.requests
    assert (request.method, request.path) == ("GET", "/send")
    assert request.query == {"to": ["+919876543210"], "text": [TEXT]}  # decoded back exactly
    row = message(session, KEY)
    assert row.status == "sent" and row.last_error == ""


def test_the_url_carries_the_plus_and_the_ampersand_percent_encoded(engine, session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway)
    queue(session, now, KEY, channel="sms", text="Tea & biscuits")
    notify.dispatch_due(engine, now=now)
    assert gateway.requests[0].target == "/send?to=%2B919876543210&text=Tea%20%26%20biscuits"


def test_to_digits_gives_the_number_without_its_plus_as_indian_gateways_ask(engine, session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway,
             sms_url=gateway.url("/api/sendhttp.php?authkey=KEY&mobiles={to_digits}&message={text}&route=4"))
    queue(session, now, KEY, channel="sms", text="Hello")
    notify.dispatch_due(engine, now=now)
    assert gateway.requests[0].query["mobiles"] == ["919876543210"]


@pytest.mark.parametrize("status", [500, 503])
def test_a_gateway_error_is_retried(engine, session, admin, now, gateway, status):
    point_at(session, admin, now, gateway=gateway)
    queue(session, now, KEY, channel="sms")
    gateway.status, gateway.answer = status, '{"error": "upstream down"}'
    assert notify.dispatch_due(engine, now=now).retried == 1
    row = message(session, KEY)
    assert (row.status, row.attempts, row.next_attempt_at) == ("queued", 1, now + timedelta(minutes=1))
    assert row.last_error == f'The gateway answered {status}: {{"error":"upstream down"}}'
    gateway.status = 200
    assert notify.dispatch_due(engine, now=now + timedelta(minutes=1)).sent == 1


@pytest.mark.parametrize(("status", "answer"), [(401, "Invalid API key"), (400, '{"error": "bad number"}')])
def test_a_refusal_fails_the_message_and_the_outbox_screen_shows_why(engine, session, admin, now, gateway, status,
                                                                     answer):
    point_at(session, admin, now, gateway=gateway)
    queue(session, now, KEY, channel="sms")
    gateway.status, gateway.answer = status, answer
    assert notify.dispatch_due(engine, now=now).failed == 1
    page = notify.outbox_page(session, admin, status="failed", offset=0, limit=10)
    [row] = page.rows
    assert (row.channel, row.to, row.status, row.attempts) == ("sms", "+919876543210", "failed", 1)
    assert row.last_error.startswith(f"The gateway answered {status}: ")
    assert page.counts["failed"] == 1 and page.total == 1


def test_a_gateway_that_is_down_is_retried(engine, session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway)
    queue(session, now, KEY, channel="sms")
    gateway.stop()
    assert notify.dispatch_due(engine, now=now).retried == 1
    assert message(session, KEY).last_error == f"The gateway at 127.0.0.1:{gateway.port} refused the connection"
    gateway.start()
    assert notify.dispatch_due(engine, now=now + timedelta(minutes=1)).sent == 1


def test_a_json_post_body_gets_each_value_json_escaped(engine, session, admin, now, gateway):
    body = '{"to": "{to}", "message": "{text}", "dlt": {"template": "{template_id}", "pe": "{entity_id}", ' \
           '"header": "{sender}"}}'
    point_at(session, admin, now, gateway=gateway, sms_url=gateway.url("/v1/messages?key=k1"), sms_method="POST",
             sms_body_kind="json", sms_body=body, sms_dlt="1", sms_entity_id="1101234567890123456",
             sms_sender="HOFFCE")
    queue(session, now, KEY, channel="sms", text=TEXT + "\nline two", template_id="1107161234567890123")
    assert notify.dispatch_due(engine, now=now).sent == 1
    [request] = gateway.requests
    assert (request.method, request.path, request.query) == ("POST", "/v1/messages", {"key": ["k1"]})
    assert request.headers["Content-Type"].startswith("application/json")
    assert request.json() == {"to": "+919876543210", "message": TEXT + "\nline two",
                              "dlt": {"template": "1107161234567890123", "pe": "1101234567890123456",
                                      "header": "HOFFCE"}}


def test_a_form_post_body_gets_each_value_form_encoded(engine, session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway, sms_url=gateway.url("/post"), sms_method="POST",
             sms_body="mobile={to}&msg={text}&sender={sender}", sms_sender="HOFFCE")
    queue(session, now, KEY, channel="sms", text=TEXT)
    notify.dispatch_due(engine, now=now)
    [request] = gateway.requests
    assert request.form == {"mobile": ["+919876543210"], "msg": [TEXT], "sender": ["HOFFCE"]}


def test_dlt_fields_go_where_the_url_asks(engine, session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway, sms_dlt="1", sms_entity_id="1101234567890123456",
             sms_sender="HOFFCE",
             sms_url=gateway.url("/send?to={to}&text={text}&tid={template_id}&pe={entity_id}&from={sender}"))
    queue(session, now, KEY, channel="sms", text="Your OTP is 1234", template_id="1107161234567890123")
    queue(session, now, "without-template", channel="sms", text="No template")
    counts = notify.dispatch_due(engine, now=now)
    assert (counts.sent, counts.failed) == (1, 1)
    [request] = gateway.requests
    assert request.query == {"to": ["+919876543210"], "text": ["Your OTP is 1234"], "tid": ["1107161234567890123"],
                             "pe": ["1101234567890123456"], "from": ["HOFFCE"]}
    assert message(session, "without-template").last_error == (
        "DLT is on, but this message has no DLT template id: enter the template's DLT id.")


def test_a_long_sms_arrives_in_numbered_parts_within_one_sms_each(engine, session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway)
    words = " ".join(f"word{i}" for i in range(60))  # ~410 characters
    queue(session, now, KEY, channel="sms", text=words)
    assert notify.dispatch_due(engine, now=now).sent == 3
    texts = [r.query["text"][0] for r in gateway.requests]
    assert [t[:6] for t in texts] == ["(1/3) ", "(2/3) ", "(3/3) "]
    assert all(len(t) <= 160 for t in texts) and " ".join(t[6:] for t in texts) == words


def test_splitting_counts_as_an_sms_does():
    assert notify.split_text("short") == ["short"]
    assert notify.split_text("x" * 160) == ["x" * 160]
    assert len(notify.split_text("[" * 80)) == 1 and len(notify.split_text("[" * 81)) == 2  # [ costs two
    hindi = "नमस्ते " * 20  # Unicode: 70 per SMS
    parts = notify.split_text(hindi)
    assert len(parts) > 1 and all(len(p) <= 70 for p in parts)
    huge = notify.split_text("y" * 5000)
    assert len(huge) == 6 and huge[-1].endswith("...") and all(len(p) <= 160 for p in huge)


def test_a_test_sms_answers_with_the_gateways_words(session, admin, now, gateway):
    point_at(session, admin, now, gateway=gateway)
    assert notify.send_test_sms(session, admin, "+919876543210") == 'The gateway answered 200: {"status":"accepted"}'
    gateway.status, gateway.answer = 401, json.dumps({"error": "Invalid API key"})
    with pytest.raises(DomainError) as err:
        notify.send_test_sms(session, admin, "+919876543210")
    assert str(err.value) == 'The gateway answered 401: {"error":"Invalid API key"}'
