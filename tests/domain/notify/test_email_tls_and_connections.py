"""E-mail over TLS (STARTTLS and SMTPS, with a login) against a real server holding a
certificate made for the test, and one connection carrying many messages: reused while the
server takes them, opened again when the server closed it, clean again after a refusal."""
from __future__ import annotations

import ssl
import subprocess
from datetime import timedelta

import pytest

from hoffice_app.domain import notify
from hoffice_app.domain.notify import smtp
from tests.domain.notify.helpers import MAIL_FROM, point_at, queue
from tests.notify_servers import SmtpServer


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for "localhost" (openssl, as an administrator would make one)."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return key, cert


@pytest.fixture
def server_tls(certificate):
    key, cert = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


@pytest.fixture
def trusted(certificate, monkeypatch):
    """The test's certificate is the one the sender trusts (as a company's own CA would be)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[1]))
    smtp._tls_context.cache_clear()
    yield
    smtp._tls_context.cache_clear()


def _config(server: SmtpServer, security: str, user: str = "", password: str = "") -> notify.SmtpConfig:
    return notify.SmtpConfig(host="localhost", port=server.port, security=security, user=user, password=password,
                      mail_from=MAIL_FROM, reply_to="")


def _envelope(n: int, to: str = "rep@example.com") -> notify.Envelope:
    return notify.Envelope(key=f"test:{n}", channel="email", to=to, subject=f"Message {n}", text="Hello.")


def test_starttls_with_a_login_delivers(server_tls, trusted):
    with SmtpServer(host="localhost", tls=server_tls, credentials=("mailer", "s3cret")) as server:
        outcome = smtp.send_email(_config(server, "starttls", "mailer", "s3cret"), _envelope(1))
        assert (outcome.status, len(server.messages)) == ("sent", 1)
        refused = smtp.send_email(_config(server, "starttls", "mailer", "wrong"), _envelope(2))
        assert refused.status == "retry" and "refused the user name or password: 535" in refused.answer


def test_smtps_delivers_over_tls_from_the_first_byte(server_tls, trusted):
    with SmtpServer(host="localhost", tls=server_tls, implicit_tls=True) as server:
        assert smtp.send_email(_config(server, "ssl"), _envelope(1)).status == "sent"
        assert server.messages[0]["Subject"] == "Message 1"


def test_a_certificate_nobody_trusts_is_retried_and_says_why(server_tls):
    smtp._tls_context.cache_clear()
    with SmtpServer(host="localhost", tls=server_tls) as server:
        outcome = smtp.send_email(_config(server, "starttls"), _envelope(1))
    assert outcome.status == "retry" and "TLS with the SMTP server at localhost" in outcome.answer
    assert "certificate verify failed" in outcome.answer and not server.messages


def test_starttls_asked_of_a_server_without_it_is_retried_and_sends_nothing_in_clear(smtp_server):
    smtp_server.host = "localhost"
    outcome = smtp.send_email(_config(smtp_server, "starttls"), _envelope(1))
    assert outcome.status == "retry" and "does not offer what the settings ask" in outcome.answer
    assert not smtp_server.messages


def test_a_batch_goes_over_one_connection_per_lane(engine, session, admin, now, smtp_server):
    point_at(session, admin, now, smtp_server)
    for n in range(40):
        queue(session, now, f"followup:{n}:due:email:3", to=f"rep{n % 10}@example.com")
    assert notify.dispatch_due(engine, now=now, batch=100).sent == 40
    assert len(smtp_server.messages) == 40
    assert len(set(smtp_server.peers)) <= 4  # one connection per lane, not one per message


def test_a_connection_the_server_closed_is_opened_again_and_nothing_goes_twice(smtp_server):
    with smtp.SmtpConnection(_config(smtp_server, "none")) as connection:
        assert connection.send(_envelope(1)).status == "sent"
        smtp_server.stop()  # closes every connection, as a server's idle timeout would
        smtp_server.start()
        assert connection.send(_envelope(2)).status == "sent"
        assert connection.send(_envelope(3)).status == "sent"
    assert [m["Subject"] for m in smtp_server.messages] == ["Message 1", "Message 2", "Message 3"]
    assert len(set(smtp_server.peers)) == 2


def test_after_a_refused_message_the_same_connection_takes_the_next(smtp_server):
    with smtp.SmtpConnection(_config(smtp_server, "none")) as connection:
        smtp_server.rcpt_reply = "550 5.1.1 No such user"
        assert connection.send(_envelope(1, "nobody@example.com")).status == "failed"
        smtp_server.rcpt_reply = None
        smtp_server.data_reply = "451 4.3.0 Try later"
        assert connection.send(_envelope(2)).status == "retry"
        smtp_server.data_reply = None
        assert connection.send(_envelope(3)).status == "sent"
    assert [m["Subject"] for m in smtp_server.messages] == ["Message 3"]
    assert len(set(smtp_server.peers)) == 1


def test_a_server_down_mid_batch_leaves_the_rest_to_retry_then_all_arrive_once(engine, session, admin, now,
                                                                                smtp_server):
    point_at(session, admin, now, smtp_server)
    for n in range(6):
        queue(session, now, f"followup:{n}:due:email:3")
    smtp_server.stop()
    assert notify.dispatch_due(engine, now=now).retried == 6
    smtp_server.start()
    assert notify.dispatch_due(engine, now=now + timedelta(minutes=1)).sent == 6
    assert len(set(smtp_server.message_ids())) == len(smtp_server.messages) == 6
