"""The database engines a benchmark runs on, so one script measures SQLite and
PostgreSQL with the same data and the same domain calls, in one run.

    for name, url in databases(args.postgres, sqlite_path):   # "sqlite", then "postgresql"
        ...  # build with bulk_insert(conn, table, rows), then after_bulk_load(engine, "contact")
    print_side_by_side(per_engine)                              # {engine: {label: p95 ms}}

PostgreSQL is a throwaway server started by benchmarks/_servers.py (as bin/test
starts one), stopped when the loop ends. ``after_bulk_load`` puts PostgreSQL
where a live database would be after such a load: the id sequences past the ids
the builders wrote, fresh planner statistics and the visibility map (autovacuum
would do both within a minute; the app never runs ANALYZE on SQLite, so SQLite's
figures stay without statistics, as in production).
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Table, insert, text
from sqlalchemy.engine import Connection, Engine

from benchmarks._servers import new_database, services

POSTGRES_VERSION = "SHOW server_version"


def databases(postgres: bool, sqlite_path: Path | None, *, sqlite: bool = True,
              name: str = "bench") -> Iterator[tuple[str, str]]:
    """(engine name, URL) for SQLite (a file at ``sqlite_path``) and, with ``postgres``, a
    fresh database ``name`` on a throwaway PostgreSQL server (stopped after the last)."""
    if sqlite and sqlite_path is not None:
        yield "sqlite", f"sqlite:///{sqlite_path}"
    if postgres:
        with services() as (server_url, _redis_url):
            yield "postgresql", new_database(server_url, name)


def add_engine_options(ap: argparse.ArgumentParser) -> None:
    """The options every engine-aware benchmark takes (read by ``run_on_engines``)."""
    ap.add_argument("--db", help="keep the SQLite file here (reused on the next run)")
    ap.add_argument("--postgres", action="store_true", help="also on a throwaway PostgreSQL, side by side")
    ap.add_argument("--no-sqlite", action="store_true", help="with --postgres: PostgreSQL only")


def run_on_engines(args: argparse.Namespace, measure: Callable[[str], dict], *, name: str,
                   file: str = "bench.db") -> dict[str, dict]:
    """{engine: measure(url)} on the engines the options ask for: SQLite in --db (else a
    temporary ``file``), and with --postgres a fresh database ``name`` on a throwaway server."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or Path(tmp) / file).resolve()
        return {engine: measure(url)
                for engine, url in databases(args.postgres, path, sqlite=not args.no_sqlite, name=name)}


def query_p95(runs: dict[str, dict]) -> dict[str, dict[str, float]]:
    """{engine: {"query (viewer)": p95}} from runs whose "queries" hold {label: {viewer: {"p95": …}}}."""
    return {engine: {f"{label} ({who})": r["p95"] for label, res in run["queries"].items() for who, r in res.items()}
            for engine, run in runs.items()}


def bulk_insert(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys): PostgreSQL through COPY (psycopg 3), several
    times faster than executemany at 100,000 rows; SQLite through executemany, already fast."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    # COPY knows the server's defaults only: add the model's own (Python-side) ones, as insert() would
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in names and c.default is not None and c.default.is_scalar}
    names += list(defaults)
    columns = ", ".join(f'"{name}"' for name in names)
    with conn.connection.driver_connection.cursor() as cursor:
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([row[name] if name in row else defaults[name] for name in names])


def after_bulk_load(engine: Engine, *tables: str) -> None:
    """On PostgreSQL: move each table's id sequence past the ids written explicitly, then VACUUM
    ANALYZE (what autovacuum does within a minute of such a load: statistics, and the visibility
    map that lets index-only scans skip the table; measuring before it would time autovacuum)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in tables:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"GREATEST((SELECT max(id) FROM {table}), 1))"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


def server_version(engine: Engine) -> str:
    if engine.dialect.name != "postgresql":
        import sqlite3
        return f"SQLite {sqlite3.sqlite_version}"
    with engine.connect() as conn:
        return f"PostgreSQL {conn.exec_driver_sql(POSTGRES_VERSION).scalar()}"


def plan(conn, sql: str, params=None) -> list[str]:
    """The query plan of ``sql`` (literal values bound, or the driver's ``params`` as a cursor
    event saw them): SQLite's EXPLAIN QUERY PLAN steps, or PostgreSQL's EXPLAIN (ANALYZE,
    BUFFERS) lines (the statement runs once)."""
    args = () if params is None else (params,)
    if conn.dialect.name == "postgresql":
        return [r[0] for r in conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + sql, *args)]
    return [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, *args)]


def print_side_by_side(per_engine: dict[str, dict[str, float]], title: str, target_ms: float) -> None:
    """One line per measurement, a p95 column per engine (and PostgreSQL ÷ SQLite when both ran)."""
    engines = list(per_engine)
    labels = list(dict.fromkeys(label for figures in per_engine.values() for label in figures))
    both = engines == ["sqlite", "postgresql"]
    print(f"\n{title}: p95 ms per engine (target ≤ {target_ms:.0f} ms)")
    print(f"{'':<58}" + "".join(f"{e:>12}" for e in engines) + (f"{'pg/sqlite':>11}" if both else ""))
    for label in labels:
        cells = [per_engine[e].get(label) for e in engines]
        line = f"{label[:58]:<58}" + "".join(f"{c:>12.1f}" if c is not None else f"{'—':>12}" for c in cells)
        if both and None not in cells and cells[0]:
            line += f"{cells[1] / cells[0]:>10.2f}×"
        flag = any(c is not None and c > target_ms for c in cells)
        print(line + ("  <-- over" if flag else ""))
