"""The session cookie's two routes: the only places it is set or cleared.

- POST /auth/session (form: ``ticket``, ``next``): exchanges the one-time ticket the log-in
  event answered with (domain/auth/tickets.py) for a new session, puts its token in an
  HttpOnly cookie and sends the browser on to ``next`` with a full page load, so the
  websocket reconnects and its handshake carries the cookie (the Reflex state reads the
  session there, never from page JavaScript).
- POST /auth/logout: ends the session and clears the cookie, then /login.

Why plain HTTP responses: a cookie written by page JavaScript (``rx.Cookie``) can never
be HttpOnly, so any script injected into the page could read the token. The cookie is
SameSite=Strict (a cross-site page's request, its websocket included, does not carry it)
and Secure when the app is served over https. Both routes refuse a request whose Origin
is another site, so no other site can log a browser in or out.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.auth import logout, start_session
from hoffice_app.http.common import COOKIE, PRIVATE, refused, token_of

MAX_FORM_BYTES = 4096
RETRY = f"{routes.LOGIN}?reason=retry"


def is_https(request: Request) -> bool:
    """Served over https, directly or behind a proxy that says so (a client lying about it
    only makes its own cookie stricter)."""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def same_origin(request: Request) -> bool:
    """A browser names the page a POST comes from in Origin; it must be this site (the
    host the request was sent to). No Origin at all: not a cross-site browser request."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower() != ""


def _cookie_attributes(request: Request) -> dict:
    return {"path": "/", "httponly": True, "samesite": "strict", "secure": is_https(request)}


def _see_other(target: str) -> Response:
    return RedirectResponse(target, status_code=303, headers=PRIVATE)


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}


async def open_session(request: Request) -> Response:
    if not same_origin(request):
        return refused(403, "This request did not come from this site.")
    form = await _form(request)
    source = request.client.host if request.client else ""

    def exchange():
        with unit_of_work() as session:
            return start_session(session, form.get("ticket", ""), now=utcnow(), source=source,
                                 replacing=token_of(request))
    started = await run_in_threadpool(exchange)
    if started is None:
        response = _see_other(RETRY)
        response.delete_cookie(COOKIE, **_cookie_attributes(request))
        return response
    response = _see_other(routes.safe_next(form.get("next", "")))
    response.set_cookie(COOKIE, started.token, **_cookie_attributes(request))
    return response


async def close_session(request: Request) -> Response:
    if not same_origin(request):
        return refused(403, "This request did not come from this site.")
    token = token_of(request)

    def end():
        with unit_of_work() as session:
            logout(session, token, now=utcnow())
    if token:
        await run_in_threadpool(end)
    response = _see_other(routes.LOGIN)
    response.delete_cookie(COOKIE, **_cookie_attributes(request))
    return response


ROUTES = [
    Route(routes.AUTH_SESSION, open_session, methods=["POST"]),
    Route(routes.AUTH_LOGOUT, close_session, methods=["POST"]),
]
