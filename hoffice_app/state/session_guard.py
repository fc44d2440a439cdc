"""Where the app meets Reflex's event processing for sessions: an event that finds its
session gone sends the tab to /login (``on_backend_error``).

No ``from __future__ import annotations`` here: Reflex checks the exception handler's
annotations by evaluating them.
"""
from reflex.app import default_backend_exception_handler
from reflex.event import EventSpec

from hoffice_app.state.auth import AuthState
from hoffice_app.state.session import SessionEnded


def on_backend_error(exception: Exception) -> EventSpec:
    """A handler stopped by ``SessionEnded`` sends the tab to /login with the reason (no
    error logged: it is not one); anything else goes to Reflex's own handler."""
    if isinstance(exception, SessionEnded):
        return AuthState.session_ended()
    return default_backend_exception_handler(exception)
