"""Keeping the contact search index in step with an import, in bulk.

The contact search table (migration 0003, SQLite only) is kept in step by
row triggers. For an import's bulk writes the triggers cost more than the
writes themselves (measured: 90,000 new contacts, 10.2 s with the insert
trigger, 3.0 s without plus 1.5 s to index them in bulk; 10,000 updated
contacts, 3 s with the update trigger). So, inside the import's own
transaction, the insert and update triggers are set aside, the new and
changed texts are indexed in bulk (through the import's ``bulk.Pipe``),
and the triggers are put back from their exact stored SQL before the
commit. SQLite's DDL is transactional: if anything fails, the rollback
brings the triggers back with everything else; other connections never see
the database without them (they cannot write during the import, and
readers see the last committed state). Only where the import writes through
its writer thread (SQLite 3.38 or newer, ``bulk.Pipe``); elsewhere — PostgreSQL,
or an older SQLite — the triggers stay and do their work row by row.
"""
from __future__ import annotations

from sqlmodel import Session

TRIGGERS = ("contact_fts_insert", "contact_fts_update")
# FTS5 gathers new index entries in memory and writes a segment each time they pass
# "hashsize" (1 MB by default). An import's 100,000 contacts make ~35 MB of entries:
# written in 32 MB pieces there are far fewer segments to merge (measured: 90,000
# contacts indexed in 1.9 s → 1.3 s, and searches afterwards as fast).
IMPORT_HASHSIZE = 32 * 2 ** 20
DEFAULT_HASHSIZE = 2 ** 20  # FTS5's own default


class BulkIndex:
    def __init__(self, session: Session):
        self.s = session
        self.saved: dict[str, str] = {}  # trigger name -> its SQL, while set aside
        self.hashsize = DEFAULT_HASHSIZE  # the index's own setting, put back by restore()

    @property
    def active(self) -> bool:
        """Whether the triggers are set aside, so the import must index what it writes."""
        return bool(self.saved)

    def suspend(self) -> None:
        """Set the triggers aside (once), remembering their SQL."""
        conn = self.s.connection()
        if self.saved or conn.dialect.name != "sqlite":
            return
        marks = ", ".join("?" * len(TRIGGERS))
        rows = conn.exec_driver_sql(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
                                    TRIGGERS).all()
        if len(rows) != len(TRIGGERS):
            return  # not the schema this was written for: leave the triggers to do their work
        for name, sql in rows:
            self.saved[name] = sql
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        own = conn.exec_driver_sql("SELECT v FROM contact_fts_config WHERE k = 'hashsize'").scalar()
        self.hashsize = int(own) if own else DEFAULT_HASHSIZE
        self._hashsize(IMPORT_HASHSIZE)

    def index_range(self, pipe, first: int, last: int) -> None:
        """What the insert trigger would have done for the new contacts with ids first…last
        (one statement, run by the pipe's writer thread after their INSERT)."""
        if self.active:
            pipe.execute("INSERT INTO contact_fts(rowid, search_text) SELECT id, search_text FROM contact "
                         "WHERE id BETWEEN ? AND ?", (first, last))

    def reindex(self, pipe, changes: list[tuple[int, str, str]]) -> None:
        """What the update trigger would have done: (id, old text, new text) of changed contacts."""
        if self.active and changes:
            pipe.insert("contact_fts", ("contact_fts", "rowid", "search_text"),
                        [("delete", cid, old) for cid, old, _new in changes])
            pipe.insert("contact_fts", ("rowid", "search_text"), [(cid, new) for cid, _old, new in changes])

    def restore(self) -> None:
        if not self.saved:
            return
        conn = self.s.connection()
        for sql in self.saved.values():
            conn.exec_driver_sql(sql)
        self.saved = {}
        self._hashsize(self.hashsize)

    def _hashsize(self, size: int) -> None:
        """Set inside the import's transaction: a rollback restores it with the rest."""
        self.s.connection().exec_driver_sql("INSERT INTO contact_fts(contact_fts, rank) VALUES ('hashsize', ?)",
                                            (size,))
