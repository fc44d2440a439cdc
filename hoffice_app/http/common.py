"""What every plain HTTP route shares: who is asking (the session cookie, checked before a
byte is read), the private headers, refusals in one sentence, and a download's file name.

The browser's HttpOnly session cookie (``routes.SESSION_COOKIE``, set by ``sessions``) is
the one the Reflex state reads from its websocket handshake; the domain decides what the
employee may have. Missing and hidden things get the same 404.
"""
from __future__ import annotations

from urllib.parse import quote, unquote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.auth import actor_for_token
from hoffice_app.domain.common import DomainError, NotFound

COOKIE = routes.SESSION_COOKIE
PRIVATE = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"}


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the exact name as RFC 5987 ``filename*``."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;' else "_" for c in filename) or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def token_of(request: Request) -> str:
    return unquote(request.cookies.get(COOKIE, "").strip().strip('"'))


def refused(status: int, message: str) -> Response:
    return PlainTextResponse(message, status_code=status, headers=PRIVATE)


def with_actor(request: Request, work) -> Response:
    """Runs ``work(session, actor)`` for the logged-in employee; domain refusals become 404 or 400."""
    token = token_of(request)
    try:
        with unit_of_work() as session:
            actor = actor_for_token(session, token, now=utcnow()) if token else None
            if actor is None:
                return refused(401, "Please log in first.")
            return work(session, actor)
    except NotFound as err:
        return refused(404, err.message)
    except DomainError as err:
        return refused(400, err.message)
