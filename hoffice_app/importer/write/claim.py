"""Which import is really being written: an OS lock held by the process that writes it.

The job row says "running" from the moment ``submit`` claims it, and only that
process sets it to done or failed. If the process dies first (SIGKILL, OOM, a
power cut), the row would say "running" for ever. A ``flock`` lock is dropped
by the kernel when its process dies, however it dies: ``submit`` holds
``running.lock`` in the job's folder for as long as it writes, so a job marked
running whose lock anyone can take has no writer any more. That holds across
the app's worker processes and the command line on one machine (the import
folder is local to it).
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK = "running.lock"
WAIT_SECONDS = 1.0  # a probe holds the lock for microseconds; another writer holds it for the whole import


class Busy(Exception):
    """Another thread or process is writing this job."""


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def holding(folder: Path) -> Iterator[None]:
    """Hold the job's lock while writing it; ``Busy`` if someone else holds it."""
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise Busy(str(folder))
            time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def abandoned(folder: Path) -> bool:
    """True when no process holds the job's lock: its writer died (or never took one).
    Locks are per open file, so this also answers right inside the writing process."""
    try:
        fd = os.open(folder / LOCK, os.O_RDWR)
    except FileNotFoundError:
        return True
    try:
        return _try_lock(fd)
    finally:
        os.close(fd)
