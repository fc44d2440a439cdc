"""The wizard's later steps: review (counts, invalid / duplicate / warning rows
paged and filtered, duplicate policy, key account manager), the background
submit with its progress, and the summary.

A mixin (copied into ImportState), so its handlers run on the wizard's own
state. The import itself runs in a thread of its own, not in the event, so it
goes on when the browser reloads or leaves; the page only watches its
progress, which the engine keeps where any request (or worker) can read it.
"""
from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.common import Actor, DomainError, as_id
from hoffice_app.importer import jobs, submit
from hoffice_app.importer.errors import FileRefused
from hoffice_app.models import JobStatus
from hoffice_app.pages.imports.steps import WizardStep
from hoffice_app.state.auth import AuthState

PER_PAGE = 20
NOBODY = "__none__"


@dataclass
class Problem:
    column: str
    value: str
    reason: str


@dataclass
class IssueView:
    row_number: int
    summary: str
    problems: list[Problem] = field(default_factory=list)


def _run_import(job_id: int, actor: Actor) -> None:
    """The import, in its own thread; the engine records success or failure on the job."""
    try:
        submit.submit(job_id, actor, now=utcnow())
    except Exception:  # noqa: BLE001 — the job row carries the message the page shows
        pass


class ReviewSteps(rx.State, mixin=True):
    reviewing: bool = False
    review_error: str = ""
    policy: str = "skip"
    kam: str = NOBODY
    counts: dict[str, int] = {}
    issue_kind: str = "invalid"
    issue_text: str = ""
    issue_page: int = 1
    issue_total: int = 0
    issues: list[IssueView] = []
    confirm_open: bool = False
    run_status: str = ""
    run_done: int = 0
    run_total: int = 0
    seconds_left: int = -1
    run_message: str = ""
    has_result: bool = False
    result_pending: bool = False  # a big import's result sheet, written just after its summary
    has_errors: bool = False
    _watching: int = 0
    _auto_downloaded: int = 0  # the job whose result sheet this tab downloaded by itself
    auto_downloaded: bool = False  # … and it is the job shown

    def _reset_steps(self) -> None:
        self.reviewing, self.review_error, self.policy, self.kam = False, "", "skip", NOBODY
        self.counts, self.issues, self.issue_total, self.issue_page, self.issue_text = {}, [], 0, 1, ""
        self.issue_kind, self.confirm_open, self.run_status, self.run_message = "invalid", False, "", ""
        self.run_done = self.run_total = 0
        self.has_result = self.has_errors = self.result_pending = self.auto_downloaded = False

    def _restore_review(self, job) -> None:
        self.step, self.policy = WizardStep.REVIEW, job.policy
        self.kam = str(job.key_account_manager_id) if job.key_account_manager_id else NOBODY
        self.counts = dict(job.counts)
        self.issue_kind = "invalid" if job.counts["invalid"] or not job.counts["duplicate"] else "duplicate"

    def _show_progress(self, p) -> None:
        self.run_status, self.run_done, self.run_total, self.run_message = p.status, p.done, p.total, p.message
        self.seconds_left = -1 if p.seconds_left is None else p.seconds_left
        self.has_result, self.has_errors, self.result_pending = p.has_result, p.has_errors, p.result_pending
        if p.summary is not None:
            s = p.summary
            self.counts = {"total": s.total, "valid": s.valid, "invalid": s.invalid, "duplicate": s.duplicate,
                           "created": s.created, "updated": s.updated, "warnings": s.warnings}
        self.step = WizardStep.SUMMARY if p.status == JobStatus.DONE else WizardStep.IMPORTING

    @rx.event(background=True)
    async def run_review(self):
        """Checks every row (nothing is written yet); big files take seconds."""
        async with self:
            if self.missing_mandatory:
                self.review_error = "Map a column to every mandatory field: " + ", ".join(self.missing_mandatory) + "."
                return
            self.reviewing, self.review_error = True, ""
            args = (self.require_actor(), self.job_id, self.sheet, self._mapping(), self.policy,
                    as_id(self.kam) if self.kam != NOBODY else None)

        def work():
            actor, job_id, sheet, mapping, policy, kam = args
            with unit_of_work() as session:
                return jobs.review(session, actor, job_id, sheet=sheet, mapping=mapping, policy=policy,
                                   key_account_manager_id=kam, now=utcnow())
        try:
            summary = await rx.run_in_thread(work)
        except (DomainError, FileRefused) as err:
            async with self:
                self.reviewing, self.review_error = False, err.message
            return
        async with self:
            self.reviewing, self.step, self.issue_page, self.issue_text = False, WizardStep.REVIEW, 1, ""
            self.counts = {"total": summary.total, "valid": summary.valid, "invalid": summary.invalid,
                           "duplicate": summary.duplicate, "to_create": summary.to_create,
                           "to_update": summary.to_update, "warnings": summary.warnings}
            self.issue_kind = "invalid" if summary.invalid or not summary.duplicate else "duplicate"
            return self._fetch_issues()

    @rx.event
    def load_issues(self):
        return self._fetch_issues()

    def _fetch_issues(self):
        try:
            with unit_of_work() as session:
                rows, total = jobs.issues(session, self.require_actor(), self.job_id, kind=self.issue_kind,
                                          text=self.issue_text, offset=(self.issue_page - 1) * PER_PAGE,
                                          limit=PER_PAGE)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.issue_total = total
        self.issues = [IssueView(r.row_number, r.summary, [Problem(*p) for p in r.problems]) for r in rows]

    @rx.var
    def shown(self) -> dict[str, str]:
        """The counts as shown: 100,000, not 100000."""
        return {k: f"{v:,}" for k, v in self.counts.items()}

    @rx.var
    def run_line(self) -> str:
        return f"{self.run_done:,} of {self.run_total:,} rows"

    @rx.var
    def issue_pages(self) -> int:
        return max(1, -(-self.issue_total // PER_PAGE))

    @rx.event
    def set_issue_kind(self, value: str | list[str]):
        self.issue_kind = value if isinstance(value, str) else (value[0] if value else "invalid")
        self.issue_page = 1
        return self._fetch_issues()

    @rx.event
    def set_issue_text(self, value: str):
        self.issue_text, self.issue_page = value, 1
        return self._fetch_issues()

    @rx.event
    def go_issue_page(self, page: int):
        self.issue_page = max(1, min(page, self.issue_pages))
        return self._fetch_issues()

    @rx.event
    def set_policy(self, value: str | list[str]):
        """The policy decides which rows are duplicates: the rows are checked again."""
        self.policy = value if isinstance(value, str) else (value[0] if value else "skip")
        return type(self).run_review

    @rx.event
    def set_kam(self, value: str):
        try:
            with unit_of_work() as session:
                jobs.set_key_account_manager(session, self.require_actor(), self.job_id,
                                             as_id(value) if value != NOBODY else None)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.kam = value

    @rx.event
    def set_confirm_open(self, value: bool):
        self.confirm_open = value

    @rx.event
    def back_to_mapping(self):
        self.step = WizardStep.MAP

    @rx.event
    def start_import(self):
        """Starts the import in its own thread and watches it."""
        self.confirm_open = False
        actor = self.require_actor()
        threading.Thread(target=_run_import, args=(self.job_id, actor), daemon=True,
                         name=f"import-{self.job_id}").start()
        self.step, self.run_status = WizardStep.IMPORTING, JobStatus.RUNNING
        self.run_done, self.run_total = 0, self.counts.get("valid", 0)
        self.seconds_left, self.run_message = -1, ""
        return type(self).watch_progress(self.job_id)

    @rx.event(background=True)
    async def watch_progress(self, job_id: int):
        """Twice a second, the job's progress as the engine reports it (until it failed, or
        is done and its result sheet written)."""
        async with self:
            self._watching += 1
            token = self._watching
        while True:
            await asyncio.sleep(0.5)
            async with self:
                if token != self._watching or self.job_id != job_id:
                    return
                actor = self.current_actor()
            if actor is None:  # the server ended the session: say so now
                return AuthState.session_ended

            def read(actor=actor):
                with unit_of_work() as session:
                    return submit.progress(session, actor, job_id, now=utcnow())
            p = await rx.run_in_thread(read)
            async with self:
                self._show_progress(p)
                if p.status == JobStatus.DONE and p.has_result and self._auto_downloaded != job_id:
                    # the guide's promise: the result sheet (with the new Contact Codes) downloads by
                    # itself, once, in the tab that watched the import finish; its button stays for later
                    self._auto_downloaded, self.auto_downloaded = job_id, True
                    return rx.download(url=f"{routes.IMPORT_FILES}{job_id}/result.xlsx")
                if p.status == JobStatus.FAILED or (p.status == JobStatus.DONE and not p.result_pending):
                    return

    @rx.event
    def review_again(self):
        """After a failed import: check the file again (nothing was written)."""
        return type(self).run_review
