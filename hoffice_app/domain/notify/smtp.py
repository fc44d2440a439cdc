"""Sending one e-mail over SMTP (smtplib): plain text with an HTML alternative.

The Message-ID is made from the message's idempotency key and the From domain, so a message
sent again after a crash carries the same Message-ID as the first copy (mail clients and
servers can recognise the duplicate). What the server answers decides what happens next:

- MAIL FROM / RCPT TO / DATA answered 4xx: retry; answered 5xx: failed (this message will
  never be accepted; the answer is kept for the Outbox screen), except a 5xx about our settings
  (a login needed or refused; relaying or the sender refused, 5.7.x at MAIL FROM / RCPT TO): retry;
- no connection, a timeout, TLS failing, the greeting or EHLO refused, the user name or password
  refused, STARTTLS not offered: retry. These are about the server or our settings, not the
  message: once they are fixed the queue goes out, instead of every message having failed.
"""
from __future__ import annotations

import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from functools import lru_cache

from hoffice_app.domain.notify.channels import SmtpConfig
from hoffice_app.domain.notify.delivery import FAILED, RETRY, SENT, Envelope, Outcome

TIMEOUT = 20.0  # seconds for the connection and for each reply
# The longest one message can take: connection, greeting, EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT
# and DATA, each allowed TIMEOUT (the dispatcher stops starting sends this long before its claim ends).
SLOWEST_SEND = 9 * TIMEOUT
SETTINGS_CODES = frozenset({530, 534, 535, 538})  # authentication required, too weak, refused, TLS required
# RFC 5322 atext without "." and "=": "=" escapes every other byte, so different keys never share an id.
_ATEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/?^_`{|}~")


def message_id(key: str, mail_from: str) -> str:
    """``<key@from-domain>`` with the key's other characters written =XX: the same key always
    gives the same Message-ID, and two keys never the same one."""
    left = "".join(chr(b) if chr(b) in _ATEXT else f"={b:02X}" for b in key.encode())
    domain = parseaddr(mail_from)[1].rpartition("@")[2]
    try:
        domain = domain.encode("idna").decode("ascii") if domain else "localhost"
    except UnicodeError:
        domain = "localhost"
    return f"<{left}@{domain}>"


def build_message(config: SmtpConfig, envelope: Envelope) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = config.mail_from
    msg["To"] = envelope.to
    if config.reply_to:
        msg["Reply-To"] = config.reply_to
    msg["Subject"] = envelope.subject
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = message_id(envelope.key, config.mail_from)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: out-of-office replies stay away
    msg.set_content(envelope.text or "")
    if envelope.html:
        msg.add_alternative(envelope.html, subtype="html")
    return msg


def send_email(config: SmtpConfig, envelope: Envelope, *, timeout: float = TIMEOUT) -> Outcome:
    """Deliver ``envelope`` on a connection of its own; never raises for the server's or the network's sake."""
    with SmtpConnection(config, timeout=timeout) as connection:
        return connection.send(envelope)


class SmtpConnection:
    """One connection to the SMTP server for many messages (a dispatcher's batch): opened at the
    first message, kept while the server takes them, opened again after anything went wrong.
    Saves the connection, greeting, EHLO, TLS and login for every message but the first, on
    our side and on the server's. A connection the server closed while idle is noticed at MAIL
    FROM, before any of the message went, and opened again once, so nothing is sent twice."""

    def __init__(self, config: SmtpConfig, *, timeout: float = TIMEOUT):
        self.config, self.timeout = config, timeout
        self.where = f"{config.host}:{config.port}"
        self._server: smtplib.SMTP | None = None

    def __enter__(self) -> "SmtpConnection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._server is not None:
            server, self._server = self._server, None
            _close(server)

    def send(self, envelope: Envelope) -> Outcome:
        try:
            msg = build_message(self.config, envelope)
        except (ValueError, TypeError) as err:  # e.g. a header that cannot be written
            return Outcome(FAILED, f"The message could not be written: {err}")
        try:
            try:
                outcome = self._deliver(msg, envelope.to)
            except _Stale:
                self.close()
                outcome = self._deliver(msg, envelope.to)
        except _Stale:
            self.close()
            return Outcome(RETRY, f"The SMTP server at {self.where} closed the connection")
        except (smtplib.SMTPException, OSError) as err:
            self.close()
            return _failure(err, self.where, self.timeout)
        if outcome.status != SENT:
            self._reset()
        return outcome

    def _deliver(self, msg: EmailMessage, to: str) -> Outcome:
        reused = self._server is not None
        if not reused:
            self._server = _connect(self.config, self.timeout)
        return _deliver(self._server, self.config, msg, to, self.where, reused=reused)

    def _reset(self) -> None:
        """RSET after a refused message, so the next one starts clean; a connection that cannot is dropped."""
        try:
            self._server.rset()
        except (smtplib.SMTPException, OSError, AttributeError):
            self.close()


class _Stale(Exception):
    """A reused connection was found closed at MAIL FROM: nothing of the message went yet."""


def _failure(err: BaseException, where: str, timeout: float) -> Outcome:
    """What a connection's trouble means: all of it is about the server or our settings (retry)."""
    if isinstance(err, smtplib.SMTPAuthenticationError):
        return Outcome(RETRY, f"The SMTP server at {where} refused the user name or password: {_said(err)}")
    if isinstance(err, smtplib.SMTPNotSupportedError):
        return Outcome(RETRY, f"The SMTP server at {where} does not offer what the settings ask: {err}")
    if isinstance(err, smtplib.SMTPResponseException):  # the greeting or EHLO refused
        return Outcome(RETRY, f"The SMTP server at {where} answered {_said(err)}")
    if isinstance(err, ConnectionRefusedError):
        return Outcome(RETRY, f"The SMTP server at {where} refused the connection")
    if isinstance(err, TimeoutError):
        return Outcome(RETRY, f"The SMTP server at {where} did not answer within {timeout:g} s")
    if isinstance(err, ssl.SSLError):
        return Outcome(RETRY, f"TLS with the SMTP server at {where} failed: {err}")
    if isinstance(err, smtplib.SMTPServerDisconnected):
        return Outcome(RETRY, f"The SMTP server at {where} closed the connection: {err}")
    if isinstance(err, OSError):  # e.g. an unknown host name
        return Outcome(RETRY, f"The SMTP server at {where} could not be reached: {err.strerror or err}")
    return Outcome(RETRY, f"The SMTP server at {where} failed: {err}")


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """The system's trusted certificates, loaded once per process (loading them takes ~25 ms:
    done for every message, it was most of a send's time). An SSLContext may be shared by threads."""
    return ssl.create_default_context()


def _connect(config: SmtpConfig, timeout: float) -> smtplib.SMTP:
    if config.security == "ssl":
        server = smtplib.SMTP_SSL(config.host, config.port, timeout=timeout, context=_tls_context())
    else:
        server = smtplib.SMTP(config.host, config.port, timeout=timeout)
    try:
        server.ehlo()
        if config.security == "starttls":
            server.starttls(context=_tls_context())
            server.ehlo()
        if config.user:
            server.login(config.user, config.password)
    except BaseException:
        _close(server)
        raise
    return server


def _deliver(server: smtplib.SMTP, config: SmtpConfig, msg: EmailMessage, to: str, where: str, *,
             reused: bool = False) -> Outcome:
    """MAIL, RCPT and DATA one by one (not sendmail), to keep the server's answer to each."""
    sender = parseaddr(config.mail_from)[1]
    options: list[str] = []
    if not (sender + to).isascii():
        if not server.has_extn("smtputf8"):
            return Outcome(FAILED, f"The SMTP server at {where} cannot take addresses with non-ASCII characters")
        options = ["SMTPUTF8", "BODY=8BITMIME"]
    try:
        code, said = server.mail(sender, options)
    except smtplib.SMTPServerDisconnected:
        if reused:
            raise _Stale() from None
        raise
    if code != 250:
        return _by_code(code, said, f"The SMTP server refused the sender {sender}", envelope=True)
    code, said = server.rcpt(to)
    if code not in (250, 251):
        return _by_code(code, said, f"The SMTP server refused the recipient {to}", envelope=True)
    try:
        code, said = server.data(msg.as_bytes(policy=policy.SMTPUTF8 if options else policy.SMTP))
    except smtplib.SMTPDataError as err:  # DATA itself refused (no 354)
        code, said = err.smtp_code, err.smtp_error
    if code != 250:
        return _by_code(code, said, "The SMTP server refused the message")
    return Outcome(SENT, f"{code} {_text(said)}")


def _by_code(code: int, said: bytes | str, what: str, *, envelope: bool = False) -> Outcome:
    """4xx: later. 5xx: never — unless it is about our settings rather than the message: a login
    needed or refused (530, 534, 535, 538), or at MAIL FROM / RCPT TO a security refusal (5.7.x:
    relaying denied, sender not permitted), which every message would meet until the settings
    are fixed; those are retried, so fixing the settings sends the backlog."""
    text = _text(said)
    ours = code in SETTINGS_CODES or (envelope and text.lstrip().startswith("5.7."))
    return Outcome(RETRY if 400 <= code < 500 or ours else FAILED, f"{what}: {code} {text}")


def _said(err: smtplib.SMTPResponseException) -> str:
    return f"{err.smtp_code} {_text(err.smtp_error)}"


def _text(said: bytes | str) -> str:
    return said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)


def _close(server: smtplib.SMTP) -> None:
    """QUIT politely; whatever it answers, the message's fate is already known."""
    try:
        server.quit()
    except (smtplib.SMTPException, OSError):
        pass
    finally:
        server.close()
