"""State of the import wizard (/import and /import/<job>): upload, sheet and
column mapping. The review, submit and summary steps are in review_state.py
(a mixin of this state). Thin: every step is one call into importer/jobs.py,
which checks who may see the job; the job id is in the URL, so a reload (or
another tab) finds the import where it is.
"""
from __future__ import annotations

from pathlib import Path

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.common import DomainError, Option, as_id
from hoffice_app.domain.org import employees
from hoffice_app.importer import jobs, submit, uploads
from hoffice_app.importer.errors import FileRefused
from hoffice_app.importer.jobs import DEFAULT_LIMITS, limits_text
from hoffice_app.importer.views import FieldOption, MappedColumn
from hoffice_app.models import JobStatus
from hoffice_app.pages.imports.review_state import ReviewSteps
from hoffice_app.pages.imports.steps import WizardStep
from hoffice_app.state.auth import AuthState

UPLOAD_ID = "import-file"
ACCEPTED = (".xlsx", ".xls", ".csv")
SKIP = "__skip__"  # a column left out of the import (Radix items cannot hold "")


class ImportState(ReviewSteps, AuthState):
    step: int = WizardStep.UPLOAD
    job_id: int = 0
    file_name: str = ""
    upload_error: str = ""
    uploading: bool = False
    sheets: list[str] = []
    sheet: str = ""
    columns: list[MappedColumn] = []
    fields: list[FieldOption] = []
    unmatched: list[str] = []
    missing_mandatory: list[str] = []
    remembered: bool = False
    data_rows: int = 0
    kam_options: list[Option] = []
    limits_label: str = limits_text(DEFAULT_LIMITS)  # the import limit settings, read by load()
    max_bytes: int = DEFAULT_LIMITS.max_bytes  # the drop zone refuses a bigger file before sending it

    @rx.event
    def load(self):
        """/import starts afresh; /import/<job> shows that job's current step."""
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self._reset_steps()
        self.upload_error, self.uploading = "", False
        wanted = as_id(self.router.url.path.rstrip("/").rsplit("/", 1)[-1])
        try:
            with unit_of_work() as session:
                limits = jobs.limits(session)
                self.limits_label, self.max_bytes = limits_text(limits), limits.max_bytes
                self.kam_options = employees.employee_options(session, actor)
                if wanted is None:
                    self.step, self.job_id, self.file_name = WizardStep.UPLOAD, 0, ""
                    return self.document_title("Import contacts")
                job = jobs.job_view(session, actor, wanted)
                self.job_id, self.file_name, status = job.id, job.file_name, job.status
                if status in (JobStatus.UPLOADED, JobStatus.REVIEWED, JobStatus.FAILED):
                    self._show_mapping(jobs.headers(session, actor, job.id, job.sheet or ""))
                if status == JobStatus.REVIEWED:
                    self._restore_review(job)
                elif status != JobStatus.UPLOADED:  # running, done or failed
                    self._show_progress(submit.progress(session, actor, job.id, now=utcnow()))
        except (DomainError, FileRefused) as err:
            self.step, self.job_id, self.upload_error = WizardStep.UPLOAD, 0, err.message
            return
        events = [self.document_title("Import contacts")]
        if self.step == WizardStep.IMPORTING or self.result_pending:
            events.append(ImportState.watch_progress(self.job_id))
        elif self.step == WizardStep.REVIEW:
            events.append(ImportState.load_issues)
        return events

    def _show_mapping(self, view) -> None:
        self.step = WizardStep.MAP
        self.sheets, self.sheet, self.columns, self.fields = view.sheets, view.sheet, view.columns, view.fields
        self.unmatched, self.missing_mandatory = view.unmatched, view.missing_mandatory
        self.remembered, self.data_rows = view.remembered, view.rows

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        """Keeps the file in the private import folder, then opens the mapping step."""
        if not files:  # the drop zone turned the file away: refuse_dropped says why
            return
        self.upload_error = ""
        upload = files[0]
        name = Path(upload.name or "contacts").name
        if Path(name).suffix.lower() not in ACCEPTED:
            self.upload_error = "Upload an .xlsx, .xls or .csv file (the template is an .xlsx)."
            return
        actor = self.require_actor()  # before a byte is kept (the upload guard checked the cookie too)
        try:  # copied piece by piece, refused past the limit: never whole in memory
            stored = uploads.keep(upload.file, Path(name).suffix, max_bytes=self.max_bytes)
        except FileRefused as err:
            self.upload_error = err.message
            return
        self.uploading = True
        yield  # the page shows that the file is being read

        def register():  # reads the whole sheet once: off the event loop
            with unit_of_work() as session:
                job_id = jobs.start_job(session, actor, stored_path=stored, file_name=name, now=utcnow())
                return job_id, jobs.headers(session, actor, job_id, "")
        try:
            job_id, view = await rx.run_in_thread(register)
        except (DomainError, FileRefused) as err:
            stored.unlink(missing_ok=True)
            self.upload_error, self.uploading = err.message, False
            return
        self.job_id, self.file_name, self.uploading = job_id, name, False
        self._show_mapping(view)
        yield rx.redirect(routes.import_job(job_id))

    @rx.event
    def refuse_dropped(self, rejected: list[str]):
        """Files the drop zone turned away (wrong type, too big, or several at once): the reasons
        of each file, as react-dropzone names them (the view sends no file)."""
        many = len(rejected) > 1
        too_big = any("file-too-large" in str(reasons).split() for reasons in rejected)
        self.upload_error = ("Upload one file at a time." if many else uploads.too_big(self.max_bytes).message
                             if too_big else "Upload an .xlsx, .xls or .csv file (the template is an .xlsx).")

    @rx.event
    def choose_sheet(self, sheet: str):
        try:
            with unit_of_work() as session:
                self._show_mapping(jobs.headers(session, self.require_actor(), self.job_id, sheet))
        except (DomainError, FileRefused) as err:
            return rx.toast.error(err.message)

    @rx.event
    def map_column(self, index: int, field: str):
        """One column's field; a field already taken by another column moves here."""
        field = "" if field == SKIP else field
        self.columns = [MappedColumn(c.index, c.header, field if c.index == index else
                                     ("" if field and c.field == field else c.field), c.samples)
                        for c in self.columns]
        mapped = {c.field for c in self.columns if c.field}
        self.unmatched = [c.header or f"(column {c.index + 1}, no header)" for c in self.columns if not c.field]
        self.missing_mandatory = [f.label for f in self.fields if f.mandatory and f.key not in mapped]

    @rx.var
    def mapping_summary(self) -> str:
        """What the mapping step opens with: "54 of 56 columns matched, 2 need you"."""
        total = len(self.columns)
        matched = sum(1 for c in self.columns if c.field)
        if total and matched == total:
            return f"All {total} columns matched."
        left = total - matched
        them = "them" if left != 1 else "it"
        return (f"{matched} of {total} column{'s' if total != 1 else ''} matched, {left} need{'' if left != 1 else 's'}"
                f" you: choose a field, or leave {them} out.")

    def _mapping(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns if c.field}

    @rx.event
    def start_over(self):
        return rx.redirect(routes.IMPORT)
