"""The scheduled work of notifications, run once a minute across all workers (runner.py):
follow-up reminders whose time has come, and overdue follow-ups (the assignee, later their
manager). Each batch commits on its own, so a large minute (thousands of follow-ups due at
once) is queued in a few short transactions, and a crash part-way loses nothing: what was
not marked yet is found again next minute."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from hoffice_app.domain.notify.runner import register
from hoffice_app.domain.notify.triggers import queue_overdue, queue_reminders

BATCH = 2000
NAME = "follow_up_messages"


def follow_up_messages(engine: Engine, now: datetime) -> int:
    """Queue every reminder and overdue message that is due at ``now``; returns how many follow-ups."""
    handled = 0
    for scan in (queue_reminders, queue_overdue):
        while True:
            with Session(engine) as session:
                n = scan(session, now=now, limit=BATCH)
                session.commit()
            handled += n
            if n < BATCH:
                break
    return handled


def register_jobs() -> None:
    register(NAME, job=follow_up_messages)
