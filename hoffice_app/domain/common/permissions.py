"""Role checks. Called by every domain function that reads or writes, so a
Reflex handler invoked directly over the websocket is refused just the same."""
from __future__ import annotations

from hoffice_app.domain.common.dto import Actor
from hoffice_app.domain.common.errors import PermissionDenied

ROLES = ("admin", "manager", "executive")
ROLE_LABELS = {"admin": "Administrator", "manager": "Manager", "executive": "Executive"}


def require_actor(actor: Actor | None) -> Actor:
    if actor is None:
        raise PermissionDenied("Please log in first.")
    return actor


def require_admin(actor: Actor | None) -> Actor:
    actor = require_actor(actor)
    if not actor.is_admin:
        raise PermissionDenied("Only an administrator can do that.")
    return actor
