"""Many rows into one table through the driver's ``executemany``.

SQLAlchemy's ``session.execute(insert(table), dicts)`` builds and processes
parameters row by row in Python; for an import's ~100,000 contacts and ~1.5
million child rows that was a third of the submit (measured: 90,000 contact
rows 4.6 s through SQLAlchemy, 1.4 s here). Here the statement is written
once, each column's bind processor (Boolean → 0/1, Numeric → float…) is
looked up once and applied only to the columns that have one, and the tuples
go to the driver as they are. Dates and times become the text the driver's
own adapters make, once per distinct value: an aware time is stored as
"2026-03-02 04:00:05+00:00", where the ORM writes "2026-03-02 04:00:05.000000";
both read back as the same time. On PostgreSQL the rows go through COPY
instead (``pg_copy``), after the same bind processors.
"""
from __future__ import annotations

import functools
import json
import queue
import sqlite3
import threading
from datetime import date, datetime
from itertools import chain
from typing import Sequence

from sqlalchemy import Boolean, Date, DateTime, Table, TypeDecorator
from sqlalchemy.engine import Connection

from hoffice_app.importer.speed import pg_copy, quick_switch


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _json(values: list) -> str:
    return json.dumps(values, ensure_ascii=False, default=_json_value, check_circular=False)


def _processor(conn: Connection, column):
    if conn.dialect.name == "sqlite" and isinstance(column.type, Boolean):
        return None  # the driver stores True / False as 1 / 0 itself, as the processor would
    process = column.type.bind_processor(conn.dialect)
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if conn.dialect.name == "sqlite" and isinstance(kind, (DateTime, Date)):
        # The text the driver's own adapters would make, row by row while holding the GIL;
        # here the import's one "now" is converted once per chunk (0.4 s of a 100,000-row submit).
        return _driver_text if process is None else lambda value: _driver_text(process(value))
    return process


def _driver_text(value):
    """As sqlite3's default adapters: a datetime → isoformat(" "), a date → isoformat()."""
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _processed(conn: Connection, table: Table, columns: Sequence[str], rows: list) -> list:
    convert = [(i, p) for i, c in enumerate(columns) if (p := _processor(conn, table.c[c]))]
    if not convert:
        return rows
    out = []
    seen: dict[int, tuple] = {}  # column -> (last value, its processed form): "now" repeats on every row
    for row in rows:
        row = list(row)
        for i, process in convert:
            value = row[i]
            if value is not None:
                last = seen.get(i)
                if last is not None and last[0] is value:
                    row[i] = last[1]
                else:
                    row[i] = process(value)
                    seen[i] = (value, row[i])
        out.append(tuple(row))
    return out


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: list) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order); on PostgreSQL one COPY."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        driver = conn.connection.driver_connection
        pg_copy.copy_rows(driver, table.name, columns, _processed(conn, table, columns, rows))
        return
    q = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {q(table.name)} ({', '.join(q(c) for c in columns)}) "
           f"VALUES ({', '.join([_mark(conn)] * len(columns))})")
    conn.exec_driver_sql(sql, _processed(conn, table, columns, rows))


