"""One production server for the whole e2e session, on a fresh database (``kill`` and
``restart`` serve the crash test: the same build, port and database after a SIGKILL).

It runs on the engine the rest of the suite uses (tests/databases.py), built the way an
installation is: on SQLite one backend worker, as ``bin/run`` serves by default; with
``HOFFICE_TEST_DB=postgresql`` a database of its own on the test server, Reflex's state in
Redis (``HOFFICE_TEST_REDIS_URL``, database ``E2E_REDIS_DB``, emptied first so no tab state
of an earlier run leaks in) and ``WORKERS_ON_POSTGRES`` backend workers, so consecutive
events of one tab land on different processes — what a team's installation does.

The server's output goes to a log file; ``new_errors`` lets a fixture fail any
test during which the server logged an ERROR or a traceback.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import redis
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app import deploy
from tests import databases

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo-pass-e2e-1"
BUILD_TIMEOUT = 900
RESTART_TIMEOUT = 120
WORKERS_ON_POSTGRES = 2
E2E_REDIS_DB = 1  # the fast tests never use Redis; the e2e server keeps its own number anyway


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_url() -> str:
    """The test Redis with the e2e server's own database number."""
    if not databases.REDIS_URL:
        raise RuntimeError("HOFFICE_TEST_DB=postgresql runs the browser tests on several workers, which need "
                           "HOFFICE_TEST_REDIS_URL=redis://host:port (bin/test starts one for you).")
    return urlsplit(databases.REDIS_URL)._replace(path=f"/{E2E_REDIS_DB}").geturl()


def engine_env(database_url: str) -> dict[str, str]:
    """What differs between the engines: the database, Redis and the backend worker count, which
    reaches Reflex as GRANIAN_WORKERS through ``deploy`` exactly as ``bin/run`` hands it over."""
    env = {"DATABASE_URL": database_url, "HOFFICE_WORKERS": "1"}
    if databases.ON_POSTGRES:
        env |= {"REFLEX_REDIS_URL": redis_url(), "HOFFICE_WORKERS": str(WORKERS_ON_POSTGRES)}
    env["GRANIAN_WORKERS"] = str(deploy.backend_workers(env, os.cpu_count()).count)
    return env


class Server:
    def __init__(self, workdir: Path, *, seed: bool = True, extra_env: dict[str, str] | None = None):
        self.workdir, self.seed = workdir, seed
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.log_path = workdir / "server.log"
        self.imports_dir = workdir / "imports"
        # SQLite: a file in workdir; PostgreSQL: an empty database on the test server, dropped by stop().
        self.database_url = databases.blank_url(workdir)
        outside = {name: value for name, value in os.environ.items() if name != "REFLEX_REDIS_URL"}
        self.env = outside | engine_env(self.database_url) | {
            "HOFFICE_IMPORTS_DIR": str(self.imports_dir),  # this run's files only, like its database
            # The server's own address is the one origin that may use its cookie (hoffice_app/origins.py).
            "HOFFICE_ALLOWED_ORIGINS": self.url,
            "HOFFICE_DEMO_PASSWORD": DEMO_PASSWORD,
            "HOFFICE_FILES_DIR": str(workdir / "files"),  # this run's files only, like its database
            "REFLEX_USE_SYSTEM_BUN": "1",
            "REFLEX_TELEMETRY_ENABLED": "false",
            "REFLEX_PERF_MODE": "raise",
            "REFLEX_STATE_SIZE_LIMIT": "100",
            "HOFFICE_BASE_URL": self.url,  # links in e-mails and SMS
        } | (extra_env or {})
        self.proc: subprocess.Popen | None = None
        self._log_offset = 0

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "hoffice_app", *args], cwd=ROOT, env=self.env, input=stdin,
                              capture_output=True, text=True, check=True)

    def start(self) -> None:
        if databases.ON_POSTGRES:
            redis.Redis.from_url(self.env["REFLEX_REDIS_URL"]).flushdb()
        self.cli("db", "upgrade")
        if self.seed:
            self.cli("seed", "demo")
        log = open(self.log_path, "w")
        reflex = Path(sys.executable).with_name("reflex")
        self.proc = subprocess.Popen([str(reflex), "run", "--env", "prod", "--frontend-port", str(self.port),
                                      "--backend-port", str(self.port), "--loglevel", "info"],
                                     cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self._wait_until_up(BUILD_TIMEOUT, poll=1)
        self._check_workers()
        self._log_offset = self.log_path.stat().st_size

    def _wait_until_up(self, timeout: float, *, poll: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited during start-up:\n{self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/ping", timeout=2) as response:
                    if response.status == 200 and self._frontend_ready():
                        return
            except OSError:
                pass
            time.sleep(poll)
        raise RuntimeError(f"server not up after {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the whole server at once (reflex, the backend, its import workers), as a crash would."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def restart(self) -> float:
        """Start the backend again after ``kill``, on the same port, database and build (serve_built.py:
        no rebuild). Its log goes on in the same file. Returns the seconds until it answered."""
        started = time.monotonic()
        log = open(self.log_path, "a")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.e2e.serve_built", str(self.port)], cwd=ROOT,
                                     env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_until_up(RESTART_TIMEOUT, poll=0.2)
        self._check_workers()
        return time.monotonic() - started

    def _check_workers(self, timeout: float = 30) -> None:
        """The server runs the backend workers asked for: Granian forks each one from the process we
        started, so they are its direct children (import workers are theirs, a level below)."""
        wanted, found = int(self.env["GRANIAN_WORKERS"]), []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [pid for task in Path(f"/proc/{self.proc.pid}/task").iterdir()
                     for pid in (task / "children").read_text().split()]
            if len(found) == wanted:
                return
            time.sleep(0.2)
        raise RuntimeError(f"the server runs {len(found)} backend workers, not GRANIAN_WORKERS={wanted}")

    def _frontend_ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/login/", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def new_errors(self) -> list[str]:
        """Lines with ERROR or a traceback logged since the last call."""
        text = self.log_path.read_text(errors="replace")
        fresh, self._log_offset = text[self._log_offset:], len(text)
        return [line for line in fresh.splitlines() if "ERROR" in line or "Traceback" in line]

    @contextmanager
    def session(self):
        """A session on the server's database, for a test's own data (through the domain, as a
        person's saves would go); committed when the block ends without an error. No pool: the
        server keeps the database to itself between tests."""
        engine = create_engine(self.database_url, poolclass=NullPool)
        try:
            with Session(engine) as session:
                yield session
                session.commit()
        finally:
            engine.dispose()

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        databases.drop_blank(self.database_url)
