"""The command line's import: the wizard's own steps, run one after another.

Who acts: the command line has no log-in, so it acts as the first active
administrator (lowest id) — the person who set the system up; the job shows
in that administrator's import history. The mapping is the automatic one
(the spec: "the command line uses the automatic mapping"), never a mapping
remembered from the wizard.

``--dry-run`` runs the review inside a transaction that is rolled back and
removes its working files: no job, no contact, no remembered mapping.
"""
from __future__ import annotations

import json
import secrets
import shutil
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from hoffice_app.db import get_engine, unit_of_work
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.common import Actor, DomainError, ValidationError
from hoffice_app.importer import jobs
from hoffice_app.importer.errors import FileRefused
from hoffice_app.importer.read.columns import label
from hoffice_app.importer.read.mapping import auto_map, custom_targets, missing_mandatory
from hoffice_app.importer.read.spool import cells_of, read_rows
from hoffice_app.importer.sheets.result_error import ResultSheet, write_error_sheet
from hoffice_app.importer.submit import sheet_target, submit
from hoffice_app.models import Employee, ImportIssue, ImportJob


def cli_actor(session: Session) -> Actor:
    admin = session.exec(select(Employee).where(Employee.role == "admin", Employee.active == True)  # noqa: E712
                         .order_by(Employee.id)).first()
    if admin is None:
        raise DomainError("there is no active administrator; create one with "
                          "`python -m hoffice_app user create --role admin ...`.")
    return actor_of(admin)


def _kam_id(session: Session, code: str | None) -> int | None:
    if not code:
        return None
    found = session.exec(select(Employee).where(Employee.code == code.strip().upper())).first()
    if found is None or not found.active:
        raise ValidationError({"key-account-manager": f"no active employee with code {code}."})
    return found.id


def _prepare(session: Session, actor: Actor, source: Path, folder: Path, policy: str, kam: str | None,
             now: datetime) -> tuple[int, dict, dict]:
    stored = folder / source.name
    shutil.copyfile(source, stored)
    kam_id = _kam_id(session, kam)
    job_id = jobs.start_job(session, actor, stored_path=stored, file_name=source.name, now=now)
    view = jobs.headers(session, actor, job_id, now=now)
    mapping = auto_map([c.header for c in view.columns], custom_targets(session, actor))
    missing = missing_mandatory(mapping)
    if missing:
        raise FileRefused("The sheet has no column for " + " or ".join(label(k) for k in missing)
                          + "; use the template's headers.")
    summary = jobs.review(session, actor, job_id, sheet=view.sheet, mapping=mapping, policy=policy,
                          key_account_manager_id=kam_id, now=now)
    return job_id, asdict(summary), mapping


def import_file(source, *, policy: str = "skip", kam: str | None = None, dry_run: bool = False,
                result_out=None, errors_out=None, now: datetime) -> dict:
    """Returns the summary as a dict (total, valid, invalid, duplicate, created, updated, …)."""
    source = Path(source)
    if not source.is_file():
        raise FileRefused(f"There is no file at {source}; check the path.")
    folder = jobs.storage_dir() / f"cli-{secrets.token_hex(6)}"
    folder.mkdir(mode=0o700)
    if dry_run:
        job_folder = None
        try:
            with Session(get_engine()) as session:
                actor = cli_actor(session)
                job_id, summary, mapping = _prepare(session, actor, source, folder, policy, kam, now)
                job = jobs.get_job(session, actor, job_id)
                job_folder = jobs.job_dir(job)
                _dry_sheets(session, job, json.loads(job.mapping)["headers"], mapping, result_out, errors_out)
                session.rollback()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if job_folder is not None:  # the job's row was rolled back: its folder goes too
                shutil.rmtree(job_folder, ignore_errors=True)
        return {**summary, "created": 0, "updated": 0, "dry_run": True}
    with unit_of_work() as session:
        actor = cli_actor(session)
        job_id, summary, _mapping = _prepare(session, actor, source, folder, policy, kam, now)
    done = submit(job_id, actor, now=now)
    out = {**summary, **asdict(done), "dry_run": False, "job_id": job_id}
    with unit_of_work() as session:
        errors = jobs.job_dir(jobs.get_job(session, actor, job_id)) / "errors.xlsx"
    if errors_out and errors.exists():
        shutil.copyfile(errors, errors_out)
    if result_out:
        try:  # a big import's result sheet is written after the summary: wait for it
            with unit_of_work() as session:
                target = sheet_target(session, actor, job_id, "result")
            shutil.copyfile(target.ready(), result_out)
        except Exception as err:  # noqa: BLE001 — the contacts are in; say what is missing
            out["result_sheet_error"] = f"{type(err).__name__}: {err}"
    return out


def _dry_sheets(session: Session, job: ImportJob, header: list[str], mapping: dict[int, str], result_out,
                errors_out) -> None:
    """What the sheets would hold: rows to import (new ones without a code yet), rows refused."""
    if result_out:
        code_index = next((i for i, k in mapping.items() if k == "contact_code"), None)
        with ResultSheet(result_out, header, code_index) as sheet:
            for chunk in read_rows(jobs.spool_path(job)):
                for row, action in chunk:
                    sheet.add(cells_of(row), row.target.code if action == "update" and row.target else "")
    if errors_out:
        issues = session.exec(select(ImportIssue.cells, ImportIssue.summary).where(
            ImportIssue.job_id == job.id, ImportIssue.kind.in_(("invalid", "duplicate")))
            .order_by(ImportIssue.row_number))
        write_error_sheet(errors_out, header, ((json.loads(c), r) for c, r in issues))
