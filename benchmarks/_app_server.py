"""The app's backend alone, started as ``bin/run`` starts it, for benchmarks that talk to it
over its websocket (no frontend build: the load test is its own browser).

    with AppServer(database_url, redis_url=None, workers=1, workdir=tmp) as server:
        server.port, server.origin      # ws://127.0.0.1:<port>/_event, the Origin to send
        server.cpu_seconds()            # user+system CPU of every process of the backend

Start-up as bin/run does it: ``python -m hoffice_app db upgrade`` and ``seed demo`` first,
``python -m hoffice_app workers`` turns HOFFICE_WORKERS into GRANIAN_WORKERS (refusing what
cannot work, e.g. 4 workers on SQLite), then ``reflex run --env prod --backend-only``. The
backend runs in a process group of its own; leaving the block kills the whole group.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 180
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def process_cpu_seconds(pids) -> float:
    """utime + stime of the given processes, from /proc (processes gone meanwhile count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / TICKS


class CpuTally:
    """CPU seconds of a changing set of processes (PostgreSQL starts and ends a backend per
    connection): each process counts with the most it was ever seen to have used, so one
    that ended keeps its share. ``sample()`` often enough (a thread does it every 0.5 s) and
    what a short-lived process used between two samples is all that is missed."""

    def __init__(self, find_pids):
        self.find_pids, self.seen, self.lock = find_pids, {}, threading.Lock()

    def sample(self) -> float:
        with self.lock:
            for pid in self.find_pids():
                self.seen[pid] = max(self.seen.get(pid, 0.0), process_cpu_seconds([pid]))
            return sum(self.seen.values())

    def start_sampling(self, every: float = 0.5) -> threading.Event:
        stop = threading.Event()

        def loop() -> None:
            while not stop.wait(every):
                self.sample()
        threading.Thread(target=loop, name="cpu-tally", daemon=True).start()
        return stop


def process_group(pgid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def processes_matching(*words: str) -> list[int]:
    """Processes whose command line holds every word (PostgreSQL backends name their
    database in their title; Redis its port)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if all(w in cmd for w in words):
                found.append(int(entry.name))
    return found


class AppServer:
    def __init__(self, database_url: str, *, workdir: Path, workers: int = 1, redis_url: str | None = None,
                 demo_password: str = "demo-pass-load-1", log_path: Path | None = None):
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.workdir = workdir
        self.log_path = log_path or workdir / f"backend-{self.port}.log"
        self.env = {k: v for k, v in os.environ.items() if k not in ("REFLEX_REDIS_URL", "GRANIAN_WORKERS")} | {
            "DATABASE_URL": database_url,
            "HOFFICE_WORKERS": str(workers),
            "HOFFICE_ALLOWED_ORIGINS": self.origin,
            "HOFFICE_FILES_DIR": str(workdir / "files"),
            "HOFFICE_IMPORTS_DIR": str(workdir / "imports"),
            "HOFFICE_DEMO_PASSWORD": demo_password,
            "REFLEX_TELEMETRY_ENABLED": "false",
            "REFLEX_USE_SYSTEM_BUN": "1",
        }
        if redis_url:
            self.env["REFLEX_REDIS_URL"] = redis_url
        self.proc: subprocess.Popen | None = None

    def cli(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "hoffice_app", *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"hoffice_app {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        return done.stdout

    def prepare(self) -> None:
        """Migrations and the demo seed, as bin/run does before serving."""
        self.cli("db", "upgrade")
        self.cli("seed", "demo", "--if-empty")

    def start(self) -> None:
        workers = self.cli("workers").strip().splitlines()[-1]
        self.env["GRANIAN_WORKERS"] = workers
        log = open(self.log_path, "w")
        reflex = Path(sys.executable).with_name("reflex")
        self.proc = subprocess.Popen([str(reflex), "run", "--env", "prod", "--backend-only", "--backend-port",
                                      str(self.port), "--loglevel", "warning"], cwd=ROOT, env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"backend exited during start-up:\n{self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.origin}/ping", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"backend not up after {START_TIMEOUT} s:\n{self.log_path.read_text()[-3000:]}")

    def pids(self) -> list[int]:
        return process_group(self.proc.pid) if self.proc else []

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.pids())

    def errors(self) -> list[str]:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return [line for line in text.splitlines() if "ERROR" in line or "Traceback" in line]

    def stop(self) -> None:
        """SIGTERM to the group, then SIGKILL to whatever of it is left (Granian's workers too)."""
        if self.proc is None:
            return
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                pass
            deadline = time.monotonic() + wait
            while self.pids() and time.monotonic() < deadline:
                time.sleep(0.2)

    def __enter__(self) -> "AppServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
