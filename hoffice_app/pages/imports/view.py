"""/import: the stepper, the upload step and the column-mapping step. The
review, progress and summary steps are in review_view.py."""
from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.vars import ArrayVar, ObjectVar

from hoffice_app import routes
from hoffice_app.components.a11y import name_file_input
from hoffice_app.components.download import download_link
from hoffice_app.components.fields import field_error
from hoffice_app.components.layout import page_shell
from hoffice_app.importer.views import MappedColumn
from hoffice_app.pages.imports.review_view import progress_step, review_step, summary_step
from hoffice_app.pages.imports.state import SKIP, UPLOAD_ID
from hoffice_app.pages.imports.state import ImportState as S
from hoffice_app.pages.imports.steps import STEP_NAMES, WizardStep


def _stepper() -> rx.Component:
    def item(number: int, name: str) -> rx.Component:
        done, current = S.step > number, S.step == number
        return rx.hstack(
            rx.center(rx.cond(done, rx.icon("check", size=14), rx.text(number, size="1", weight="bold")),
                      width="1.5rem", height="1.5rem", border_radius="50%",
                      background=rx.cond(done | current, rx.color("accent", 9), rx.color("gray", 4)),
                      color=rx.cond(done | current, "white", rx.color("gray", 11))),
            rx.text(name, size="2", weight=rx.cond(current, "bold", "regular"),
                    color=rx.cond(current, rx.color("gray", 12), rx.color("gray", 11))),
            align="center", spacing="2", aria_current=rx.cond(current, "step", "false"))
    parts = []
    for step, name in STEP_NAMES.items():
        number = step.value
        if step is not WizardStep.UPLOAD:
            parts.append(rx.box(height="1px", flex="1", min_width="1rem", background=rx.color("gray", 6)))
        parts.append(item(number, name))
    return rx.el.nav(rx.hstack(*parts, align="center", width="100%", wrap="wrap", spacing="2"),
                     aria_label="Import steps", style={"width": "100%"})


def _reasons(rejected) -> rx.Var:
    """The reasons react-dropzone gives for each refused file ("file-too-large file-invalid-type"),
    and nothing else: the refused File itself would travel along, whole, over the websocket."""
    return rejected.to(ArrayVar, list[dict[str, Any]]).map(
        lambda refused: refused.to(ObjectVar, dict[str, Any])["errors"].to(ArrayVar, list[dict[str, Any]]).map(
            lambda error: error.to(ObjectVar, dict[str, Any])["code"]).join(" "))


def _upload_step() -> rx.Component:
    template = rx.card(rx.vstack(
        rx.heading("1. Start from the template", size="3"),
        rx.text("Its red columns are mandatory (Name, Type Of Contact); drop-downs list your masters. Other files "
                "work too: columns are matched by their headers in the next step.", size="2", color_scheme="gray"),
        download_link(rx.button(rx.icon("download", size=16), "Download the template", variant="soft"),
                      routes.IMPORT_TEMPLATE),
        spacing="2"), width="100%")
    zone = rx.upload.root(
        rx.vstack(rx.icon("file-up", size=32, color=rx.color("accent", 9)),
                  rx.text("Drop the file here, or ", rx.text.strong("choose it"), size="3"),
                  rx.text(".xlsx, .xls or .csv · ", S.limits_label, size="1", color_scheme="gray"),
                  align="center", spacing="2", padding="2rem"),
        id=UPLOAD_ID, max_files=1, max_size=S.max_bytes, multiple=False, no_keyboard=False,
        accept={"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
                "application/vnd.ms-excel": [".xls"], "text/csv": [".csv"]},
        on_drop=S.upload(rx.upload_files(upload_id=UPLOAD_ID)),
        on_drop_rejected=lambda rejected: S.refuse_dropped(_reasons(rejected)),
        border=f"2px dashed {rx.color('accent', 7)}", border_radius="var(--radius-4)", width="100%",
        cursor="pointer", aria_label="Contact file to import")
    name_file_input(zone, "Contact file to import")
    upload = rx.card(rx.vstack(
        rx.heading("2. Upload your sheet", size="3"),
        rx.cond(S.uploading, rx.hstack(rx.spinner(), rx.text("Reading the file…", size="2"), align="center",
                                       padding="2rem"), zone),
        rx.cond(S.upload_error != "", rx.callout(S.upload_error, icon="triangle-alert", color_scheme="red",
                                                 role="alert", width="100%")),
        spacing="3", width="100%"), width="100%")
    return rx.vstack(template, upload,
                     rx.link("Earlier imports →", href=routes.IMPORT_HISTORY, size="2"), spacing="4", width="100%")


