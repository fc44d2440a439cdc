"""Submit: write every reviewed valid row, or none.

``submit`` runs in a background thread (the wizard) or in the CLI. It opens
its own units of work: a short one marking the job "running", then ONE
transaction for all the contacts, whose end also marks the job "done"; on
any failure that transaction rolls back (nothing written; on SQLite no code used
up, on PostgreSQL the codes taken stay a gap: ``codes.allocate_apart``)
and a third short one marks the job "failed" with the reason.

Progress goes to a small JSON file in the job's folder every chunk (2,000
rows), not to the job row: on SQLite the import's transaction holds the
only write lock, so a second transaction updating the job row would wait
for the import itself. ``progress()`` reads the job row and, while it runs,
that file — so a reloaded page finds where the import is.

Between review and submit other people may have saved contacts. Unless the
contacts are exactly as at the review (same count, highest id and latest
change), each chunk is checked again just before it is written: a contact to update must still
be there (and visible), a Relation To contact too, and a new row whose
e-mail or mobile now exists becomes a duplicate (with the skip and update
policies). Those rows join the error sheet and the counts.

The contacts to update are read, then written from what was read (version + 1). On
SQLite the import holds the write lock from its start, so nobody saves meanwhile. On
PostgreSQL they are locked first (``FOR UPDATE``, in id order, in the import's own
transaction): a form saving one of them waits for the import's commit, then finds the
version moved and merges or is refused (``domain/common/versions.py``) — never
overwritten, nor overwriting.
"""
from __future__ import annotations

import heapq
import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from hoffice_app.db import bulk_unit_of_work, unit_of_work, utcnow
from hoffice_app.domain import notify
from hoffice_app.domain.common import Actor, DomainError, NotFound, ValidationError, codes, require_actor
from hoffice_app.domain.contacts import visible_clause
from hoffice_app.importer.check import lookups
from hoffice_app.importer.check.context import build_context
from hoffice_app.importer.check.normalize import Parsed
from hoffice_app.importer.folders import job_dir, owns
from hoffice_app.importer.jobs import contacts_watermark, get_job, spool_path, staged_mapping
from hoffice_app.importer.read.spool import cells_of, read_rows, update_targets
from hoffice_app.importer.sheets import result_after_commit as result_sheet
from hoffice_app.importer.sheets.result_error import write_error_sheet
from hoffice_app.importer.speed import pg_copy
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.importer.speed.gc_pause import gc_paused
from hoffice_app.importer.views import ImportSummary, JobProgress, JobRow
from hoffice_app.importer.write import claim, recovery
from hoffice_app.importer.write.commit import Writer
from hoffice_app.models import Contact, Employee, ImportIssue, ImportJob, JobStatus

log = logging.getLogger(__name__)
STALE_SECONDS = 15 * 60  # a "running" job whose progress file is this old died with its process


class ImportFailed(DomainError):
    """The import was rolled back; the message says why and that nothing was written."""


def submit(job_id: int, actor: Actor, *, now: datetime, progress=None) -> ImportSummary:
    """Write the job's reviewed rows, holding its lock throughout (``write/claim``: how a
    job left "running" by a killed process is told apart from one being written)."""
    with unit_of_work() as s:
        folder = job_dir(get_job(s, actor, job_id))  # who may, before anything is touched
    try:
        with claim.holding(folder):
            return _submit(job_id, actor, now=now, progress=progress)
    except claim.Busy:
        raise ValidationError({"job": "This import is running or finished."}) from None


def _submit(job_id: int, actor: Actor, *, now: datetime, progress=None) -> ImportSummary:
    with unit_of_work() as s:
        job = get_job(s, actor, job_id)
        busy = ValidationError({"job": "This import is running or finished."})
        if job.status != JobStatus.REVIEWED:
            raise busy if job.status in (JobStatus.RUNNING, JobStatus.DONE) else ValidationError(
                {"job": "Review the file before submitting it."})
        # Of two Submit clicks racing here (maybe in two workers), only one moves the job to "running".
        if not claim.claim_reviewed(s, job_id, started_at=now, done=0, message=""):
            raise busy
        state, policy, kam_id, total = staged_mapping(job), job.policy, job.key_account_manager_id, job.valid
        folder, spool = job_dir(job), spool_path(job)
    _write_progress(folder, 0, total)
    try:
        with bulk_unit_of_work() as s, gc_paused():
            counts = _write_all(s, actor, job_id, state, policy, kam_id, total, now, folder, progress)
    except Exception as err:
        recovery.forget_unfinished(folder)
        reason = err.message if isinstance(err, DomainError) else f"{type(err).__name__}: {err}"
        message = f"The import failed and nothing was written ({reason.rstrip('.')}). Review the file and try again."
        with unit_of_work() as s:
            job = s.get(ImportJob, job_id)
            job.status, job.message, job.finished_at, job.done = JobStatus.FAILED, message[:2000], utcnow(), 0
            s.add(job)
            s.flush()
            notify.import_finished(s, employee_id=job.created_by_id, job_id=job.id, now=job.finished_at,
                                   summary=f"{job.file_name}: {message}")
        raise ImportFailed(message) from err
    finally:
        (folder / "progress.json").unlink(missing_ok=True)
    sheet = (folder, spool, state["headers"], _code_index(state))
    if counts.valid >= parallel.MIN_ROWS:
        result_sheet.build_later(*sheet)
    else:
        try:
            result_sheet.ensure(*sheet)
        except Exception:  # noqa: BLE001 — the rows are in; the download writes the sheet again
            log.exception("writing the result sheet of import %s failed", job_id)
    return counts


