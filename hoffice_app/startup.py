"""What the server does once as it starts, before it serves anyone.

Plain Python (no reflex): ``hoffice_app.py`` registers each step as a lifespan task.
"""
from __future__ import annotations

import gc
import logging

from hoffice_app.db import utcnow
from hoffice_app.importer import submit

log = logging.getLogger("hoffice_app.startup")


def recover_interrupted_imports() -> None:
    """A server killed while it imported leaves the job "running" with nobody writing it.
    Nothing of it was written (one transaction), so it is marked failed here, durably,
    and every page and the history say it can be submitted again. Jobs another process is
    still writing (another worker, the command line) hold their lock and are left alone."""
    try:
        marked = submit.recover_interrupted(now=utcnow())
    except Exception as err:  # noqa: BLE001 — e.g. not migrated yet: the pages will say so, start anyway
        log.warning("Could not check for interrupted imports: %s", err)
        return
    if marked:
        log.warning("Interrupted imports marked failed: %s (the server stopped while they ran; nothing of "
                    "them was written, they can be submitted again).", ", ".join(map(str, marked)))


def start_notifications() -> None:
    """This worker's notification loop (domain/notify/runner.py): it sends the outbox and runs
    the minute's scheduled work (reminders, overdue follow-ups). Every worker runs one: the
    outbox's claims and the jobs' lease keep them from doing the same work twice. Started
    here, after Granian forked the worker, so the thread and its connections are this
    worker's own."""
    from hoffice_app.domain import notify, policies

    notify.register_jobs()
    policies.register_jobs()  # the revoke policies' minute pass runs on the same runner
    notify.start_in_this_process()


def freeze_startup_objects() -> None:
    """Leave what the server built to start (modules, pages, states' classes, the engine) out of
    the garbage collector's full passes: it lives as long as the process. Without this, every
    so often a full pass walks it all and stops the worker mid-request: measured in the board
    benchmark's process, a 50 ms pause about every 130 boards, which was its whole p95 (and the
    server's heap is larger). Registered last, so the other steps' objects are frozen too."""
    gc.collect()
    gc.freeze()
