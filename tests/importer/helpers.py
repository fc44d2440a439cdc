"""Building spreadsheets and running the wizard's steps in importer tests."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook
from sqlmodel import select, text

from hoffice_app.importer import jobs
from hoffice_app.importer import submit as submitting
from hoffice_app.importer.read.columns import HEADERS
from hoffice_app.models import Contact, ContactEmail, ContactPhone


def xlsx(path: Path, rows: list[list], headers: list[str] | None = None, *, sheet: str = "Contacts") -> Path:
    """An .xlsx written by openpyxl (numbers stay numbers, as Excel saves them)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(HEADERS if headers is None else headers))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def csv_file(path: Path, rows: list[list], headers: list[str] | None = None, *, bom: bool = False) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(list(HEADERS if headers is None else headers))
        writer.writerows(rows)
    return path


def row(**values) -> list:
    """A template row from field keys: row(name="Asha", contact_type="Customer")."""
    from hoffice_app.importer.read.columns import COLUMNS

    return [values.get(c.key, "") for c in COLUMNS]


def upload(path: Path) -> Path:
    """What the UI does first: copy the upload into the private import folder."""
    target = jobs.storage_dir() / f"upload-{path.name}"
    shutil.copyfile(path, target)
    return target


def review(session, actor, path, now, *, policy="skip", mapping=None, kam_id=None, sheet=""):
    """start_job + headers + review, committed. Returns (job id, ReviewSummary, MappingView)."""
    job_id = jobs.start_job(session, actor, stored_path=upload(path), file_name=path.name, now=now)
    view = jobs.headers(session, actor, job_id, sheet, now=now)
    chosen = mapping if mapping is not None else {c.index: c.field for c in view.columns if c.field}
    summary = jobs.review(session, actor, job_id, sheet=view.sheet, mapping=chosen, policy=policy,
                          key_account_manager_id=kam_id, now=now)
    session.commit()
    return job_id, summary, view


def run(session, actor, path, now, **kw):
    """Review and submit. Returns (job id, ImportSummary)."""
    job_id, _summary, _view = review(session, actor, path, now, **kw)
    result = submitting.submit(job_id, actor, now=now)
    session.expire_all()
    return job_id, result


def contact(session, code: str) -> Contact:
    return session.exec(select(Contact).where(Contact.code == code)).one()


def by_email(session, email: str) -> Contact:
    cid = session.exec(select(ContactEmail.contact_id).where(ContactEmail.email_key == email.lower())).one()
    return session.get(Contact, cid)


def phones(session, contact_id: int) -> list[tuple[str, str, bool]]:
    return [(p.kind, p.number, p.is_primary) for p in session.exec(
        select(ContactPhone).where(ContactPhone.contact_id == contact_id).order_by(ContactPhone.id))]


def read_xlsx(path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def count_contacts(session) -> int:
    from sqlmodel import func

    return session.exec(select(func.count()).select_from(Contact)).one()


def parse(ctx, target=None, **cells):
    """parse_row on one row given by field keys (blank cells left out, as the reader gives them)."""
    from hoffice_app.importer.check.normalize import parse_row

    t = {k: str(v) for k, v in cells.items() if str(v)}
    return parse_row(2, list(t.values()), t, ctx, target)


def reasons(row) -> dict[str, str]:
    return {column: reason for column, _value, reason in row.errors}


def warnings(row) -> dict[str, str]:
    return {column: reason for column, _value, reason in row.warnings}


def search_triggers(session) -> list[tuple]:
    """The contact search index's triggers as SQLite holds them (name, SQL), which an import
    sets aside and must put back. PostgreSQL has no such index (its search reads the tables
    themselves): there the list is empty, and the rest of a test still runs."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    return [tuple(r) for r in session.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'contact_fts_%' ORDER BY name"))]


def assert_search_index_intact(session) -> None:
    """SQLite's full-text index agrees with the contacts (FTS5 raises otherwise); nothing to
    check on PostgreSQL, which has no separate index."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO contact_fts(contact_fts, rank) VALUES ('integrity-check', 1)"))
