"""PostgreSQL's fast paths for the import's bulk writes (psycopg 3).

``executemany`` sends one Bind/Execute per row even when psycopg pipelines them:
at 100,000 contacts and ~1.5 million child rows it was most of a PostgreSQL
submit (measured: 53 s against 22 s on SQLite, three quarters of it inside
``executemany``). ``COPY … FROM STDIN`` streams the rows in one statement: the
server parses and indexes them while this process formats the next ones.

- New rows: ``copy_rows`` (text format; psycopg's own adapters turn each value
  into the text the column parses, as they would for a bound parameter).
- Updates: the new values are COPYed into a temporary table of the target's
  exact column types (``CREATE TEMP TABLE … AS SELECT … WITH NO DATA``, dropped
  at once), then ONE ``UPDATE … FROM`` joins it on the key.
- New contacts' ids: taken from the table's own sequence up front
  (``next_ids``), as the ORM's INSERT would take them, so every child row of a
  chunk can be built before anything is written and nothing is read back.

Everything runs on the import's own connection (the psycopg connection under its
SQLAlchemy one), inside its one transaction, in the import's writer thread
(``bulk_pipe.Pipe``) or at once: a failure rolls it all back, the temporary
tables too.
"""
from __future__ import annotations

import itertools
from typing import Sequence

from psycopg import sql

_temp_names = itertools.count(1)


def _columns(names: Sequence[str]) -> sql.Composable:
    return sql.SQL(", ").join(map(sql.Identifier, names))


def copy_rows(driver, table: str, columns: Sequence[str], rows: list) -> None:
    """COPY ``rows`` (tuples in ``columns`` order, bind processors already applied) into
    ``table``; ``driver``: the psycopg connection under the import's SQLAlchemy one."""
    if not rows:
        return
    with driver.cursor() as cursor:
        with cursor.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), _columns(columns))) as copy:
            write = copy.write_row
            for row in rows:
                write(row)


def update_from_copy(driver, table: str, columns: Sequence[str], rows: list, key: str = "id") -> None:
    """UPDATE ``columns`` of the rows found by ``key``; ``rows``: tuples of the values, then the key."""
    if not rows:
        return
    name = f"import_update_{next(_temp_names)}"
    target, temp = sql.Identifier(table), sql.Identifier(name)
    with driver.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE TEMP TABLE {} ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA")
                       .format(temp, _columns([*columns, key]), target))
    copy_rows(driver, name, [*columns, key], rows)
    sets = sql.SQL(", ").join(sql.SQL("{} = u.{}").format(sql.Identifier(c), sql.Identifier(c)) for c in columns)
    with driver.cursor() as cursor:
        cursor.execute(sql.SQL("UPDATE {} SET {} FROM {} AS u WHERE {}.{} = u.{}")
                       .format(target, sets, temp, target, sql.Identifier(key), sql.Identifier(key)))
        cursor.execute(sql.SQL("DROP TABLE {}").format(temp))


def delete_in(driver, table: str, column: str, keys: list) -> None:
    """DELETE the rows whose ``column`` is one of ``keys`` (one array parameter)."""
    if keys:
        driver.execute(sql.SQL("DELETE FROM {} WHERE {} = ANY(%s)").format(sql.Identifier(table),
                                                                           sql.Identifier(column)), (list(keys),))


def lock_rows(driver, table: str, ids: list[int]) -> None:
    """``SELECT … FOR UPDATE`` the rows ``ids`` of ``table``, in id order (two transactions
    locking overlapping sets in the same order cannot deadlock); held until the commit."""
    if ids:
        driver.execute(sql.SQL("SELECT id FROM {} WHERE id = ANY(%s) ORDER BY id FOR UPDATE")
                       .format(sql.Identifier(table)), (sorted(set(ids)),))


def next_ids(driver, table: str, count: int) -> list[int]:
    """``count`` new ids from ``table``'s id sequence, in increasing order."""
    rows = driver.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                          (table, count)).fetchall()
    return sorted(i for (i,) in rows)
