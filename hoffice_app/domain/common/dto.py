"""DTOs every context uses: who is acting, and a choice in a drop-down (never ORM rows)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """Who is acting: the logged-in employee as the rules need it."""

    id: int
    code: str
    name: str
    email: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass
class Option:
    """A choice in a drop-down."""

    value: str
    label: str
