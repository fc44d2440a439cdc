"""Readable, immutable codes (C000123) from a counter row in the same transaction."""
from __future__ import annotations

from sqlmodel import Session

from hoffice_app.models import CodeCounter

PREFIXES = {"contact": ("C", 6), "lead": ("L", 6)}


def allocate(session: Session, name: str, count: int = 1) -> list[str]:
    """Reserve ``count`` consecutive codes. Rolled back with the caller's
    transaction, so a failed save or import burns no numbers."""
    prefix, width = PREFIXES[name]
    counter = session.get(CodeCounter, name, with_for_update=True) or CodeCounter(name=name, last_value=0)
    first = counter.last_value + 1
    counter.last_value += count
    session.add(counter)
    session.flush()
    return [f"{prefix}{n:0{width}d}" for n in range(first, first + count)]
