"""What the Reflex state knows of the browser's session, without Reflex: the token from
the websocket handshake's cookie, the key that ties a state tree to one session, the
exception that ends an event when the session is gone, and the page script that hands a
log-in ticket (or a log-out) to the plain HTTP routes that own the cookie.

The token is read from the handshake on every call, never stored in a state var: state
vars travel to the browser, and the cookie is HttpOnly precisely so that no page script
ever holds the token. A handshake's cookies are fixed for the life of the websocket; a
new cookie reaches the state after a full page load, which is why the routes answer with
a redirect the browser follows as one.
"""
from __future__ import annotations

import hashlib
import json
from urllib.parse import unquote

from hoffice_app import routes

ENDED_MESSAGE = "Your session has ended. Please log in again."
REASONS = {
    "expired": ENDED_MESSAGE,
    "retry": "Logging in took too long or was interrupted. Please log in again.",
}


class SessionEnded(Exception):
    """The session behind this event is gone (timed out, revoked, employee deactivated,
    password reset). Deliberately not a ``DomainError``: handlers that turn domain
    refusals into a toast let it through to the app's backend exception handler, which
    sends the browser to /login with the reason (``session_guard``)."""


def token_from(cookie_header: str) -> str:
    """The session token in a Cookie header ("" when there is none). Parsed leniently, as
    browsers send it: a malformed cookie of another app on this host changes nothing."""
    for part in (cookie_header or "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name.strip() == routes.SESSION_COOKIE:
            return unquote(value.strip().strip('"'))
    return ""


def session_key(token: str) -> str:
    """What a state tree remembers of the session it was built for: a digest, so the token
    itself is kept nowhere but the cookie."""
    return hashlib.sha256(token.encode()).hexdigest() if token else ""


def post_and_load(path: str, fields: dict[str, str]) -> str:
    """Page script: POST ``fields`` to ``path`` as a plain form, so the browser loads the
    answer as a new page (the cookie it sets then reaches the new websocket's handshake)."""
    return ("(() => { const form = document.createElement('form'); form.method = 'post'; "
            f"form.action = {json.dumps(path)}; form.style.display = 'none'; "
            f"for (const [name, value] of Object.entries({json.dumps(fields)})) {{ "
            "const input = document.createElement('input'); input.type = 'hidden'; "
            "input.name = name; input.value = value; form.appendChild(input); } "
            "document.body.appendChild(form); form.submit(); })()")
