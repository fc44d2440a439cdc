"""Real servers for the notification tests: an SMTP server (aiosmtpd) and an HTTP server that
plays the SMS gateway, each on a free local port, collecting what they receive.

Both can be told how to answer (an SMTP 4xx/5xx reply, an HTTP status), to be slow, and can be
stopped and started again on the same port to play a server that is down for a while. Used by
the domain tests (tests/domain/notify) and meant for the browser tests too: nothing here
depends on pytest.
"""
from __future__ import annotations

import asyncio
import json
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

__test__ = False  # nothing to collect


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Collected:
    """A list that can be waited on: ``wait_for(n)`` returns once n items arrived (or the timeout)."""

    def __init__(self) -> None:
        self.items: list = []
        self._changed = threading.Condition()

    def add(self, item) -> None:
        with self._changed:
            self.items.append(item)
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: len(self.items) >= count, timeout)

    def wait_until(self, found, timeout: float = 10.0) -> bool:
        """Whether an item for which ``found(item)`` is true arrived within ``timeout``."""
        with self._changed:
            return self._changed.wait_for(lambda: any(found(i) for i in self.items), timeout)


class SmtpServer:
    """An SMTP server on 127.0.0.1. ``messages`` are the e-mails it accepted (or began to: with
    ``delay`` a message is recorded as it arrives, then the 250 comes ``delay`` seconds later, so
    a client killed meanwhile never hears it). ``rcpt_reply`` / ``data_reply`` (e.g. "451 4.3.0
    Try later", "550 5.1.1 No such user") answer RCPT TO / DATA instead of accepting (a message
    refused at DATA is kept in ``refused``). With
    ``credentials=(user, password)`` it offers AUTH and refuses other credentials (535). With
    ``tls`` (an SSLContext holding its certificate) it requires STARTTLS, or with ``implicit_tls``
    speaks TLS from the first byte (SMTPS). ``peers`` are the client addresses of the messages
    it accepted: one per connection used."""

    def __init__(self, port: int | None = None, *, credentials: tuple[str, str] | None = None,
                 tls: ssl.SSLContext | None = None, implicit_tls: bool = False, host: str = "127.0.0.1"):
        self.host, self.port = host, port or free_port()
        self.credentials = credentials
        self.tls, self.implicit_tls = tls, implicit_tls
        self.peers: list[tuple[str, int]] = []
        self.rcpt_reply: str | None = None
        self.data_reply: str | None = None
        self.delay = 0.0
        self.refused: list[EmailMessage] = []  # what DATA answered with ``data_reply``
        self._collected = _Collected()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return list(self._collected.items)

    def record(self, message: EmailMessage) -> None:
        self._collected.add(message)

    def wait_for_message(self, found, timeout: float = 10.0) -> bool:
        """Whether a message for which ``found(message)`` is true arrived within ``timeout``."""
        return self._collected.wait_until(found, timeout)

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        return self._collected.wait_for(count, timeout)

    def start(self) -> "SmtpServer":
        options: dict = {}
        if self.credentials:
            # AUTH offered over plain text (a local test server) and the credentials checked
            options = {"authenticator": self._authenticate, "auth_require_tls": False}
        if self.tls and self.implicit_tls:
            options |= {"ssl_context": self.tls}
        elif self.tls:
            options |= {"tls_context": self.tls, "require_starttls": True}
        self._controller = Controller(_Handler(self), hostname=self.host, port=self.port, ready_timeout=10,
                                      **options)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def _authenticate(self, _server, _session, _envelope, _mechanism, auth_data) -> AuthResult:
        user, password = self.credentials
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)  # False: aiosmtpd answers 235 or 535 itself

    def __enter__(self) -> "SmtpServer":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()


class _Handler:
    def __init__(self, owner: SmtpServer):
        self.owner = owner

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 — aiosmtpd's name
        if self.owner.rcpt_reply:
            return self.owner.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        if self.owner.data_reply:
            self.owner.refused.append(message)
            return self.owner.data_reply
        self.owner.peers.append(tuple(session.peer[:2]))
        self.owner.record(message)
        if self.owner.delay:
            await asyncio.sleep(self.owner.delay)
        return f"250 2.0.0 Ok: queued as {len(self.owner.messages)}"


@dataclass
class GatewayRequest:
    """One request the gateway received."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""
    form: dict[str, list[str]] = field(default_factory=dict)
    target: str = ""  # the request line's path and query as sent, before decoding

    def json(self):
        return json.loads(self.body)


class _ReusingServer(ThreadingHTTPServer):
    allow_reuse_address = True  # started again on the same port right after a stop
    daemon_threads = True


class SmsGateway:
    """An HTTP server on 127.0.0.1 playing an SMS gateway: every request is recorded in
    ``requests`` and answered ``status`` with ``answer`` as its body."""

    def __init__(self, port: int | None = None):
        self.host, self.port = "127.0.0.1", port or free_port()
        self.status = 200
        self.answer = '{"status": "accepted"}'
        self._collected = _Collected()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def requests(self) -> list[GatewayRequest]:
        return list(self._collected.items)

    def url(self, path_and_query: str = "/send?to={to}&text={text}") -> str:
        return f"http://{self.host}:{self.port}{path_and_query}"

    def wait_for_request(self, found, timeout: float = 10.0) -> bool:
        """Whether a request for which ``found(request)`` is true arrived within ``timeout``."""
        return self._collected.wait_until(found, timeout)

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        return self._collected.wait_for(count, timeout)

    def start(self) -> "SmsGateway":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                form = parse_qs(body.decode(errors="replace")) if "form" in self.headers.get("Content-Type", "") \
                    else {}
                owner._collected.add(GatewayRequest(self.command, parts.path, parse_qs(parts.query),
                                                    dict(self.headers.items()), body, form, self.path))
                answer = owner.answer.encode()
                self.send_response(owner.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_GET = do_POST = _answer  # noqa: N815 — http.server's names

            def log_message(self, *_args) -> None:  # quiet
                pass

        self._server = _ReusingServer((self.host, self.port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="sms-gateway", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)
            self._server = self._thread = None

    def __enter__(self) -> "SmsGateway":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()
