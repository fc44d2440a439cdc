"""Which import is really being written: an OS lock held by the process that writes it.

The job row says "running" from the moment ``submit`` claims it, and only that
process sets it to done or failed. If the process dies first (SIGKILL, OOM, a
power cut), the row would say "running" for ever. A ``flock`` lock is dropped
by the kernel when its process dies, however it dies: ``submit`` holds
``running.lock`` in the job's folder for as long as it writes, so a job marked
running whose lock anyone can take has no writer any more. That holds across
the app's worker processes and the command line on one machine (the import
folder is local to it).

The job row itself is claimed in the database (``claim_reviewed``,
``lock_running``): with several backend workers on PostgreSQL, two claimers
of the same rows — two Submit clicks reaching two workers, two workers
starting at once and each recovering interrupted jobs — take them with
``FOR UPDATE SKIP LOCKED``, so each row goes to one of them and the other
moves on at once instead of waiting for the first one's transaction. SQLite
has one writer at a time and no row locks: there the compare-and-set UPDATE
alone keeps a claim single.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import update
from sqlmodel import Session, select

from hoffice_app.models import ImportJob, JobStatus

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


def _skip_locked(session: Session, stmt):
    """``stmt`` taking its rows with FOR UPDATE SKIP LOCKED where the database has row locks."""
    return stmt.with_for_update(skip_locked=True) if session.get_bind().dialect.name == "postgresql" else stmt


def claim_reviewed(session: Session, job_id: int, **values) -> bool:
    """Move a reviewed job to "running" (setting ``values`` too), once: False if it is not
    reviewed any more, or if another transaction is claiming it right now."""
    free = session.execute(_skip_locked(session, select(ImportJob.id).where(
        ImportJob.id == job_id, ImportJob.status == JobStatus.REVIEWED))).first()
    if free is None:
        return False
    claimed = session.execute(update(ImportJob).where(ImportJob.id == job_id, ImportJob.status == JobStatus.REVIEWED)
                              .values(status=JobStatus.RUNNING, **values))
    return claimed.rowcount == 1


def lock_running(session: Session) -> list[ImportJob]:
    """The jobs marked "running" that no other transaction is looking at, locked until the
    caller's transaction ends (on SQLite: all of them)."""
    return list(session.exec(_skip_locked(session, select(ImportJob).where(ImportJob.status == JobStatus.RUNNING)
                                          .order_by(ImportJob.id))))
