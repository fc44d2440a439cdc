"""The engine's place in the notification runner: once a minute across all workers, one pass
in one transaction (a failure rolls it back whole; the next minute tries again). The CLI's
``policies run`` takes the same lease first, so it never runs beside a worker's pass."""
from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain.common import DomainError
from hoffice_app.domain.notify import register, release_lease, take_lease
from hoffice_app.domain.policies.engine import Report, run

NAME = "revoke_policies"
LEASE = timedelta(minutes=10)


def minute_pass(engine: Engine, now: datetime) -> Report:
    with Session(engine) as session:
        report = run(session, now=now)
        session.commit()
    return report


def register_jobs() -> None:
    register(NAME, job=minute_pass, lease=LEASE)


def run_now(engine: Engine, *, at: datetime, dry_run: bool = False) -> Report:
    """One pass as if it were ``at`` (the CLI). A dry run reads only; a real one holds the
    runner's lease (taken at the real time) so no worker runs a pass at the same moment."""
    if dry_run:
        with Session(engine) as session:
            return run(session, now=at, dry_run=True)
    holder = f"cli:{socket.gethostname()[:40]}:{os.getpid()}"
    if not take_lease(engine, NAME, holder=holder, now=utcnow(), lease=LEASE):
        raise DomainError("The app is running the revoke policies right now; try again in a minute.")
    try:
        return minute_pass(engine, at)
    finally:
        release_lease(engine, NAME, holder=holder, finished_at=None)