def recover_interrupted(*, now: datetime) -> list[int]:
    """At start-up: jobs left "running" by a process that died are marked failed (``write/recovery``)."""
    return recovery.recover_interrupted(now=now)


def _code_index(state: dict) -> int | None:
    return next((int(i) for i, k in state["columns"].items() if k == "contact_code"), None)


def _write_all(s: Session, actor: Actor, job_id: int, state: dict, policy: str, kam_id, total: int, now: datetime,
               folder: Path, progress) -> ImportSummary:
    header, errors = state["headers"], folder / recovery.ERRORS
    lost: list[tuple[int, list[str], str, str]] = []  # (row, cells, reason, kind)
    codes_by_row: dict[int, str] = {}  # what the result sheet needs, written after the commit
    done = 0
    conn = s.connection()
    if conn.dialect.name == "sqlite" and not conn.connection.driver_connection.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock first: what is read next holds until the commit
    unchanged = state.get("watermark") == contacts_watermark(s)
    to_create = s.get(ImportJob, job_id).to_create
    spool = spool_path(s.get(ImportJob, job_id))
    if conn.dialect.name == "postgresql":  # no form save may land between our read of a contact and our write
        pg_copy.lock_rows(conn.connection.driver_connection, "contact", update_targets(spool))
    # Nobody changed a contact since the review: every reviewed row will be written as
    # reviewed, so the new codes are known now (and taken without a pause per chunk).
    new_codes = codes.allocate_apart(s, "contact", to_create) if unchanged and to_create else None
    writer = Writer(s, build_context(s, actor, now), kam_id=kam_id, now=now,
                    new_codes=iter(new_codes) if new_codes else None, expected_new=to_create or 0)
    try:
        for chunk in read_rows(spool):
            dropped = []
            if not unchanged:
                writer.drain()
                chunk, dropped = _recheck(s, actor, policy, chunk, writer.written_ids)
                lost += dropped
            for row, code in writer.write(chunk):
                codes_by_row[row.number] = code
            done += len(chunk) + len(dropped)
            _write_progress(folder, done, total)
            if progress:
                progress(done, total)
        writer.finish()
    except BaseException:
        writer.abort()
        raise
    result_sheet.save_codes(folder, codes_by_row)
    job = s.get(ImportJob, job_id)
    job.valid -= len(lost)
    job.invalid += sum(1 for *_x, kind in lost if kind == "invalid")
    job.duplicate += sum(1 for *_x, kind in lost if kind == "duplicate")
    job.created, job.updated, job.done = writer.created, writer.updated, done
    failed = s.exec(select(ImportIssue.row_number, ImportIssue.cells, ImportIssue.summary).where(
        ImportIssue.job_id == job_id, ImportIssue.kind.in_(("invalid", "duplicate"))).order_by(ImportIssue.row_number))
    rows = heapq.merge(((n, json.loads(c), r) for n, c, r in failed), ((n, c, r) for n, c, r, _k in lost))
    written = write_error_sheet(errors, header, ((cells, reason) for _n, cells, reason in rows))
    job.result_path = str(folder / result_sheet.RESULT)  # written after the commit (submit)
    job.errors_path = str(errors) if written else ""
    if not written:
        errors.unlink(missing_ok=True)
    job.status, job.finished_at = JobStatus.DONE, utcnow()
    job.message = f"{job.created:,} contacts created, {job.updated:,} updated."
    s.add(job)
    s.flush()
    skipped = job.invalid + job.duplicate
    summary = f"{job.file_name}: {job.message}"
    if skipped:
        summary += f" {skipped:,} rows were not imported; the error sheet lists them."
    notify.import_finished(s, employee_id=job.created_by_id, job_id=job.id, now=job.finished_at, summary=summary)
    return _summary(job)


def _recheck(s: Session, actor: Actor, policy: str, chunk, written: set[int]):
    """Drop rows the database no longer allows (see the module docstring)."""
    targets = {r.target.id for r, a in chunk if a == "update"} | {r.related_id for r, _a in chunk if r.related_id}
    alive = set(s.exec(select(Contact.id).where(Contact.id.in_(targets), visible_clause(s, actor)))) \
        if targets else set()
    creates = [r for r, a in chunk if a == "create"]
    by_email, by_mobile = ({}, {}) if policy == "create" or not creates else lookups.existing_matches(
        s, [r.email for r in creates if r.email], [m for r in creates for m in r.mobiles])
    keep, dropped = [], []
    for row, action in chunk:
        reason, kind = _late_problem(row, action, alive, by_email, by_mobile, written)
        if reason:
            dropped.append((row.number, cells_of(row), reason, kind))
        else:
            keep.append((row, action))
    return keep, dropped


