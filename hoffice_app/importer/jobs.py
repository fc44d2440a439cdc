"""The import wizard's steps as plain functions (the UI calls these; so does the CLI).

upload (the UI saves the file under ``storage_dir()``) → ``start_job`` →
``headers`` (mapping step) → ``review`` (nothing written to contacts; the
problems are stored for ``issues`` to page) → ``submit`` (``submit.py``, in
a background thread) → ``progress`` / ``history`` / ``sheet_path``.

Who may import: anyone logged in who may create contacts (every role, as
``domain/contacts.save_contact``); rows only reach contacts the importer may
see. Jobs are private to their importer; administrators see every job.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, event, func, or_
from sqlmodel import Session, select

from hoffice_app.db import utcnow
from hoffice_app.domain.common import Actor, NotFound, ValidationError, as_id, require_actor
from hoffice_app.importer.check.duplicates import POLICIES
from hoffice_app.importer.check.normalize import Parsed
from hoffice_app.importer.check.review import ReviewCounts, review_rows, summary_line
from hoffice_app.importer.errors import FileRefused
from hoffice_app.importer.folders import FOLDER_NAME, NOT_FOUND, job_dir, storage_dir
from hoffice_app.importer.read import mapping as maps
from hoffice_app.importer.read.columns import COLUMNS, label
from hoffice_app.importer.read.reader import DEFAULT_LIMITS, Limits, sheet_names
from hoffice_app.importer.read.spool import Packed, SpoolWriter, cells_of, samples, stage_sheet, staged
from hoffice_app.importer.speed import ahead
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.importer.speed.bulk_pipe import insert_rows
from hoffice_app.importer.views import FieldOption, IssueRow, JobView, MappedColumn, MappingView, ReviewSummary
from hoffice_app.models import Contact, Employee, ImportIssue, ImportJob, JobStatus, Setting

ISSUE_KINDS = ("invalid", "duplicate", "warning")


LIMIT_SETTINGS = {"import_max_file_mb": "max_bytes", "import_max_rows": "max_rows"}


def limits(session: Session) -> Limits:
    """The file limits: the spec's defaults, unless a ``setting`` row overrides them
    (``import_max_file_mb``, ``import_max_rows``; no screen edits them yet). The wizard's
    upload refuses a file over the same limit before it is stored."""
    values = {}
    for key, field in LIMIT_SETTINGS.items():
        row = session.get(Setting, key)
        number = as_id(row.value) if row else None
        if number:
            values[field] = number * 2 ** 20 if field == "max_bytes" else number
    return replace(DEFAULT_LIMITS, **values)


def limits_text(limits: Limits) -> str:
    """The limits as the upload step states them: "up to 50 MB and 1,048,576 rows"."""
    return f"up to {limits.max_bytes // 2**20} MB and {limits.max_rows:,} rows"


def delete_job(session: Session, actor: Actor, job_id: int) -> None:
    """Forget a job that is not running: its problems, its row, then (once that is committed)
    its folder — the uploaded file and every sheet written from it. The contacts it created stay."""
    job = get_job(session, actor, job_id)
    if job.status == JobStatus.RUNNING:
        raise ValidationError({"job": "This import is running; delete it once it has finished."})
    ahead.forget(job.id)
    folder = job_dir(job) if FOLDER_NAME.fullmatch(job.folder or "") else None
    session.execute(delete(ImportIssue).where(ImportIssue.job_id == job.id))
    session.delete(job)
    session.flush()
    if folder is not None:
        event.listen(session, "after_commit", lambda _s: shutil.rmtree(folder, ignore_errors=True), once=True)


def get_job(session: Session, actor: Actor, job_id: int) -> ImportJob:
    """The job if the actor started it (or is an administrator), else NotFound."""
    require_actor(actor)
    job = session.get(ImportJob, job_id)
    if job is None or not (actor.is_admin or job.created_by_id == actor.id):
        raise NotFound(NOT_FOUND)
    return job


def job_view(session: Session, actor: Actor, job_id: int) -> JobView:
    job = get_job(session, actor, job_id)
    counts = {k: getattr(job, k)
              for k in ("total", "valid", "invalid", "duplicate", "to_create", "to_update", "warnings")}
    return JobView(id=job.id, file_name=job.file_name, status=job.status, sheet=job.sheet, policy=job.policy,
                   key_account_manager_id=job.key_account_manager_id, counts=counts)


def start_job(session: Session, actor: Actor, *, stored_path, file_name: str, now: datetime) -> int:
    """Register an uploaded file (already saved under ``storage_dir()``); refuses an unusable file."""
    require_actor(actor)
    path = Path(stored_path).resolve()
    if storage_dir() not in path.parents:
        raise ValidationError({"file": "The file must be saved in the import folder first."})
    sheet_names(path, limits(session))  # type, size, zip bomb, password: refused before any row is read
    job = ImportJob(created_by_id=actor.id, file_name=Path(str(file_name)).name[:255] or path.name,
                    stored_path=str(path), created_at=now)
    folder = storage_dir() / job.folder
    folder.mkdir(mode=0o700)  # a fresh random name: an existing folder would be another job's
    job.stored_path = str(folder / f"upload{path.suffix.lower()}")
    os.replace(path, job.stored_path)  # the job owns its upload: deleting the job removes it
    session.add(job)
    session.flush()
    return job.id


def _stage_path(job: ImportJob, sheet: str) -> Path:
    return job_dir(job) / f"sheet-{hashlib.sha1(sheet.encode()).hexdigest()[:12]}.rows"


def headers(session: Session, actor: Actor, job_id: int, sheet: str = "", *,
            now: datetime | None = None) -> MappingView:
    """Read the chosen sheet (first one when blank) and propose a mapping:
    the remembered one for these headers, else the automatic one (a big sheet's rows are
    checked with it meanwhile, as a review at ``now`` would: speed/ahead.py)."""
    job = get_job(session, actor, job_id)
    sheets = sheet_names(job.stored_path, limits(session))
    sheet = sheet or sheets[0]
    if sheet not in sheets:
        raise FileRefused(f"The workbook has no sheet called {sheet!r}; pick one of its sheets.")
    state = staged_mapping(job)
    custom = maps.custom_targets(session, actor)
    if job.sheet == sheet and "headers" in state and _stage_path(job, sheet).exists():
        header, count = state["headers"], state.get("rows", 0)  # a page reload: the sheet is already read
        mapping, proposed = {int(i): k for i, k in state.get("columns", {}).items()}, None
    else:
        big = Path(job.stored_path).stat().st_size >= parallel.WARM_BYTES and parallel.shareable(
            session.get_bind().url)
        if big:
            parallel.warm_up()  # a big sheet: its review will want the workers, start them while it is read
        found: dict = {}

        def propose(header: list[str], estimated_rows: int):
            """The mapping, as soon as the header is read; a big sheet's rows are checked with it
            while they are staged (speed/ahead.py)."""
            found["remembered"] = remembered = maps.remembered(session, header, custom)
            found["mapping"] = remembered if remembered is not None else maps.auto_map(header, custom)
            if big and estimated_rows >= parallel.MIN_ROWS:
                return ahead.begin(session, actor, job.id, _stage_path(job, sheet), header, found["mapping"],
                                   custom, contacts_watermark(session), now or utcnow())
        ahead.forget(job.id)  # a sheet of this job still checked ahead: its staged file is rewritten now
        header, count = stage_sheet(job.stored_path, sheet, _stage_path(job, sheet), limits(session), propose)
        proposed, mapping = found["remembered"], found["mapping"]
    job.sheet = sheet
    job.mapping = json.dumps({**state, "headers": header, "rows": count,
                              "columns": {str(i): k for i, k in mapping.items()}})
    session.add(job)
    session.flush()
    seen = samples(_stage_path(job, sheet), len(header))
    return MappingView(sheet=sheet, sheets=sheets,
                       columns=[MappedColumn(i, h, mapping.get(i, ""), " · ".join(seen[i]))
                                for i, h in enumerate(header)],
                       unmatched=[h or f"(column {i + 1}, no header)"
                                  for i, h in enumerate(header) if i not in mapping],
                       fields=[*(FieldOption(c.key, c.header, c.mandatory) for c in COLUMNS),
                               *(FieldOption(key, name, False) for key, name in custom.items())],
                       missing_mandatory=[label(k) for k in maps.missing_mandatory(mapping)],
                       remembered=proposed is not None, rows=count)


ISSUE_COLUMNS = ("job_id", "row_number", "kind", "summary", "problems", "cells")


class JobSink:
    """Review output of a job: problems into ``import_issue`` (batched, through the importer's
    bulk insert: SQLAlchemy's per-row parameter handling was a third of a warned row's
    cost), valid rows into the spool. A warning row's cells are not kept: only the
    error sheet shows cells, and it lists invalid and duplicate rows."""

    def __init__(self, session: Session, job_id: int, spool_path: Path):
        self.s, self.job_id = session, job_id
        self.spool = SpoolWriter(spool_path)
        self.pending: list[tuple] = []

    def problem(self, row: Parsed, kind: str, problems: list[tuple[str, str, str]]) -> None:
        self._add(row.number, kind, problems, json.dumps(cells_of(row)))

    def warning(self, number: int, problems: list[tuple[str, str, str]]) -> None:
        self._add(number, "warning", problems, "")

    def _add(self, number: int, kind: str, problems: list, cells: str) -> None:
        self.pending.append((self.job_id, number, kind, summary_line(problems)[:2000], json.dumps(problems), cells))
        if len(self.pending) >= 1000:
            self.flush()

    def accepted(self, rows: list[tuple[Packed, str]]) -> None:
        self.spool.add_packed(rows)

    def flush(self) -> None:
        if self.pending:
            insert_rows(self.s.connection(), ImportIssue.__table__, ISSUE_COLUMNS, self.pending)
            self.pending = []

    def close(self) -> None:
        self.flush()
        self.spool.close()


def spool_path(job: ImportJob) -> Path:
    return job_dir(job) / "valid.rows"


def staged_mapping(job: ImportJob) -> dict:
    try:
        return json.loads(job.mapping or "{}")
    except ValueError:
        return {}


def review(session: Session, actor: Actor, job_id: int, *, sheet: str, mapping: dict[int, str], policy: str = "skip",
           key_account_manager_id: int | None = None, now: datetime, progress=None) -> ReviewSummary:
    """Check every row without writing contacts; store the problems; remember the mapping."""
    job = get_job(session, actor, job_id)
    if job.status not in (JobStatus.UPLOADED, JobStatus.REVIEWED, JobStatus.FAILED):
        raise ValidationError({"job": "This import has already been submitted."})
    if policy not in POLICIES:
        raise ValidationError({"policy": "Choose skip, update or create for duplicates."})
    _check_manager(session, key_account_manager_id)
    stage = _stage_path(job, sheet)
    state = staged_mapping(job)
    if job.sheet != sheet or not stage.exists():
        headers(session, actor, job_id, sheet, now=now)
        state = staged_mapping(job)
    header = state["headers"]
    clean = maps.clean(header, mapping, maps.custom_targets(session, actor))
    early = ahead.take(job_id)
    if early is not None and early.watermark != contacts_watermark(session):
        early.cancel()  # a contact changed since: its duplicate checks may be out of date
        early = None
    session.execute(delete(ImportIssue).where(ImportIssue.job_id == job_id))
    sink = JobSink(session, job_id, spool_path(job))
    try:
        counts = review_rows(session, actor, staged(stage, state.get("rows", 0)), clean, policy=policy, now=now,
                             sink=sink, progress=progress, staged_path=stage, ahead=early)
    finally:
        sink.close()
    maps.remember(session, actor, header, clean, now=now)
    state["columns"] = {str(i): k for i, k in clean.items()}
    state["watermark"] = contacts_watermark(session)
    job.mapping, job.policy, job.key_account_manager_id = json.dumps(state), policy, key_account_manager_id or None
    _set_counts(job, counts)
    job.status = JobStatus.REVIEWED
    session.add(job)
    session.flush()
    return ReviewSummary(total=counts.total, valid=counts.valid, invalid=counts.invalid, duplicate=counts.duplicate,
                         to_create=counts.to_create, to_update=counts.to_update, warnings=counts.warnings)


def contacts_watermark(session: Session) -> list:
    """(count, highest id, latest change) of the contacts: equal at submit ⇒ nobody
    added, changed or deleted a contact since the review, so it need not be re-checked."""
    count, top, changed = session.exec(select(func.count(), func.max(Contact.id), func.max(Contact.updated_at))).one()
    return [count, top, changed.isoformat() if changed else None]


def _set_counts(job: ImportJob, c: ReviewCounts) -> None:
    job.total, job.valid, job.invalid, job.duplicate = c.total, c.valid, c.invalid, c.duplicate
    job.warnings, job.to_create, job.to_update = c.warnings, c.to_create, c.to_update


def issues(session: Session, actor: Actor, job_id: int, *, kind: str, text: str = "", offset: int = 0,
           limit: int = 50) -> tuple[list[IssueRow], int]:
    """A page of one kind of problem rows, optionally filtered by text in the reasons or values."""
    get_job(session, actor, job_id)
    if kind not in ISSUE_KINDS:
        raise ValidationError({"kind": "Choose invalid, duplicate or warning rows."})
    cond = [ImportIssue.job_id == job_id, ImportIssue.kind == kind]
    if text.strip():
        like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        cond.append(or_(ImportIssue.summary.ilike(like, escape="\\"), ImportIssue.problems.ilike(like, escape="\\")))
    total = session.exec(select(func.count()).select_from(ImportIssue).where(*cond)).one()
    rows = session.exec(select(ImportIssue).where(*cond).order_by(ImportIssue.row_number)
                        .offset(max(0, offset)).limit(max(1, min(limit, 500)))).all()
    return [IssueRow(r.row_number, r.kind, [tuple(p) for p in json.loads(r.problems)], r.summary) for r in rows], total



def _check_manager(session: Session, key_account_manager_id: int | None) -> None:
    if key_account_manager_id:
        kam = session.get(Employee, key_account_manager_id)
        if kam is None or not kam.active:
            raise ValidationError({"key_account_manager_id": "Choose an active employee as key account manager."})


def set_key_account_manager(session: Session, actor: Actor, job_id: int, key_account_manager_id: int | None) -> None:
    """The Key Account Manager for every row of a reviewed import (None: as in the
    file). It changes no row's verdict, so the review need not run again."""
    job = get_job(session, actor, job_id)
    if job.status != JobStatus.REVIEWED:
        raise ValidationError({"job": "This import has already been submitted."})
    _check_manager(session, key_account_manager_id)
    job.key_account_manager_id = key_account_manager_id or None
    session.add(job)
    session.flush()
