"""Engine, unit of work and clock.

Plain Python (never imports reflex) so the CLI, the tests and the Reflex states
share one way to reach the database. The URL comes from ``DATABASE_URL``; the
default is a SQLite file under ``data/`` tuned for a single-process server:
WAL so readers never block the writer, ``synchronous=FULL`` so a committed row
survives a power cut, foreign keys enforced, and a busy timeout instead of
immediate "database is locked" errors. Every process has its own pool: a forked
child (each backend worker) starts with an empty one (``_fresh_pool_after_fork``).
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, create_engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "hoffice.db"

_engine: Engine | None = None


def database_url() -> str:
    """The configured URL, or the embedded SQLite file."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"


CACHE_KB = 64 * 1024
# Settings of every PostgreSQL session the app opens (measured at 100,000 contacts,
# benchmarks/contacts_search.py --postgres):
# - jit=off: PostgreSQL compiles a query to machine code once its estimated cost passes
#   100,000, which an executive's count of every contact does (the privacy test is costed
#   per row): 15-30 ms of compiling for a query that runs in less. The app's queries are short.
# - random_page_cost=1.1: the default (4) prices a page read as on a spinning disk, so that
#   count read the whole table (~70 ms) rather than the covering ix_contact_name_order
#   (~20 ms). A CRM's tables sit in memory or on SSD, where 1.1 is the usual setting.
# - plan_cache_mode=force_custom_plan: psycopg prepares a statement run 5 times, and PostgreSQL
#   then plans it once for any value. A search's plan depends on the text: a 3-letter word goes
#   through the trigram index, a 2-letter one must not (the index cannot narrow it and reads
#   all of itself), so after a few searches "ab" took 300-750 ms instead of 50-120 ms.
POSTGRES_OPTIONS = "-c jit=off -c random_page_cost=1.1 -c plan_cache_mode=force_custom_plan"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # 64 MB of page cache (SQLite's default is 2 MB): a 100,000-row import's index
    # inserts otherwise spill and re-read pages (measured: its writes 11.8 s → 10.4 s).
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KB}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets its pragmas on every new connection."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    size, overflow = pool_limits()
    return create_engine(url, pool_pre_ping=True, pool_size=size, max_overflow=overflow,
                         connect_args={"options": POSTGRES_OPTIONS})


def pool_limits(env=os.environ) -> tuple[int, int]:
    """PostgreSQL connections one process keeps (``HOFFICE_DB_POOL_SIZE``, default 5) and may
    open beyond them at a peak (``HOFFICE_DB_MAX_OVERFLOW``, default 5). Each backend worker
    and each import process has its own pool, and each worker one more connection for its
    live listener: workers × (size + overflow + 1) + import processes × (size + overflow)
    must stay under the server's ``max_connections`` (docs/operations.md). An event handler
    holds a connection only while it runs, so a handful per worker serves hundreds of tabs."""
    out = []
    for name, default in (("HOFFICE_DB_POOL_SIZE", 5), ("HOFFICE_DB_MAX_OVERFLOW", 5)):
        raw = (env.get(name) or "").strip()
        if raw and not raw.isdecimal():
            raise ValueError(f"{name} must be a whole number (got {raw!r}).")
        out.append(int(raw) if raw else default)
    if out[0] < 1:
        raise ValueError("HOFFICE_DB_POOL_SIZE must be 1 or more.")
    return out[0], out[1]


def get_engine() -> Engine:
    """The process-wide engine, created on first use (never at import)."""
    global _engine
    if _engine is None:
        _engine = make_engine(database_url())
    return _engine


def set_engine(engine: Engine | None) -> None:
    """Swap the engine (tests and the CLI's --database option)."""
    global _engine
    _engine = engine


def _fresh_pool_after_fork() -> None:
    """In a forked child (each Granian worker is forked from the process that imported the app):
    the same engine — same URL, options and SQLite pragmas — with a new, empty pool, so the
    child opens its own connections on first use. Using the parent's pooled connections
    would put two processes on one socket (PostgreSQL answers garbled or crossed) or one
    SQLite handle. ``close=False`` is SQLAlchemy's recipe for this: the child never closes
    what it inherited either, which for PostgreSQL would end the parent's session on the
    server (psycopg 3 closes nothing of another process's when the old pool is dropped)."""
    if _engine is not None:
        _engine.dispose(close=False)


os.register_at_fork(after_in_child=_fresh_pool_after_fork)


@contextmanager
def unit_of_work(bind: Connection | None = None) -> Iterator[Session]:
    """One transaction: commit when the block ends, roll back on any error (``bind``: a
    connection the caller holds, instead of one from the engine's pool)."""
    with Session(bind if bind is not None else get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


WAL_AUTOCHECKPOINT = 1000  # pages: SQLite's default, which the pragmas above leave as it is
BULK_CACHE_KB = 256 * 1024  # an import's ~250 MB of new pages stay in memory until its commit (−0.3 s)


@contextmanager
def bulk_unit_of_work() -> Iterator[Session]:
    """``unit_of_work`` for one big write (an import). On SQLite the commit would also copy
    the whole write from the WAL into the database file (measured: 0.35 s of a 100,000-row
    import's 12 s); here that checkpoint runs in a background thread just after the
    commit, so whoever waits for the commit does not wait for it. Its page cache is bigger
    meanwhile. The connection is held throughout, so its settings are back to normal
    before anyone else uses it."""
    engine = get_engine()
    if engine.dialect.name != "sqlite":
        with unit_of_work() as session:
            yield session
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KB}")
        conn.commit()
        try:
            with unit_of_work(conn) as session:
                yield session
        finally:
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")
            conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KB}")
            conn.commit()
    threading.Thread(target=_checkpoint, args=(engine,), name="wal-checkpoint", daemon=True).start()


def _checkpoint(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        conn.commit()


def utcnow() -> datetime:
    """Aware UTC now: SQLModel's datetime columns store and return aware UTC."""
    return datetime.now(timezone.utc)
