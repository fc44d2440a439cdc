"""/documents: the document library as a table (file, category, uploaded by, when, size, the
leads using it), searched by file name and filtered by category, a page at a time, with
"Upload to library" (a category, then the files)."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.fields import field_error, labelled
from hoffice_app.components.files import file_drop_zone
from hoffice_app.components.layout import page_shell
from hoffice_app.components.pager import pager
from hoffice_app.components.terms import say
from hoffice_app.domain.documents import LeadLink, LibraryRow
from hoffice_app.pages.documents.state import ALL, NO_CATEGORY
from hoffice_app.pages.documents.state import DocumentsState as S

UPLOAD_ID = "library-upload"


def _category_select(value, on_change, *, field_id: str, any_label: str, with_none: bool) -> rx.Component:
    items = [rx.select.item(any_label, value=ALL)]
    if with_none:
        items.append(rx.select.item("No category", value=NO_CATEGORY))
    return rx.select.root(
        rx.select.trigger(id=field_id, aria_label="Category" if with_none else None),
        rx.select.content(*items, rx.foreach(S.category_options, lambda o: rx.select.item(o.label, value=o.value))),
        value=value, on_change=on_change)


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.input(rx.input.slot(rx.icon("search", size=16)), placeholder="Search file names", value=S.text,
                 on_change=S.set_text, debounce_timeout=250, size="3", type="search", aria_label="Search documents",
                 flex="1", min_width="14rem"),
        _category_select(S.category, S.set_category, field_id="documents-category", any_label="All categories",
                         with_none=True),
        rx.cond((S.text != "") | (S.category != ALL), rx.button("Clear", variant="ghost", on_click=S.clear_filters)),
        rx.button(rx.icon("upload", size=16), "Upload to library", size="3", on_click=S.set_upload_open(True)),
        spacing="2", wrap="wrap", width="100%", align="center")


def _lead(lead: LeadLink) -> rx.Component:
    return rx.link(rx.code(lead.code), " ", lead.title, href=f"{routes.LEADS}/" + lead.code, size="2")


def _row(row: LibraryRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.hstack(rx.icon("file", size=14, flex_shrink="0"),
                                rx.link(row.filename, href=row.download_url, is_external=True, weight="medium",
                                        title="Download"), align="center")),
        rx.table.cell(rx.cond(row.category != "", rx.badge(row.category, variant="soft"),
                              rx.text("—", color_scheme="gray"))),
        rx.table.cell(row.uploaded_by),
        rx.table.cell(row.uploaded_at, white_space="nowrap"),
        rx.table.cell(row.size_label, white_space="nowrap", text_align="right"),
        rx.table.cell(rx.cond(row.leads.length() > 0,
                              rx.vstack(rx.foreach(row.leads, _lead), spacing="1", align="start"),
                              rx.text("—", color_scheme="gray"))),
    )


def _table() -> rx.Component:
    head = [rx.table.column_header_cell(h) for h in ("File", "Category", "Uploaded by", "When", "Size")]
    head[4] = rx.table.column_header_cell("Size", text_align="right")
    head.append(rx.table.column_header_cell(S.leads_label))
    return rx.el.section(rx.table.root(rx.table.header(rx.table.row(*head)),
                                       rx.table.body(rx.foreach(S.rows, _row)), variant="surface", size="1",
                                       width="100%"),
                         aria_label="Documents", style={"overflowX": "auto", "width": "100%"})


def _upload_dialog() -> rx.Component:
    drop = file_drop_zone(UPLOAD_ID, S.upload, "Upload files to the library", padding="1.25rem")
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Upload to the library"),
        rx.dialog.description(say("Choose a category first if the files have one; each file is added as you drop it. "
                              "It is seen by you and administrators until it is attached to a lead."),
                              size="2", color_scheme="gray"),
        rx.vstack(
            labelled("Category", _category_select(rx.cond(S.upload_category == "", ALL, S.upload_category),
                                                  S.set_upload_category, field_id="upload-category",
                                                  any_label="No category", with_none=False),
                     "upload-category", S.upload_errors.get("category", "")),
            drop, field_error(S.upload_errors.get("file", "")),
            rx.hstack(rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")), justify="end",
                      width="100%"),
            spacing="3", margin_top="0.75rem", width="100%")),
        open=S.upload_open, on_open_change=S.set_upload_open)


def documents_page() -> rx.Component:
    filtered = (S.text != "") | (S.category != ALL)
    empty = rx.callout(rx.cond(
        filtered, rx.hstack(rx.text("No document matches. Try other words or another category."),
                            rx.button("Clear the filters", size="1", variant="soft", on_click=S.clear_filters),
                            align="center", wrap="wrap"),
        rx.text("No documents yet. Upload one here, or attach files on a ", S.lead_label.lower(), "'s page; "
                "you see the files you uploaded and those on ", S.leads_label.lower(), " you can see.")),
        icon="info", width="100%")
    summary = rx.text(S.total, rx.cond(S.total == 1, " document", " documents"), size="2", color_scheme="gray")
    return page_shell("Documents", rx.vstack(
        _toolbar(),
        rx.cond(S.total > 0, rx.vstack(_table(), pager(S, summary), spacing="3", width="100%"),
                rx.cond(S.loaded, empty)),
        _upload_dialog(), spacing="4", width="100%"))
