"""PostgreSQL query plans of the statements a domain call really sends (for the tests that
a search goes through an index): each statement that mentions ``marker`` is EXPLAINed with
its own parameters, in the same transaction, with sequential scans and plain index walks
priced out so that a tiny test table does not hide whether the index *can* answer."""
from __future__ import annotations

from sqlalchemy import event
from sqlmodel import Session


def plans_of(session: Session, call, marker: str) -> list[str]:
    """The plans (one text each) of the statements ``call()`` runs that contain ``marker``."""
    conn = session.connection()
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _executemany):
        if marker in statement and not statement.startswith("EXPLAIN"):
            sent.append((statement, parameters))

    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    conn.exec_driver_sql("SET LOCAL enable_indexscan = off")
    event.listen(conn, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(conn, "before_cursor_execute", record)
    return ["\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters))
            for statement, parameters in sent]
