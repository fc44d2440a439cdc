"""A throwaway PostgreSQL and Redis for a benchmark, started exactly as bin/test
starts them (bin/_services.sh: a temporary folder, free ports, durability off), or
the servers named by HOFFICE_TEST_POSTGRES_URL / HOFFICE_TEST_REDIS_URL.

    with services() as (postgres_url, redis_url):
        url = new_database(postgres_url, "bench_search")   # an empty database of its own
        ...

Benchmarks need the same servers the tests use, so there is one way to start them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
_START = """
source bin/_services.sh
services_start >&2
echo "PG=$HOFFICE_TEST_POSTGRES_URL"
echo "REDIS=$HOFFICE_TEST_REDIS_URL"
echo "DIR=$SERVICES_DIR"
echo "REDIS_PID=$REDIS_PID"
echo END
"""
_STOP = 'source bin/_services.sh; SERVICES_DIR="$1"; REDIS_PID="$2"; services_stop'


@contextmanager
def services() -> Iterator[tuple[str, str]]:
    """(PostgreSQL URL, Redis URL); what this started is stopped and removed on exit."""
    # Redis runs in the background of the starting shell and keeps its stdout: read up to
    # END instead of waiting for the pipe to close.
    proc = subprocess.Popen(["bash", "-c", _START], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    values: dict[str, str] = {}
    for line in proc.stdout:
        if line.strip() == "END":
            break
        key, _, value = line.strip().partition("=")
        values[key] = value
    if proc.wait() != 0 or not values.get("PG"):
        raise RuntimeError("could not start PostgreSQL and Redis (bin/_services.sh); see the messages above")
    try:
        yield values["PG"], values["REDIS"]
    finally:
        if values.get("DIR"):
            subprocess.run(["bash", "-c", _STOP, "stop", values["DIR"], values.get("REDIS_PID", "")], cwd=ROOT,
                           check=False)
            _gone(values.get("REDIS_PID", ""), values["DIR"])


def _gone(redis_pid: str, folder: str) -> None:
    """Redis is not this process's child, so the stop above cannot wait for it: it may write
    its last log line after the folder was removed. Wait for it to exit, then remove again."""
    deadline = time.monotonic() + 5
    while redis_pid.isdecimal() and Path(f"/proc/{redis_pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    shutil.rmtree(folder, ignore_errors=True)


def new_database(server_url: str, name: str) -> str:
    """A fresh, empty database ``name`` on the server (dropped first if it exists)."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)