def update_rows(conn: Connection, table: Table, columns: Sequence[str], rows: list, key: str = "id") -> None:
    """UPDATE ``columns`` of each row found by ``key``; ``rows``: tuples of the values, then the key.
    On PostgreSQL: COPY into a temporary table, then one UPDATE … FROM."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        pg_copy.update_from_copy(conn.connection.driver_connection, table.name, columns,
                                 _processed(conn, table, [*columns, key], rows), key)
        return
    q, mark = conn.dialect.identifier_preparer.quote, _mark(conn)
    sql = (f"UPDATE {q(table.name)} SET {', '.join(f'{q(c)} = {mark}' for c in columns)} "
           f"WHERE {q(key)} = {mark}")
    conn.exec_driver_sql(sql, _processed(conn, table, [*columns, key], rows))


def _json_value(value):
    if isinstance(value, (date, datetime)):  # what the driver's own adapter sends (no bind processor)
        return value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()
    raise TypeError(f"cannot send {type(value).__name__} in bulk")


# Narrow rows (at most NARROW columns: the child rows, custom values, the search index's) go
# as one multi-row INSERT … SELECT … FROM (VALUES …) padded with NULL rows to a power of two
# and filtered on its first column (never NULL in a real row: else json_each): one statement
# per chunk and table as before, from a few statement texts the driver keeps compiled, at about
# half json_each's cost (1,000,000 two-column rows: 0.48 s of CPU against 0.94 s, and no JSON
# for the busy thread to encode). Wide rows stay with json_each (the contacts are written by
# the busy thread; BENCHMARKS.md says why).
NARROW = 8
SMALLEST = 64  # rows in the smallest statement (fewer texts; a padded row costs next to nothing)
MAX_BOUND = 32_766  # values one statement binds at most, whatever the build allows


def _floor_power_of_two(n: int) -> int:
    return 1 << (max(n, 1).bit_length() - 1)


@functools.lru_cache(maxsize=256)
def _padded_sql(q, table: str, fixed: tuple[str, ...], columns: tuple[str, ...], rows: int) -> str:
    one = f"({', '.join(['?'] * len(columns))})"
    picked = ", ".join(["?"] * len(fixed) + [f"column{i}" for i in range(1, len(columns) + 1)])
    return (f"INSERT INTO {q(table)} ({', '.join(q(c) for c in [*fixed, *columns])}) SELECT {picked} "
            f"FROM (VALUES {', '.join([one] * rows)}) WHERE column1 IS NOT NULL")


def _execute(driver, sql: str, params: tuple) -> None:
    driver.execute(sql, params)


class Pipe:
    """Writes in order, in a writer thread, while the caller's thread prepares the next chunk.

    SQLite: ``executemany`` re-takes the GIL for every row, so Python work in another
    thread meanwhile stalls it badly (measured: 50,000 rows, 1.5 s → 200 s). One
    statement per chunk and table (``_padded_sql``, or ``json_each`` for wide rows) is a
    single call that runs without the GIL: SQLite writes chunk n while this thread
    prepares chunk n + 1.
    PostgreSQL: each chunk of a table is one COPY (``pg_copy``); the writer thread
    formats its rows and then waits, without the GIL, while the server parses,
    checks and indexes them, and this thread prepares the next chunk meanwhile.
    An SQLite older than 3.38 (no ``->>``) writes at once, with ``insert_rows``.

    The caller's thread must not use the connection while statements are
    queued: ``drain()`` first (it also raises the writer's error, if any).
    """

    def __init__(self, conn: Connection):
        self.conn = conn
        self.postgres = conn.dialect.name == "postgresql"
        self.threaded = self.postgres or (conn.dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 38))
        # Four chunks' statements: the busy thread goes on preparing while the writer works
        # (16 made it wait ~3 s of a 100,000-row submit once custom values added statements).
        self._queue: queue.Queue = queue.Queue(maxsize=64)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._cancelled = False
        self._limit: int | None = None

    def insert(self, table: Table | str, columns: Sequence[str], rows: list, fixed: dict | None = None) -> None:
        """``table``: a Table, or the name of one SQLAlchemy does not model (the search index,
        only written here when the pipe is threaded: its values go as they are). ``fixed``:
        column -> one value for every row (SQLite binds it once instead of sending it per row)."""
        if not rows:
            return
        if fixed and (self.postgres or not self.threaded):  # COPY and executemany take whole rows
            head = tuple(fixed.values())
            columns, rows, fixed = [*fixed, *columns], [head + tuple(r) for r in rows], None
        if not self.threaded:
            insert_rows(self.conn, table, columns, rows)
            return
        name = table if isinstance(table, str) else table.name
        values = rows if isinstance(table, str) else _processed(self.conn, table, columns, rows)
        if self.postgres:
            self._put(pg_copy.copy_rows, name, columns, values)
            return
        q = self.conn.dialect.identifier_preparer.quote
        fixed = fixed or {}
        head = tuple(fixed.values())
        if len(columns) > NARROW or any(row[0] is None for row in values):
            sql = (f"INSERT INTO {q(name)} ({', '.join(q(c) for c in [*fixed, *columns])}) SELECT "
                   f"{', '.join(['?'] * len(fixed) + [f'value ->> {i}' for i in range(len(columns))])} "
                   "FROM json_each(?)")
            self._put(_execute, sql, (*head, _json(values)))
            return
        per = _floor_power_of_two((self._bound_limit() - len(fixed)) // len(columns))
        for start in range(0, len(values), per):
            part = values[start:start + per]
            size = max(SMALLEST, 1 << (len(part) - 1).bit_length())  # a few statement texts in all
            padding = (None,) * (len(columns) * (size - len(part)))
            sql = _padded_sql(q, name, tuple(fixed), tuple(columns), size)
            self._put(_execute, sql, head + tuple(chain.from_iterable(part)) + padding)

    def _bound_limit(self) -> int:
        """How many values one statement may bind (the build's limit, at most MAX_BOUND)."""
        if self._limit is None:
            driver = self.conn.connection.driver_connection
            self._limit = min(driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), MAX_BOUND)
        return self._limit

    def update(self, table: Table, columns: Sequence[str], rows: list, key: str = "id") -> None:
        """As ``update_rows``, in the writer thread: one ``UPDATE … FROM json_each(?)`` (SQLite)
        or a COPY into a temporary table and one ``UPDATE … FROM`` (PostgreSQL)."""
        if not rows:
            return
        if not self.threaded:
            update_rows(self.conn, table, columns, rows, key)
            return
        values = _processed(self.conn, table, [*columns, key], rows)
        if self.postgres:
            self._put(pg_copy.update_from_copy, table.name, columns, values, key)
            return
        q = self.conn.dialect.identifier_preparer.quote
        sql = (f"UPDATE {q(table.name)} SET {', '.join(f'{q(c)} = j.value ->> {i}' for i, c in enumerate(columns))} "
               f"FROM json_each(?) AS j WHERE {q(table.name)}.{q(key)} = j.value ->> {len(columns)}")
        self._put(_execute, sql, (_json(values),))

    def delete_in(self, table: Table, column: str, keys: list) -> None:
        """DELETE the rows whose ``column`` is one of ``keys``."""
        if not keys:
            return
        q = self.conn.dialect.identifier_preparer.quote
        if self.postgres:
            self._put(pg_copy.delete_in, table.name, column, list(keys))
        elif self.threaded:
            self._put(_execute, f"DELETE FROM {q(table.name)} WHERE {q(column)} IN (SELECT value FROM json_each(?))",
                      (json.dumps(list(keys)),))
        else:
            self.conn.execute(table.delete().where(table.c[column].in_(list(keys))))

    def execute(self, sql: str, params: tuple) -> None:
        """One statement (driver placeholders) in its turn: in the writer thread, or at once."""
        if self.threaded:
            self._put(_execute, sql, params)
        else:
            self.conn.exec_driver_sql(sql, params)

    def _put(self, write, *args) -> None:
        """Queue ``write(driver connection, *args)``."""
        if self._error is not None:
            self.drain()
        if self._thread is None:
            driver = self.conn.connection.driver_connection
            self._thread = threading.Thread(target=self._run, args=(driver,), name="import-writer", daemon=True)
            quick_switch.begin()  # until close(): the writer thread gets the GIL sooner
            self._thread.start()
        self._queue.put((write, args))

    def _run(self, driver) -> None:
        while (item := self._queue.get()) is not None:
            write, args = item
            try:
                if self._error is None and not self._cancelled:
                    write(driver, *args)
            except BaseException as err:  # handed to the caller's thread by drain()
                self._error = err
            finally:
                self._queue.task_done()
        self._queue.task_done()
    def drain(self) -> None:
        """Wait until every queued statement ran; raise the first failure."""
        if self._thread is not None:
            self._queue.join()
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def cancel(self) -> None:
        """After a failure, before the rollback: skip what is still queued, stop the thread."""
        self._cancelled = True
        try:
            self.close()
        except Exception:  # noqa: BLE001 - the failure that brought us here is the one reported
            pass

    def close(self) -> None:
        """Drain, then stop the writer thread."""
        try:
            self.drain()
        finally:
            if self._thread is not None:
                self._queue.put(None)
                self._thread.join()
                self._thread = None
                quick_switch.end()
