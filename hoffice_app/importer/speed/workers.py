"""Import work on the machine's other cores: the review's row checks, the result
sheet, the export's rows.

Checking a row (rules, phone and e-mail libraries) is pure Python and costs
~100 µs; a 100,000-row sheet is ~10 s of one core. The checks of a chunk
need nothing from earlier chunks (``review.check_chunk``: its cells, the
read-only look-ups, a ``Context``), so worker processes check chunks while
this process takes the results in file order and makes the decisions that
do depend on order (duplicates within the file, the policy) and keeps the
results. Each worker reads its chunk straight from the staged sheet (by
offset) and opens its own read-only connection, so cells never travel
through a pipe twice.

Used for sheets of ``MIN_ROWS`` rows or more on a database other processes
can open (a file or a server); smaller sheets and in-memory databases are
checked in this process. ``HOFFICE_IMPORT_WORKERS`` sets the number of
workers (default: one per core, at most ``MAX_WORKERS``; 0 turns this off).
The workers are plain ``python -m hoffice_app.importer.speed.worker_process``
processes talking over their stdin/stdout (length-prefixed records), not
``multiprocessing``: that would re-run the parent's main module (the web
server's or a script's) in every child, and ``fork`` from a threaded server
is unsafe. They are started once per process (``warm_up`` at the mapping
step, so their start overlaps the file's read) and kept; one review uses
them at a time (another, meanwhile, checks in its own process). A worker
exits when its stdin closes, i.e. with this process. Workers run ``NICER``
steps of CPU priority below this process, for all their jobs: the process
staging a sheet they check ahead (``ahead.py``) and the app's own pages keep
their core; on an idle machine the priority changes nothing.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from hoffice_app.db import PROJECT_ROOT

MIN_ROWS = 10_000
WARM_BYTES = 2 * 2 ** 20  # an upload this big likely holds MIN_ROWS rows or more
MAX_WORKERS = 4
NICER = 10  # how much lower the workers' CPU priority is than this process's
AHEAD = 2  # chunks queued per worker: enough to keep it busy, bounded so results cannot pile up

_lock = threading.Lock()  # guards _workers
_busy = threading.Lock()  # held by the one review using the workers
_workers: list["Worker"] = []


def _forget_after_fork() -> None:
    """A forked child (a backend worker forked from the process that imported the app) starts
    its own import workers: the parent's answer the parent, and two processes writing
    requests into one pipe would interleave them. Its locks are new too: one held by a
    parent thread at the fork would stay held in the child, where that thread does not exist."""
    global _lock, _busy, _workers
    _lock, _busy, _workers = threading.Lock(), threading.Lock(), []


os.register_at_fork(after_in_child=_forget_after_fork)


class WorkerFailed(RuntimeError):
    """A worker process died or raised; the work that needed it stops (nothing is written)."""


def workers() -> int:
    raw = os.environ.get("HOFFICE_IMPORT_WORKERS", "")
    if raw.strip().isdigit():
        return min(int(raw), MAX_WORKERS)
    return min(os.cpu_count() or 1, MAX_WORKERS)


def shareable(url) -> bool:
    """Whether worker processes can open the same database (not an in-memory SQLite)."""
    if url.get_backend_name() != "sqlite":
        return True
    return bool(url.database) and url.database != ":memory:" and "mode=memory" not in str(url)


class Worker:
    def __init__(self):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT),
                                                                           os.environ.get("PYTHONPATH")]))}
        # Same working directory as this process: a relative SQLite path or import folder means the same.
        self.proc = subprocess.Popen([sys.executable, "-m", "hoffice_app.importer.speed.worker_process"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        try:  # below this process: staging a sheet while its rows are checked ahead, and the app's pages, go first
            os.setpriority(os.PRIO_PROCESS, self.proc.pid, os.getpriority(os.PRIO_PROCESS, 0) + NICER)
        except OSError:
            pass  # a platform without priorities: only slower

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, request: tuple) -> None:
        data = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(len(data).to_bytes(8, "little") + data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise WorkerFailed("an import worker process stopped unexpectedly") from None

    def receive(self) -> bytes:
        head = self.proc.stdout.read(9)
        if len(head) < 9:
            raise WorkerFailed("an import worker process stopped unexpectedly")
        data = self.proc.stdout.read(int.from_bytes(head[1:], "little"))
        if head[:1] != b"K":
            raise WorkerFailed(f"an import worker failed: {data.decode(errors='replace')}")
        return data

    def stop(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass


def _pool() -> list[Worker]:
    """The started workers (started now if needed)."""
    count = workers()
    with _lock:
        _workers[:] = [w for w in _workers if w.alive()]
        while len(_workers) < count:
            _workers.append(Worker())
        return list(_workers[:count])


def warm_up() -> None:
    """Start the workers now (each imports the checks), so the review need not wait for them."""
    if workers() > 0:
        _pool()


def _drop(pool: list[Worker]) -> None:
    """Forget workers that failed or may be mid-answer (the next use starts fresh ones)."""
    with _lock:
        for w in pool:
            w.stop()
            w.proc.kill()
            if w in _workers:
                _workers.remove(w)


class Aside:
    """A job one worker does while this process goes on (``run_aside``)."""

    def __init__(self, worker: Worker):
        self.worker = worker

    def wait(self) -> None:
        """Until the worker is done; raises WorkerFailed if it failed."""
        try:
            self.worker.receive()
        except BaseException:
            _drop([self.worker])
            raise
        finally:
            _busy.release()


def run_aside(kind: str, *args) -> Aside | None:
    """Start ``worker_process`` job ``kind`` on a worker; None when none is free."""
    if workers() < 1 or not _busy.acquire(blocking=False):
        return None
    try:
        worker = _pool()[0]
        worker.send((kind, *args))
    except BaseException:
        _busy.release()
        raise
    return Aside(worker)


def chunk_offsets(staged: Path) -> Iterator[tuple[int, int]]:
    """(offset, size) of each data chunk of a staged sheet (the first record is its header)."""
    with staged.open("rb") as fh:
        offset, first = 0, True
        while size_bytes := fh.read(8):
            size = int.from_bytes(size_bytes, "little")
            if not first:
                yield offset + 8, size
            first = False
            offset += 8 + size
            fh.seek(offset)


def check_job(url: str, *, actor, ctx, columns: dict[str, int], policy: str) -> bytes:
    """What every worker needs to check a sheet's chunks (``worker_process.check``), pickled;
    the same inputs give the same bytes (``ahead`` compares them). Only whether the policy
    creates every row matters to the checks, so the other two policies give one job."""
    return pickle.dumps((url, actor, ctx, columns, "create" if policy == "create" else "skip"))


def checked_chunks(job: bytes, staged: Path):
    """``with checked_chunks(…) as chunks``: the staged sheet's chunks checked by the workers,
    in file order, each as ``worker_process.check`` returns it; None when no worker is free."""
    return in_order(("check", job, str(staged), offset, size) for offset, size in chunk_offsets(staged))


@contextmanager
def in_order(requests, *, raw: bool = False):
    """``with in_order(requests) as answers``: each request ``(kind, job, *args)`` answered by
    a worker, the answers (unmarshalled, or as sent when ``raw``) in request order; ``job``
    (bytes, the same for all) is sent once per worker. ``answers`` is None when no worker is
    free: the caller then does the work itself. Leaving the block early (an error) drops
    workers still answering."""
    if workers() < 1 or not _busy.acquire(blocking=False):
        yield None
        return
    answers = _answers(requests, raw)
    try:
        yield answers
    finally:
        answers.close()
        _busy.release()


def _answers(requests, raw: bool) -> Iterator[object]:
    import marshal

    decode = bytes if raw else marshal.loads

    pool: list[Worker] = []
    pending: list[Worker] = []  # in order: who answers each queued request
    try:
        pool = _pool()
        token = os.urandom(8).hex()
        for i, (kind, job, *args) in enumerate(requests):
            worker = pool[i % len(pool)]
            worker.send((kind, token, job if i < len(pool) else b"", *args))
            pending.append(worker)
            if len(pending) >= AHEAD * len(pool):
                yield decode(pending.pop(0).receive())
        while pending:
            yield decode(pending.pop(0).receive())
    except GeneratorExit:  # the caller stopped early: answers still on their way are not wanted
        if pending:
            _drop(pool)
        raise
    except BaseException:
        _drop(pool)  # a worker may be mid-answer: start clean next time
        raise
