"""Where the app meets Reflex's event processing for sessions: before a (re)connected tab
is sent its state, the tree is checked against the session the tab connected with
(``SessionGuard``); an event that finds its session gone sends the tab to /login
(``on_backend_error``).

Why at the hydrate: it is the one event every page load and every reconnect starts
with, and it sends the whole state. Resetting there, before the snapshot, means a page
never shows, even for a moment, what the tree held for somebody else — whichever way
the session changed (log-out and log-in, a log-in in another tab, a session that ended).

No ``from __future__ import annotations`` here: Reflex checks the exception handler's
annotations by evaluating them.
"""
from reflex.app import default_backend_exception_handler
from reflex.event import EventSpec
from reflex.middleware import Middleware
from reflex.state import State
from reflex_base.utils.format import format_event_handler

from hoffice_app.state.auth import AuthState
from hoffice_app.state.session import SessionEnded

HYDRATE_EVENTS = frozenset(format_event_handler(State.event_handlers[name]) for name in ("hydrate", "hydrate_and_load"))


class SessionGuard(Middleware):
    """Resets every page state of a tab that connects with another session than the one
    its state tree was built for."""

    async def preprocess(self, app, state, event):
        if event.name in HYDRATE_EVENTS:
            auth = await state.get_state(AuthState)
            await auth.adopt_session()
        return None


def on_backend_error(exception: Exception) -> EventSpec:
    """A handler stopped by ``SessionEnded`` sends the tab to /login with the reason (no
    error logged: it is not one); anything else goes to Reflex's own handler."""
    if isinstance(exception, SessionEnded):
        return AuthState.session_ended()
    return default_backend_exception_handler(exception)
