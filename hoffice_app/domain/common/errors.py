"""Errors the domain raises; their messages are written for the user."""
from __future__ import annotations


class DomainError(Exception):
    """A rule refused the request; ``str(err)`` is safe to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input. ``errors`` maps a field name to its message, so a form can
    show each message next to its field."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    def __init__(self, message: str = "You do not have permission to do that."):
        super().__init__(message)
