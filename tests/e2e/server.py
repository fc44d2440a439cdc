"""One production server for the whole e2e session, on a fresh database (``kill`` and
``restart`` serve the crash test: the same build, port and database after a SIGKILL).

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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo-pass-e2e-1"
BUILD_TIMEOUT = 900
RESTART_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, workdir: Path, *, seed: bool = True):
        self.workdir, self.seed = workdir, seed
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.log_path = workdir / "server.log"
        self.imports_dir = workdir / "imports"
        self.env = os.environ | {
            "DATABASE_URL": f"sqlite:///{workdir / 'e2e.db'}",
            "HOFFICE_IMPORTS_DIR": str(self.imports_dir),  # this run's files only, like its database
            # The server's own address is the one origin that may use its cookie (hoffice_app/origins.py).
            "HOFFICE_ALLOWED_ORIGINS": self.url,
            "HOFFICE_DEMO_PASSWORD": DEMO_PASSWORD,
            "HOFFICE_FILES_DIR": str(workdir / "files"),  # this run's files only, like its database
            "REFLEX_USE_SYSTEM_BUN": "1",
            "REFLEX_TELEMETRY_ENABLED": "false",
            "REFLEX_PERF_MODE": "raise",
            "REFLEX_STATE_SIZE_LIMIT": "100",
        }
        self.proc: subprocess.Popen | None = None
        self._log_offset = 0

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "hoffice_app", *args], cwd=ROOT, env=self.env, input=stdin,
                              capture_output=True, text=True, check=True)

    def start(self) -> None:
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
        return time.monotonic() - started

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

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