def _field_choice(column: MappedColumn) -> rx.Component:
    """A native drop-down: one per column, each listing every field. As Radix selects, a full-width
    file (56 columns of 57 choices: some 3,200 items, each a component registering itself) held
    the browser's main thread for seconds on every render of the step; native options cost next
    to nothing and keep the keyboard behaviour people know (type a letter to jump)."""
    return rx.el.select(
        rx.el.option("— Not imported —", value=SKIP),
        rx.foreach(S.fields, lambda f: rx.el.option(rx.cond(f.mandatory, f.label + " *", f.label), value=f.key)),
        value=rx.cond(column.field != "", column.field, SKIP),
        on_change=lambda v: S.map_column(column.index, v),
        aria_label=rx.Var.create("Field for ") + column.header,
        style={"width": "100%", "height": "var(--space-6)", "padding": "0 var(--space-2)",
               "fontSize": "var(--font-size-2)", "color": rx.color("gray", 12),
               "background": "var(--color-surface)", "border": f"1px solid {rx.color('gray', 7)}",
               "borderRadius": "var(--radius-2)", "cursor": "pointer"})


def _mapping_step() -> rx.Component:
    sheet = rx.cond(S.sheets.length() > 1, rx.hstack(
        rx.text("Sheet", size="2"),
        rx.select.root(rx.select.trigger(aria_label="Sheet"),
                       rx.select.content(rx.foreach(S.sheets, lambda n: rx.select.item(n, value=n))),
                       value=S.sheet, on_change=S.choose_sheet), align="center"))
    table = rx.table.root(
        rx.table.header(rx.table.row(rx.table.column_header_cell("Column in your file"),
                                     rx.table.column_header_cell("First values in it"),
                                     rx.table.column_header_cell("H-Office field"))),
        rx.table.body(rx.foreach(S.columns, lambda c: rx.table.row(
            rx.table.cell(rx.cond(c.header != "", c.header, rx.text("(no header)", color_scheme="gray"))),
            rx.table.cell(rx.cond(c.samples != "", rx.text(c.samples, size="1", color_scheme="gray"),
                                  rx.text("(empty)", size="1", color_scheme="gray")), max_width="18rem",
                          style={"overflowWrap": "anywhere"}),
            rx.table.cell(_field_choice(c), width="40%"),
            background=rx.cond(c.field == "", rx.color("amber", 2), "transparent")))),
        variant="surface", width="100%", aria_label="Column mapping")
    notes = rx.vstack(
        rx.callout(S.mapping_summary, icon="list-checks", size="1", role="status", width="100%",
                   color_scheme=rx.cond(S.unmatched.length() > 0, "amber", "green")),
        rx.cond(S.remembered, rx.callout("Mapping remembered from an earlier file with the same headers.",
                                         icon="history", color_scheme="blue", size="1")),
        rx.cond(S.missing_mandatory.length() > 0, rx.callout(
            rx.text("Map a column to each mandatory field: ", S.missing_mandatory.join(", "), "."),
            icon="triangle-alert", color_scheme="red", size="1", role="alert")),
        rx.cond(S.unmatched.length() > 0, rx.text("Not imported: ", S.unmatched.join(", "), size="2",
                                                  color_scheme="gray")),
        spacing="2", width="100%")
    return rx.vstack(
        rx.hstack(rx.icon("file-spreadsheet", size=18), rx.text(S.file_name, weight="medium"),
                  rx.badge(S.data_rows, " rows"), sheet, rx.spacer(), align="center", width="100%", wrap="wrap"),
        notes, table, field_error(S.review_error),
        # sticky: the next step is at hand without scrolling past every column of a wide file
        rx.hstack(rx.button("Start over", variant="soft", color_scheme="gray", on_click=S.start_over),
                  rx.spacer(),
                  rx.text(S.mapping_summary, size="1", color_scheme="gray", display=["none", "none", "block"]),
                  rx.button(rx.cond(S.reviewing, rx.text("Checking ", S.data_rows, " rows…"),
                                    rx.text("Check the rows")),
                            rx.icon("arrow-right", size=16), loading=S.reviewing, on_click=S.run_review),
                  width="100%", align="center", position="sticky", bottom="0", padding="0.75rem", z_index="5",
                  background=rx.color("gray", 1), border_top=f"1px solid {rx.color('gray', 5)}"),
        spacing="3", width="100%")


def import_page() -> rx.Component:
    return page_shell("Import contacts", rx.vstack(
        _stepper(),
        rx.match(S.step, (WizardStep.UPLOAD.value, _upload_step()), (WizardStep.MAP.value, _mapping_step()),
                 (WizardStep.REVIEW.value, review_step()), (WizardStep.IMPORTING.value, progress_step()),
                 (WizardStep.SUMMARY.value, summary_step()), _upload_step()),
        spacing="5", width="100%", max_width="72rem"))