def _late_problem(row: Parsed, action: str, alive, by_email, by_mobile, written) -> tuple[str, str]:
    if action == "update" and row.target.id not in alive:
        return "The contact to update was deleted or made private after the review.", "invalid"
    if row.related_id and row.related_id not in alive:
        return "Relation To: the contact was deleted or made private after the review.", "invalid"
    if action == "create":
        matched = set(by_email.get(row.email.lower(), ())) if row.email else set()
        for number in row.mobiles:
            matched |= by_mobile.get(number, set())
        if matched - written:
            return "A contact with the same e-mail or mobile was saved after the review.", "duplicate"
    return "", ""


def _summary(job: ImportJob) -> ImportSummary:
    return ImportSummary(total=job.total, valid=job.valid, invalid=job.invalid, duplicate=job.duplicate,
                         created=job.created, updated=job.updated, warnings=job.warnings, message=job.message)


def _write_progress(folder: Path, done: int, total: int) -> None:
    path = folder / "progress.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"done": done, "total": total}))
    os.replace(tmp, path)


def progress(session: Session, actor: Actor, job_id: int, *, now: datetime | None = None) -> JobProgress:
    """Where the job is; survives a page reload (and another worker process)."""
    job = get_job(session, actor, job_id)
    status, done, total, message = job.status, job.done, job.valid, job.message
    seconds_left = None
    if status == JobStatus.RUNNING and claim.abandoned(job_dir(job)):
        status, message = JobStatus.FAILED, recovery.INTERRUPTED  # written so at the next start-up
    elif status == JobStatus.RUNNING:
        path = job_dir(job) / "progress.json"
        try:
            live = json.loads(path.read_text())
            done, total = live["done"], live["total"]
            age = (now or utcnow()).timestamp() - path.stat().st_mtime
        except (OSError, ValueError, KeyError):
            age = STALE_SECONDS + 1 if job.started_at and ((now or utcnow()) - job.started_at).total_seconds() \
                > STALE_SECONDS else 0
        if age > STALE_SECONDS:
            status, message = JobStatus.FAILED, "The import stopped unexpectedly; nothing was written. Submit it again."
        elif done and job.started_at:
            elapsed = ((now or utcnow()) - job.started_at).total_seconds()
            seconds_left = max(0, round(elapsed / done * (total - done)))
    sheet = result_sheet.state(Path(job.result_path).parent) if status == JobStatus.DONE and job.result_path else "none"
    return JobProgress(status=status, done=done, total=total, seconds_left=seconds_left,
                       summary=_summary(job) if status == JobStatus.DONE else None, message=message,
                       has_result=sheet in ("ready", "on_demand"), result_pending=sheet == "pending",
                       has_errors=bool(job.errors_path) and Path(job.errors_path).exists())


def history(session: Session, actor: Actor, offset: int = 0, limit: int = 20) -> list[JobRow]:
    """Newest first: the actor's own imports (an administrator's: everyone's)."""
    require_actor(actor)
    stmt = select(ImportJob, Employee.name).join(Employee, Employee.id == ImportJob.created_by_id)
    if not actor.is_admin:
        stmt = stmt.where(ImportJob.created_by_id == actor.id)
    rows = session.exec(stmt.order_by(ImportJob.id.desc()).offset(max(0, offset)).limit(max(1, min(limit, 100))))
    return [JobRow(id=j.id, file_name=j.file_name, who=name, when=j.created_at, status=j.status, total=j.total,
                   valid=j.valid, invalid=j.invalid, duplicate=j.duplicate, created=j.created, updated=j.updated)
            for j, name in rows]


@dataclass(frozen=True)
class SheetTarget:
    """A sheet of a finished import. ``ready()`` is its file, written first if it is a result
    sheet still to be written (seconds): call it outside the transaction, which may hold
    the database's write lock (a request that touched the login session does)."""

    path: Path
    build: tuple | None = None  # result_sheet.ensure's arguments

    def ready(self) -> Path:
        return result_sheet.ensure(*self.build) if self.build else self.path


def sheet_target(session: Session, actor: Actor, job_id: int, which: str) -> SheetTarget:
    """The result or error sheet of a finished import the actor may see."""
    job = get_job(session, actor, job_id)
    if which not in ("result", "errors"):
        raise ValidationError({"which": "Ask for the result or the errors sheet."})
    stored = job.result_path if which == "result" else job.errors_path
    path = Path(stored) if stored and owns(job, stored) else None  # never a file outside the job's folder
    if path is not None and which == "result" and result_sheet.state(path.parent) in ("pending", "on_demand"):
        state = staged_mapping(job)
        return SheetTarget(path, (path.parent, spool_path(job), state["headers"], _code_index(state)))
    if path is None or not path.exists():
        raise NotFound("This import has no such sheet.")
    return SheetTarget(path)


def sheet_path(session: Session, actor: Actor, job_id: int, which: str) -> Path:
    """``sheet_target(…).ready()``, for callers whose transaction only reads (the CLI, tests)."""
    return sheet_target(session, actor, job_id, which).ready()
