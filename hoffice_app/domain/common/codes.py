"""Readable, immutable codes (C000123) from a counter row in the same transaction
(``allocate``), or, for a long bulk write on PostgreSQL, in a short one of their own
(``allocate_apart``)."""
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


def allocate_apart(session: Session, name: str, count: int) -> list[str]:
    """``allocate`` for a long transaction (an import). On PostgreSQL the counter row is
    locked by a short transaction of its own, committed at once: locked by the import's
    transaction, it would make every form creating a record wait for the import's
    commit. A rolled-back import then leaves a gap in the codes. On SQLite the caller's
    transaction holds the database's only write lock anyway (a second transaction would
    wait for it): the codes come from that transaction, and a rollback burns none."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return allocate(session, name, count)
    with Session(conn.engine) as own:
        taken = allocate(own, name, count)
        own.commit()
    return taken
