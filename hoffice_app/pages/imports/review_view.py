"""The wizard's review, progress and summary steps."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.download import download_link, import_sheet_url
from hoffice_app.components.pager import pager
from hoffice_app.models import JobStatus
from hoffice_app.pages.imports.review_state import NOBODY, IssueView
from hoffice_app.pages.imports.state import ImportState as S

POLICIES = [("skip", "Skip them"), ("update", "Update the contact"), ("create", "Create new contacts anyway")]


def _stat(label: str, value, color: str = "gray", hint=None) -> rx.Component:
    parts = [rx.text(label, size="1", color_scheme="gray"), rx.heading(value, size="6", color_scheme=color)]
    if hint is not None:
        parts.append(rx.text(hint, size="1", color_scheme="gray"))
    return rx.card(rx.vstack(*parts, spacing="1"), min_width="9rem", flex="1", role="group", aria_label=label)


def _issue(issue: IssueView) -> rx.Component:
    return rx.card(rx.vstack(
        rx.hstack(rx.badge("Row ", issue.row_number, variant="outline"), rx.text(issue.summary, size="2"),
                  align="center", wrap="wrap"),
        rx.cond(issue.problems.length() > 0, rx.table.root(
            rx.table.body(rx.foreach(issue.problems, lambda p: rx.table.row(
                rx.table.cell(p.column, width="25%"),
                rx.table.cell(rx.cond(p.value != "", rx.code(p.value), rx.text("(blank)", color_scheme="gray")),
                              width="25%"),
                rx.table.cell(p.reason)))),
            size="1", width="100%")),
        spacing="2", width="100%"), width="100%", role="article", aria_label=rx.Var.create("Row ") +
        issue.row_number.to_string())


def _issues() -> rx.Component:
    tabs = rx.segmented_control.root(
        rx.segmented_control.item(rx.text("Invalid (", S.shown.get("invalid", "0"), ")"), value="invalid"),
        rx.segmented_control.item(rx.text("Duplicates (", S.shown.get("duplicate", "0"), ")"), value="duplicate"),
        rx.segmented_control.item(rx.text("Warnings (", S.shown.get("warnings", "0"), ")"), value="warning"),
        value=S.issue_kind, on_change=S.set_issue_kind, aria_label="Rows to look at")
    search = rx.input(placeholder="Filter by column, value or reason", value=S.issue_text,
                      on_change=S.set_issue_text.debounce(300), aria_label="Filter rows", width="18rem")
    body = rx.cond(S.issue_total > 0, rx.vstack(
        rx.foreach(S.issues, _issue),
        pager(S, rx.text(S.issue_total, " rows", size="2", color_scheme="gray"), page=S.issue_page,
              pages=S.issue_pages, go=S.go_issue_page), spacing="2", width="100%"),
        rx.callout(rx.cond(S.issue_text != "", "No row matches this filter.", "Nothing here."), icon="circle-check",
                   color_scheme="green", width="100%"))
    return rx.el.section(rx.vstack(rx.hstack(tabs, rx.spacer(), search, width="100%", wrap="wrap"), body,
                                   spacing="3", width="100%"), aria_label="Rows with problems",
                         style={"width": "100%"})


def _confirm() -> rx.Component:
    return rx.alert_dialog.root(rx.alert_dialog.content(
        rx.alert_dialog.title("Import ", S.shown.get("valid", "0"), " contacts?"),
        rx.alert_dialog.description(
            "New: ", S.shown.get("to_create", "0"), " · updated: ", S.shown.get("to_update", "0"),
            ". Invalid and duplicate rows are left out and listed in the error sheet. All valid rows are written, "
            "or none if anything fails."),
        rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Import", on_click=S.start_import), justify="end", margin_top="1rem")),
        open=S.confirm_open, on_open_change=S.set_confirm_open)


def review_step() -> rx.Component:
    c = S.shown
    stats = rx.flex(
        _stat("Rows in the sheet", c.get("total", "0")),
        _stat("Valid", c.get("valid", "0"), "green",
              rx.text(c.get("to_create", "0"), " new · ", c.get("to_update", "0"), " updates")),
        _stat("Invalid", c.get("invalid", "0"), "red"), _stat("Duplicates", c.get("duplicate", "0"), "amber"),
        _stat("Warnings", c.get("warnings", "0"), "gray", "imported, but worth a look"),
        spacing="3", wrap="wrap", width="100%")
    options = rx.card(rx.flex(
        rx.vstack(rx.text("Rows matching an existing contact (same e-mail or mobile)", size="2", weight="medium"),
                  rx.select.root(rx.select.trigger(aria_label="Duplicate policy"),
                                 rx.select.content(*[rx.select.item(t, value=v) for v, t in POLICIES]),
                                 value=S.policy, on_change=S.set_policy, disabled=S.reviewing), spacing="1"),
        rx.vstack(rx.text("Key Account Manager for every imported contact (optional)", size="2", weight="medium"),
                  rx.select.root(rx.select.trigger(aria_label="Key Account Manager"),
                                 rx.select.content(rx.select.item("— Keep as in the file —", value=NOBODY),
                                                   rx.foreach(S.kam_options, lambda o: rx.select.item(
                                                       o.label, value=o.value))),
                                 value=S.kam, on_change=S.set_kam, disabled=S.reviewing), spacing="1"),
        rx.cond(S.reviewing, rx.hstack(rx.spinner(), rx.text("Checking the rows again…", size="2"), align="center")),
        spacing="5", wrap="wrap"), width="100%")
    return rx.vstack(
        stats, options, _issues(), _confirm(),
        rx.hstack(rx.button(rx.icon("arrow-left", size=16), "Back to the mapping", variant="soft", color_scheme="gray",
                            on_click=S.back_to_mapping),
                  rx.spacer(),
                  rx.button("Import ", c.get("valid", "0"), " contacts", rx.icon("upload", size=16), size="3",
                            disabled=S.reviewing | (S.counts.get("valid", 0) == 0), on_click=S.set_confirm_open(True)),
                  width="100%"),
        spacing="4", width="100%")


def progress_step() -> rx.Component:
    percent = rx.cond(S.run_total > 0, S.run_done * 100 / S.run_total, 0)
    return rx.card(rx.cond(
        S.run_status == JobStatus.FAILED.value,
        rx.vstack(rx.callout(S.run_message, icon="circle-x", color_scheme="red", role="alert", width="100%"),
                  rx.hstack(rx.button("Check the file again", on_click=S.review_again),
                            rx.button("Start over", variant="soft", color_scheme="gray", on_click=S.start_over)),
                  spacing="3", width="100%"),
        rx.vstack(
            rx.heading("Importing ", S.file_name, size="4"),
            rx.progress(value=percent.to(int), max=100, size="3", width="100%", aria_label="Import progress"),
            rx.hstack(rx.text(S.run_line, size="2"), rx.spacer(),
                      rx.cond(S.seconds_left >= 0, rx.text("about ", S.seconds_left, " s left", size="2",
                                                           color_scheme="gray")), width="100%"),
            rx.text("You may leave this page: the import goes on, and this address shows where it is.", size="1",
                    color_scheme="gray"),
            spacing="3", width="100%")), width="100%")


def summary_step() -> rx.Component:
    c = S.shown
    return rx.vstack(
        rx.callout("The import is complete.", icon="circle-check", color_scheme="green", width="100%"),
        rx.flex(_stat("Total records in sheet", c.get("total", "0")),
                _stat("New records created", c.get("created", "0"), "green"),
                _stat("Records updated", c.get("updated", "0"), "blue"), _stat("Valid records", c.get("valid", "0")),
                _stat("Invalid records", c.get("invalid", "0"), "red"),
                _stat("Duplicate records", c.get("duplicate", "0"), "amber"), spacing="3", wrap="wrap", width="100%"),
        rx.hstack(
            rx.cond(S.has_result | S.result_pending, download_link(
                rx.cond(S.has_result, rx.button(rx.icon("download", size=16), "Result sheet (Contact Codes)"),
                        rx.button(rx.spinner(size="1"), "Preparing the result sheet…", variant="soft",
                                  title="Being written; a click downloads it as soon as it is ready")),
                import_sheet_url(S.job_id, "result"))),
            rx.cond(S.has_errors, download_link(
                rx.button(rx.icon("download", size=16), "Error sheet (rows to fix)", variant="soft",
                          color_scheme="red"),
                import_sheet_url(S.job_id, "errors"))),
            rx.spacer(),
            rx.link("Import history", href=routes.IMPORT_HISTORY, size="2"),
            rx.button("Import another file", variant="soft", on_click=S.start_over), width="100%", wrap="wrap",
            align="center"),
        rx.text(rx.cond(S.auto_downloaded, "The result sheet was downloaded for you; the button downloads it again. ",
                        ""),
                "Use the result sheet to import associated contacts: fill Relation and Relation To (a Contact Code) "
                "and upload it again.", size="2", color_scheme="gray"),
        spacing="4", width="100%")
