"""PostgreSQL: ``pg_dump`` / ``pg_restore``, the tools that know every PostgreSQL type.

The dump and the manifest's counts come from ONE snapshot: this connection opens
a repeatable-read transaction, exports its snapshot and hands it to ``pg_dump
--snapshot``, so the counts describe exactly what was dumped even while the
app writes. Without the client tools the command says what to install instead
of writing a backup without its database.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from hoffice_app.backup.layout import BackupRefused
from hoffice_app.migrations import current_revision

INSTALL = ("Install the PostgreSQL client tools of your server's major version (Debian/Ubuntu: "
           "apt-get install postgresql-client; macOS: brew install libpq) and run the command again.")


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupRefused(f"{name} was not found on PATH. {INSTALL}")
    return found


def _libpq(engine: Engine) -> tuple[str, dict]:
    """The URL as libpq takes it, the password in the environment (not on a command
    line that ``ps`` shows)."""
    url = engine.url
    env = os.environ | ({"PGPASSWORD": url.password} if url.password else {})
    dsn = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return dsn, env


def _run(command: list[str], env: dict, what: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupRefused(f"{what} failed: {detail}")


def counts(conn: Connection) -> dict[str, int]:
    return {name: conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar()
            for name in sorted(inspect(conn).get_table_names())}


def dump(engine: Engine, out: Path) -> dict:
    pg_dump = tool("pg_dump")
    dsn, env = _libpq(engine)
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
        snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
        revision, tables = current_revision(conn), counts(conn)
        keys = [k for (k,) in conn.exec_driver_sql("SELECT storage_key FROM document")] if "document" in tables else []
        _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
              f"--file={out}", f"--dbname={dsn}"], env, "pg_dump")
        conn.rollback()
    return {"revision": revision, "tables": tables, "document_keys": keys}


def restore(engine: Engine, dump_file: Path) -> None:
    """Load the dump into the target, whose app tables were checked to hold no data: they
    are dropped first, so the schema is the backup's (migrated up afterwards)."""
    pg_restore = tool("pg_restore")
    import hoffice_app.models  # noqa: F401  (registers every table, for drop_all)

    with engine.begin() as conn:
        SQLModel.metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    dsn, env = _libpq(engine)
    _run([pg_restore, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
          f"--dbname={dsn}", str(dump_file)], env, "pg_restore")


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return counts(conn)
