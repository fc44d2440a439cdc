"""/import/history: who imported which file when, its summary, and its result
and error sheets to download again (one's own imports; an administrator's:
everyone's). Deleting an import removes its files; the contacts it made stay."""
from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.download import download_link, import_sheet_url
from hoffice_app.components.layout import page_shell
from hoffice_app.db import unit_of_work
from hoffice_app.domain.common import DomainError
from hoffice_app.domain.leads import zone
from hoffice_app.importer import jobs, submit
from hoffice_app.models import JobStatus
from hoffice_app.state.auth import AuthState

PER_PAGE = 25
STATUS = {JobStatus.UPLOADED.value: ("Mapping", "gray"), JobStatus.REVIEWED.value: ("Reviewed", "blue"),
          JobStatus.RUNNING.value: ("Running", "amber"), JobStatus.DONE.value: ("Done", "green"),
          JobStatus.FAILED.value: ("Failed", "red")}


@dataclass
class HistoryRow:
    id: int
    file_name: str
    who: str
    when: str
    status: str
    total: int
    created: int
    updated: int
    invalid: int
    duplicate: int


class ImportHistoryState(AuthState):
    rows: list[HistoryRow] = []
    page: int = 1
    more: bool = False
    delete_id: int = 0
    delete_name: str = ""
    delete_open: bool = False

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self.page = 1
        refused = self._fetch()
        return refused or self.document_title("Import history")

    def _fetch(self):
        try:
            with unit_of_work() as session:
                jobs = submit.history(session, self.require_actor(), offset=(self.page - 1) * PER_PAGE,
                                      limit=PER_PAGE + 1)
                tz = zone(session)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.more = len(jobs) > PER_PAGE
        self.rows = [HistoryRow(id=j.id, file_name=j.file_name, who=j.who,
                                when=f"{j.when.astimezone(tz):%d %b %Y, %H:%M}",
                                status=j.status, total=j.total, created=j.created, updated=j.updated,
                                invalid=j.invalid, duplicate=j.duplicate) for j in jobs[:PER_PAGE]]

    @rx.event
    def ask_delete(self, job_id: int, file_name: str):
        self.delete_id, self.delete_name, self.delete_open = job_id, file_name, True

    @rx.event
    def set_delete_open(self, value: bool):
        self.delete_open = value

    @rx.event
    def confirm_delete(self):
        try:
            with unit_of_work() as session:
                jobs.delete_job(session, self.require_actor(), self.delete_id)
        except DomainError as err:
            self.delete_open = False
            return rx.toast.error(err.message)
        self.delete_open = False
        return self._fetch() or rx.toast.success(f"Import of “{self.delete_name}” deleted with its files.")

    @rx.event
    def go(self, page: int):
        self.page = max(1, page)
        return self._fetch()


def _row(r: HistoryRow) -> rx.Component:
    sheet = lambda which, label: download_link(  # noqa: E731
        rx.button(label, size="1", variant="ghost"), import_sheet_url(r.id, which))
    status = rx.match(r.status, *[(k, rx.badge(label, color_scheme=color)) for k, (label, color) in STATUS.items()],
                      rx.badge(r.status))
    return rx.table.row(
        rx.table.cell(rx.link(r.file_name, href=rx.Var.create(f"{routes.IMPORT}/") + r.id.to_string())),
        rx.table.cell(r.who), rx.table.cell(r.when), rx.table.cell(status),
        rx.table.cell(r.total), rx.table.cell(r.created), rx.table.cell(r.updated),
        rx.table.cell(r.invalid), rx.table.cell(r.duplicate),
        rx.table.cell(rx.hstack(
            rx.cond(r.status == JobStatus.DONE.value,
                    rx.hstack(sheet("result", "Result"), sheet("errors", "Errors"), spacing="3")),
            rx.cond(r.status != JobStatus.RUNNING.value,
                    rx.icon_button(rx.icon("trash-2", size=14), size="1", variant="ghost", color_scheme="red",
                                   aria_label=rx.Var.create("Delete import of ") + r.file_name,
                                   on_click=S.ask_delete(r.id, r.file_name))),
            spacing="3", align="center")))


def _delete_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title("Delete this import?"),
            rx.alert_dialog.description(rx.text(
                "The import of “", S.delete_name, "” and its files (the uploaded sheet, result and error sheets) "
                "will be removed for good. The contacts it created or updated stay.")),
            rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                      rx.button("Delete import", color_scheme="red", on_click=S.confirm_delete),
                      justify="end", margin_top="1rem"),
        ),
        open=S.delete_open, on_open_change=S.set_delete_open,
    )


def history_page() -> rx.Component:
    headers = ("File", "By", "When", "Status", "Rows", "New", "Updated", "Invalid", "Duplicate", "Sheets")
    return page_shell("Import history", rx.vstack(
        rx.hstack(rx.text("Your imports, newest first (an administrator sees everyone's).", size="2",
                          color_scheme="gray"), rx.spacer(),
                  rx.link(rx.button(rx.icon("file-up", size=16), "Import contacts"), href=routes.IMPORT),
                  width="100%"),
        rx.cond(S.rows.length() > 0, rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
            rx.table.body(rx.foreach(S.rows, _row)), variant="surface", width="100%"),
            rx.callout("No imports yet. Start one with “Import contacts”.", icon="info", width="100%")),
        rx.hstack(rx.button("Newer", variant="soft", disabled=S.page <= 1, on_click=S.go(S.page - 1)),
                  rx.button("Older", variant="soft", disabled=~S.more, on_click=S.go(S.page + 1)), justify="end",
                  width="100%"),
        _delete_dialog(),
        spacing="4", width="100%"))


S = ImportHistoryState
