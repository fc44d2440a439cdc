"""SQLite: a consistent copy of a live database, and putting one back.

The copy uses SQLite's online backup API in ONE step (``pages=-1``): the whole
file is read inside a single read transaction, so the copy is the database as
of one instant even while the app commits (WAL: readers never block writers,
and a step that copies everything cannot be restarted by another connection's
write). Copying the file with ``cp`` instead could catch a page half-way
through a checkpoint, and would miss what still sits in the ``-wal`` file.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from hoffice_app.backup.layout import BackupRefused

BUSY_MS = 30_000


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    return conn


def path_of(url) -> Path:
    """The file of a ``sqlite:///…`` SQLAlchemy URL (an in-memory database has none)."""
    if not url.database or url.database == ":memory:":
        raise BackupRefused("The database is in memory: there is nothing on disk to back up or restore into.")
    return Path(url.database).resolve()


def snapshot(source: Path, copy: Path) -> dict:
    """Copy ``source`` to ``copy`` as one consistent state, make the copy a single
    self-contained file (no ``-wal``), check it, and return its revision and counts."""
    if not source.exists():
        raise BackupRefused(f"There is no database at {source}; nothing to back up.")
    # Read-write although it only reads: a read-only connection cannot open a WAL
    # database whose -shm file is absent (the app stopped cleanly).
    src, dst = _connect(source), _connect(copy)
    try:
        src.backup(dst, pages=-1)
    finally:
        src.close()
    try:
        dst.execute("PRAGMA journal_mode=DELETE")
        check = [row[0] for row in dst.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            raise BackupRefused(f"The copy failed SQLite's integrity check ({'; '.join(check[:3])}); "
                                "the database itself may be damaged. No backup was written.")
        return {"revision": _revision(dst), "tables": counts(dst), "integrity_check": "ok"}
    finally:
        dst.close()


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of every real table (the full-text indexes' shadow tables included; their
    virtual tables are views onto those and are not counted twice)."""
    names = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def file_counts(path: Path) -> dict[str, int]:
    conn = _connect(path, read_only=True)
    try:
        return counts(conn)
    finally:
        conn.close()


def document_keys(path: Path) -> list[str]:
    """The storage keys of the documents in a copy (none before the documents table existed)."""
    conn = _connect(path, read_only=True)
    try:
        return [key for (key,) in conn.execute("SELECT storage_key FROM document")]
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


def restore_into(copy: Path, target: Path) -> None:
    """Replace the target database's content with the copy's, through the backup API again:
    it writes the target as one transaction, so a failure leaves it as it was, and it
    works on a target in WAL mode (unlike copying a file over it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src, dst = _connect(copy, read_only=True), _connect(target)
    try:
        src.backup(dst, pages=-1)
        check = [row[0] for row in dst.execute("PRAGMA integrity_check")]
    finally:
        src.close()
        dst.close()
    if check != ["ok"]:
        raise BackupRefused(f"The restored database failed SQLite's integrity check ({'; '.join(check[:3])}).")
