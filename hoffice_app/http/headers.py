"""Security headers on every HTTP response of the backend process: the plain ``/files/…``
routes, Reflex's own endpoints (``/_upload``, ``/ping``…) and — in production, where
``reflex run --env prod`` serves the compiled frontend from the same process and port — every
page. Wrapping the whole backend (``api_transformer`` in ``hoffice_app.py``) is the one place
that sees all three.

- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: same-origin``, ``X-Frame-Options: DENY``.
- ``Content-Security-Policy``. A page gets ``frame-ancestors 'none'`` (no other site may frame
  the log-in page), scripts only from the app's origin plus the inline scripts the build
  wrote into its HTML, allowed one by one by their SHA-256 (React Router's hydration data, the
  theme and scroll scripts; read from the built pages once). ``'unsafe-eval'`` stays: Reflex
  runs ``rx.call_script`` (the tab titles) through ``eval``, so without it every page that
  sets its title breaks. Styles keep ``'unsafe-inline'`` (emotion and Radix write ``<style>``
  and ``style=""`` at run time). Anything that is not a page gets ``default-src 'none'``, so a
  file that a browser did render could run nothing. A 304 gets no policy: the page the
  browser kept keeps its own.
- Every file ``/files/…`` sends is a download: a successful answer carries
  ``Content-Disposition: attachment``, whatever the route set (a refusal stays a readable
  sentence).
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALWAYS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}
NOT_A_PAGE = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", re.S | re.I)
DOWNLOADS = "/files/"
# A 304 has no Content-Type, and the browser copies its headers onto the page it kept: a policy
# for "not a page" there would block every script of that page on its next visit.
NOT_MODIFIED = 304


def inline_script_hashes(static_dir: Path | None) -> tuple[str, ...]:
    """``'sha256-…'`` of every inline script in the built pages (none when there is no build)."""
    if static_dir is None or not static_dir.is_dir():
        return ()
    found = {hashlib.sha256(body).digest() for page in sorted(static_dir.rglob("*.html"))
             for body in INLINE_SCRIPT.findall(page.read_bytes())}
    return tuple(sorted(f"'sha256-{base64.b64encode(digest).decode()}'" for digest in found))


def page_policy(script_hashes: Iterable[str], origins: Iterable[str]) -> str:
    """The Content-Security-Policy of an HTML page."""
    sockets = [origin.replace("http", "ws", 1) for origin in origins]
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self' 'unsafe-eval'", *script_hashes]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        " ".join(["connect-src 'self'", *origins, *sockets]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def as_attachment(disposition: str | None) -> str:
    """``inline; filename=…`` or nothing becomes ``attachment…``; an attachment stays as it is."""
    if not disposition:
        return "attachment"
    kind, sep, rest = disposition.partition(";")
    return disposition if kind.strip().lower() == "attachment" else f"attachment{sep}{rest}"


class SecurityHeaders:
    """ASGI middleware adding the headers above to every ``http`` response."""

    def __init__(self, app: ASGIApp, *, origins: Iterable[str], static_dir: Path | None = None):
        self.app, self.origins, self.static_dir = app, tuple(origins), static_dir
        self._page_policy: str | None = None

    def page_policy(self) -> str:
        """Built on first use: the frontend build may finish after this app object is made."""
        if self._page_policy is None:
            self._page_policy = page_policy(inline_script_hashes(self.static_dir), self.origins)
        return self._page_policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        download = scope["path"].startswith(DOWNLOADS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    headers[name] = value
                if message["status"] != NOT_MODIFIED:
                    is_page = headers.get("content-type", "").startswith("text/html")
                    headers["Content-Security-Policy"] = self.page_policy() if is_page else NOT_A_PAGE
                if download and 200 <= message["status"] < 300:
                    headers["Content-Disposition"] = as_attachment(headers.get("content-disposition"))
            await send(message)

        await self.app(scope, receive, send_with_headers)
