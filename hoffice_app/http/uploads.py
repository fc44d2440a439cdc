"""A guard in front of Reflex's upload endpoint (``POST /_upload``), which otherwise takes
the whole body — and hands it to the named event handler — from anyone.

Before a byte of the body is read, the guard answers
- 403 when the request comes from a page of another origin (``hoffice_app.origins``), or names
  an upload handler it does not know, or the employee's role may not use that handler;
- 401 when the session cookie is missing or no longer good (the same check as every
  ``/files/…`` route and every Reflex handler: ``domain.auth.actor_for_token``);
- 413 when ``Content-Length`` says the body is over the handler's limit (plus ``OVERHEAD`` for
  the multipart wrapping).
A body without a length is counted while it streams and cut off at the same limit: the
handler then sees a client that went away, and the browser gets the 413.

Only then the rule's ``on_accept`` runs (the import's rule removes stale uploads) and the
request goes on to Reflex. Plain ASGI and Starlette; which handlers exist is wired in
``hoffice_app/hoffice_app.py``.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import anyio
from sqlmodel import Session
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.auth import actor_for_token
from hoffice_app.domain.common import ROLES
from hoffice_app.http.common import refused, token_of

OVERHEAD = 64 * 1024  # multipart boundaries, part headers and Reflex's bound-arguments field
HANDLER_HEADER = "reflex-event-handler"


@dataclass(frozen=True)
class UploadRule:
    """What one upload handler accepts: files of at most ``limit(session)`` bytes in all, from
    these roles; ``on_accept(session, now)`` runs once an upload is let through."""

    limit: Callable[[Session], int]
    roles: tuple[str, ...] = ROLES
    on_accept: Callable[..., object] | None = None


@dataclass(frozen=True)
class _Verdict:
    status: int = 0
    message: str = ""
    limit: int = 0


def _mb(size: int) -> str:
    return f"{size / 2**20:g} MB"


class UploadGuard:
    """ASGI middleware: checks ``POST <path>`` as the module says; anything else passes untouched."""

    def __init__(self, app: ASGIApp, *, rules: Mapping[str, UploadRule], origins: Sequence[str],
                 path: str = "/_upload"):
        self.app, self.rules, self.origins, self.path = app, dict(rules), frozenset(origins), path.rstrip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        verdict = self._before_session(headers)
        if not verdict.status:
            check = functools.partial(self._session_verdict, headers.get(HANDLER_HEADER, ""),
                                      token_of(Request(scope)), utcnow())
            verdict = await anyio.to_thread.run_sync(check)
        if not verdict.status:
            verdict = self._length_verdict(headers, verdict.limit)
        if verdict.status:
            await refused(verdict.status, verdict.message)(scope, receive, send)
            return
        await self._capped(scope, receive, send, verdict.limit)

    def _before_session(self, headers: Headers) -> _Verdict:
        origin = headers.get("origin")
        if origin is not None and origin not in self.origins:
            return _Verdict(403, "Uploads are accepted only from the app's own pages.")
        return _Verdict()

    def _session_verdict(self, handler: str, token: str, now: datetime) -> _Verdict:
        with unit_of_work() as session:
            actor = actor_for_token(session, token, now=now) if token else None
            if actor is None:
                return _Verdict(401, "Please log in first.")
            rule = self.rules.get(handler)
            if rule is None:
                return _Verdict(403, "This page does not take uploads.")
            if actor.role not in rule.roles:
                return _Verdict(403, "Your role may not upload files here.")
            limit = rule.limit(session)
            if rule.on_accept is not None:
                rule.on_accept(session, now=now)
            return _Verdict(limit=limit)

    def _length_verdict(self, headers: Headers, limit: int) -> _Verdict:
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit + OVERHEAD:
            return _Verdict(413, f"The upload is over the limit of {_mb(limit)}.", limit)
        return _Verdict(limit=limit)

    async def _capped(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """Passes the request on, cutting the body off past ``limit + OVERHEAD`` bytes; then the
        app's answer (to a client that seems gone) is replaced by the 413."""
        cap, seen, over, started = limit + OVERHEAD, 0, False, False

        async def capped_receive() -> Message:
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over and not started:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, capped_receive, guarded_send)
        if over and not started:
            await refused(413, f"The upload is over the limit of {_mb(limit)}.")(scope, receive, send)
