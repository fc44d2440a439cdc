"""After a crash: imports left "running" by a process that died are marked failed.

An import writes all its rows in ONE transaction, so a process killed while
writing leaves nothing of it in the database (SQLite drops the uncommitted
pages from the WAL on the next open; PostgreSQL rolls back the connection).
What it does leave is the job row saying "running" and a few files in the job's
folder; ``recover_interrupted`` sets both right. The server calls it when it
starts (``hoffice_app/startup.py``); ``submit.progress`` already reports such a
job as interrupted before that (its lock is free: ``claim``).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import update

from hoffice_app.db import unit_of_work
from hoffice_app.domain import notify
from hoffice_app.importer.folders import job_dir
from hoffice_app.importer.sheets.result_after_commit import CODES
from hoffice_app.importer.write import claim
from hoffice_app.models import ImportJob, JobStatus

ERRORS = "errors.xlsx"
INTERRUPTED = ("The import was interrupted (the server stopped while it ran); nothing was written. "
               "Review the file and submit it again.")


def forget_unfinished(folder: Path) -> None:
    """Files an unfinished import may have left: nothing refers to them (its transaction
    did not commit), and the next submit writes them afresh."""
    for name in (CODES, ERRORS, "progress.json"):
        (folder / name).unlink(missing_ok=True)


def recover_interrupted(*, now: datetime) -> list[int]:
    """Mark as failed every job left "running" whose writer is gone (its lock is free), so
    it can be reviewed and submitted again. Safe while other processes import (their
    jobs' locks are held) and while other workers recover at the same moment (each job
    row is taken by one of them: ``claim.lock_running``). Returns the ids it marked."""
    marked, folders = [], []
    with unit_of_work() as s:
        for job in claim.lock_running(s):
            folder = job_dir(job)
            if not claim.abandoned(folder):
                continue
            # compare-and-set: on SQLite (no row locks) a job that finished meanwhile keeps its status
            changed = s.execute(update(ImportJob).where(ImportJob.id == job.id, ImportJob.status == JobStatus.RUNNING)
                                .values(status=JobStatus.FAILED, message=INTERRUPTED, finished_at=now, done=0))
            if changed.rowcount == 1:
                marked.append(job.id)
                folders.append(folder)
                notify.import_finished(s, employee_id=job.created_by_id, job_id=job.id, now=now,
                                       summary=f"{job.file_name}: {INTERRUPTED}")
    for folder in folders:  # after the commit: the job is failed for everyone now
        forget_unfinished(folder)
    return marked
