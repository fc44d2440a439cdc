"""Errors the domain raises; their messages are written for the user.

A message is read in the company's words: "lead" becomes "inquiry" where the company calls
leads inquiries (``wording.say`` with the terms of the request being served)."""
from __future__ import annotations

from hoffice_app.domain.common import wording


class DomainError(Exception):
    """A rule refused the request; ``str(err)`` is safe to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.written = message  # as the rule wrote it, with "lead"

    @property
    def message(self) -> str:
        return wording.say(self.written)

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """Bad input. ``errors`` maps a field name to its message, so a form can
    show each message next to its field."""

    def __init__(self, errors: dict[str, str]):
        self.written_errors = dict(errors)
        super().__init__(" ".join(self.written_errors.values()))

    @property
    def errors(self) -> dict[str, str]:
        return wording.say_each(self.written_errors)


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    def __init__(self, message: str = "You do not have permission to do that."):
        super().__init__(message)
