"""A forked backend worker starts clean.

With Redis, Reflex imports the app once and forks each Granian worker from that process.
Whatever the parent held at that moment — the engine's pooled connections, the import
workers' pipes, a lock some thread had taken — must not be shared with or inherited by
the child: two processes on one PostgreSQL socket garble each other's answers, and a lock
copied while held is never released in the child.
"""
from __future__ import annotations

import gc
import os

import pytest
from sqlalchemy import text

from hoffice_app import db
from hoffice_app.importer.sheets import result_after_commit
from hoffice_app.importer.speed import gc_pause
from hoffice_app.importer.speed import workers as import_workers

PG_URL = os.environ.get("HOFFICE_TEST_POSTGRES_URL", "")  # a server this user may connect to


def in_child(check) -> str:
    """Runs ``check()`` in a forked child; what it returns ("" when all is well) or raises comes
    back as text, so the assertion is made here, in pytest's own process."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        try:
            os.close(read)
            try:
                message = check() or "ok"
            except BaseException as err:  # noqa: BLE001 — reported to the parent
                message = f"{type(err).__name__}: {err}"
            os.write(write, message.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as fh:
        answer = fh.read()
    os.waitpid(pid, 0)
    return answer


def _scalar(sql: str):
    with db.unit_of_work() as session:
        return session.exec(text(sql)).scalar_one()


def test_a_forked_child_opens_its_own_sqlite_connections(engine):
    assert _scalar("SELECT count(*) FROM employee") == 0  # the parent's pool now holds a connection
    parent_pool = engine.pool

    def check():
        if db.get_engine().pool is parent_pool:
            return "the child uses the parent's pool"
        if db.get_engine().url != engine.url:  # the database its parent was given, whatever DATABASE_URL says
            return f"the child reaches {db.get_engine().url}"
        if _scalar("PRAGMA foreign_keys") != 1:
            return "the child's connection lacks the SQLite pragmas"
        _scalar("SELECT count(*) FROM employee")
        return ""

    assert in_child(check) == "ok"
    assert db.get_engine().pool is parent_pool and _scalar("SELECT count(*) FROM employee") == 0


@pytest.mark.skipif(not PG_URL, reason="set HOFFICE_TEST_POSTGRES_URL=postgresql+psycopg://user@host:port/db")
def test_a_forked_child_opens_its_own_postgres_connection():
    engine = db.make_engine(PG_URL)
    db.set_engine(engine)
    try:
        parent_backend = _scalar("SELECT pg_backend_pid()")

        def check():
            child_backend = _scalar("SELECT pg_backend_pid()")
            return "the child talked over the parent's connection" if child_backend == parent_backend else ""

        assert in_child(check) == "ok"
        # The child neither used nor closed the parent's connection: it is still there and answers.
        assert _scalar("SELECT pg_backend_pid()") == parent_backend
    finally:
        db.set_engine(None)
        engine.dispose()


def test_import_workers_and_locks_are_not_inherited():
    """A child must not write into the parent's import workers' pipes, nor wait for a lock
    that a parent thread held when the fork happened."""
    sentinel = object()
    held = [import_workers._lock, import_workers._busy, result_after_commit._lock, gc_pause._lock]
    import_workers._workers.append(sentinel)
    for lock in held:
        lock.acquire()
    try:
        def check():
            if import_workers._workers:
                return "the child inherited the parent's import workers"
            for name, lock in [("workers._lock", import_workers._lock), ("workers._busy", import_workers._busy),
                               ("result_after_commit._lock", result_after_commit._lock),
                               ("gc_pause._lock", gc_pause._lock)]:
                if not lock.acquire(timeout=2):
                    return f"{name} stays held in the child"
                lock.release()
            return ""

        assert in_child(check) == "ok"
    finally:
        for lock in held:
            lock.release()
        import_workers._workers.remove(sentinel)


def test_a_fork_during_a_gc_pause_leaves_the_child_collecting():
    assert gc.isenabled()
    with gc_pause.gc_paused():
        answer = in_child(lambda: "" if gc.isenabled() and gc_pause._depth == 0 else "gc stays paused")
    assert answer == "ok" and gc.isenabled()


def test_a_forked_child_starts_its_own_live_listener(engine):
    from hoffice_app.domain import live

    parent = live.listener(engine)
    parent.start()
    assert parent.wait_ready(10)

    def check():
        child = live.listener(db.get_engine())
        if child is parent:
            return "the child took its parent's listener, whose thread did not survive the fork"
        return ""
    try:
        assert in_child(check) == "ok"
    finally:
        parent.stop()
