"""Work the app does on its own: the outbox's dispatcher every few seconds, and scheduled jobs
(reminders, policies) every minute, from one daemon thread per server process.

Every worker process runs the loop; the database decides who does what. The dispatcher's claims
keep two workers off one message (dispatch.py). A scheduled job runs once per period across all
workers: a worker runs it only after taking its row of ``runner_lease`` by a conditional UPDATE
that succeeds only while the lease is free or has run out and the job is due, and gives it back
with ``last_finished_at`` when done. A worker that dies holding a lease holds it only until the
lease runs out. A job is a function of (engine, now): it opens its own unit of work, and is
written so that running it twice changes nothing (the outbox's keys make sending idempotent).

Start the loop with ``start_in_this_process()`` from each server process (a lifespan task runs
in every worker, after the fork): a thread is never inherited by a forked child, so the child
starts its own, and calling it again in the same process does nothing.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

from hoffice_app import db
from hoffice_app.domain.notify.dispatch import dispatch_due
from hoffice_app.models import RunnerLease

log = logging.getLogger(__name__)
DISPATCH_EVERY = 2.0  # seconds between looks at the outbox
RUN_EVERY = 60.0  # seconds between looks at the scheduled jobs
BATCH = 200  # messages claimed at a time; a batch that runs long gives the rest back
LONGEST_PAUSE = 60.0  # after repeated database errors the loop waits up to this long
_lease = RunnerLease.__table__
Job = Callable[[Engine, datetime], object]


@dataclass(frozen=True)
class Scheduled:
    name: str
    every: timedelta
    job: Job
    lease: timedelta


class Schedule:
    """The registered jobs (the module's SCHEDULE; tests make their own)."""

    def __init__(self) -> None:
        self._jobs: dict[str, Scheduled] = {}

    def register(self, name: str, *, every: timedelta = timedelta(minutes=1), job: Job,
                 lease: timedelta = timedelta(minutes=10)) -> None:
        """Run ``job(engine, now)`` once every ``every`` across all workers. ``lease``: how long a
        run may take before another worker may assume its worker died and run it again."""
        if not 1 <= len(name) <= 40:
            raise ValueError("a job's name has 1 to 40 characters")
        self._jobs[name] = Scheduled(name, every, job, lease)

    def run_due(self, engine: Engine, *, now: datetime, holder: str) -> list[str]:
        """Run every job that is due at ``now`` and whose lease ``holder`` gets; returns their names.
        A failing job is logged and does not count as run (it is due again next time)."""
        ran = []
        for item in list(self._jobs.values()):
            if not take_lease(engine, item.name, holder=holder, now=now, lease=item.lease, every=item.every):
                continue
            try:
                item.job(engine, now)
            except Exception:
                log.exception("scheduled job %s failed; it runs again next time", item.name)
                release_lease(engine, item.name, holder=holder, finished_at=None)
            else:
                release_lease(engine, item.name, holder=holder, finished_at=now)
                ran.append(item.name)
        return ran


SCHEDULE = Schedule()


def register(name: str, *, every: timedelta = timedelta(minutes=1), job: Job,
             lease: timedelta = timedelta(minutes=10)) -> None:
    SCHEDULE.register(name, every=every, job=job, lease=lease)


def run_due(engine: Engine, *, now: datetime, holder: str, schedule: Schedule | None = None) -> list[str]:
    return (schedule or SCHEDULE).run_due(engine, now=now, holder=holder)


def take_lease(engine: Engine, name: str, *, holder: str, now: datetime, lease: timedelta,
               every: timedelta = timedelta(0)) -> bool:
    """Whether ``holder`` now holds ``name``'s lease until ``now + lease``: only when nobody holds
    it (or their lease has run out) and the last run finished at least ``every`` before ``now``."""
    insert = postgresql_insert if engine.dialect.name == "postgresql" else sqlite_insert
    with engine.connect() as conn:
        conn.execute(insert(_lease).values(name=name, holder="", until=None, last_finished_at=None)
                     .on_conflict_do_nothing(index_elements=["name"]))
        taken = conn.execute(update(_lease).where(
            _lease.c.name == name,
            or_(_lease.c.until.is_(None), _lease.c.until <= now),
            or_(_lease.c.last_finished_at.is_(None), _lease.c.last_finished_at <= now - every),
        ).values(holder=holder, until=now + lease))
        conn.commit()
    return taken.rowcount == 1


def release_lease(engine: Engine, name: str, *, holder: str, finished_at: datetime | None) -> None:
    """Give the lease back (if ``holder`` still holds it), noting when a run finished."""
    values = {"holder": "", "until": None} | ({"last_finished_at": finished_at} if finished_at else {})
    with engine.connect() as conn:
        conn.execute(update(_lease).where(_lease.c.name == name, _lease.c.holder == holder).values(**values))
        conn.commit()


def serve_forever(stop_event: threading.Event, engine_factory: Callable[[], Engine] = db.get_engine, *,
                  schedule: Schedule | None = None, dispatch_every: float = DISPATCH_EVERY,
                  run_every: float = RUN_EVERY, clock: Callable[[], datetime] = db.utcnow) -> None:
    """Until ``stop_event`` is set: the outbox every ``dispatch_every`` seconds (a backlog without
    pause), the scheduled jobs every ``run_every``. A database error is logged and the loop goes
    on, pausing longer after each failure in a row (up to a minute)."""
    holder = f"{socket.gethostname()[:50]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"  # runner_lease.holder: 80
    next_run, failures = 0.0, 0
    while not stop_event.is_set():
        ok = True
        try:
            while dispatch_due(engine_factory(), now=clock(), batch=BATCH).claimed >= BATCH:
                if stop_event.is_set():
                    break
        except Exception:
            ok = False
            _log_failure("sending the outbox", failures)
        if time.monotonic() >= next_run:
            next_run = time.monotonic() + run_every
            try:
                run_due(engine_factory(), now=clock(), holder=holder, schedule=schedule)
            except Exception:
                ok = False
                _log_failure("running the scheduled jobs", failures)
        failures = 0 if ok else failures + 1
        stop_event.wait(dispatch_every if ok else min(dispatch_every * 2 ** failures, LONGEST_PAUSE))


def _log_failure(what: str, failures: int) -> None:
    """The first failure with its traceback; while it goes on, one line each time."""
    if failures == 0:
        log.exception("%s failed; trying again shortly", what)
    else:
        log.warning("%s failed again (%d times in a row)", what, failures + 1)


_process: dict[str, object] = {}
_lock = threading.Lock()


def start_in_this_process(engine_factory: Callable[[], Engine] = db.get_engine) -> threading.Thread:
    """This process's loop thread, started on the first call (later calls return it)."""
    with _lock:
        thread = _process.get("thread")
        if isinstance(thread, threading.Thread) and thread.is_alive():
            return thread
        stop = threading.Event()
        thread = threading.Thread(target=serve_forever, args=(stop, engine_factory), name="hoffice-notify",
                                  daemon=True)
        _process.update(thread=thread, stop=stop)
        thread.start()
        return thread


def stop_in_this_process(timeout: float = 30.0) -> None:
    """Stop the loop (once the batch in hand is sent) and wait for it; for shutdown and tests."""
    with _lock:
        stop, thread = _process.pop("stop", None), _process.pop("thread", None)
    if isinstance(stop, threading.Event):
        stop.set()
    if isinstance(thread, threading.Thread):
        thread.join(timeout)


def _forget_after_fork() -> None:
    """A forked child has no loop thread (only the forking thread survives a fork), and the lock
    may have been held by another thread at that moment: start clean."""
    global _lock
    _process.clear()
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)
