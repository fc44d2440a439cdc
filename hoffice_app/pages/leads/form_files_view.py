"""The new-lead form's "Attachments" section: drop files (checked and stored at once), or pick
from the document library; each listed with its size and a Remove button. Saved with the lead."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import field_error
from hoffice_app.components.files import file_drop_zone
from hoffice_app.components.terms import say
from hoffice_app.domain.documents import DocumentView
from hoffice_app.pages.leads.form_state import LeadFormState as S

UPLOAD_ID = "lead-form-upload"


def _file(d: DocumentView) -> rx.Component:
    return rx.hstack(rx.icon("paperclip", size=14),
                     rx.link(d.filename, href=d.download_url, is_external=True),
                     rx.text(d.size_label, size="1", color_scheme="gray"), rx.spacer(),
                     rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost", color_scheme="red",
                                    type="button", aria_label=rx.Var.create("Remove ") + d.filename,
                                    on_click=S.remove_draft(d.id)),
                     width="100%", align="center", role="listitem")


def _library_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Document library"),
        rx.input(placeholder="Search file names", value=S.draft_library_text, on_change=S.search_draft_library,
                 width="100%", aria_label="Search documents"),
        rx.vstack(rx.foreach(S.draft_library, lambda d: rx.hstack(
            rx.text(d.filename, size="2"), rx.text(d.size_label, size="1", color_scheme="gray"), rx.spacer(),
            rx.button("Add", size="1", type="button", on_click=S.pick_draft(d.id),
                      aria_label=rx.Var.create("Add ") + d.filename), width="100%")),
            rx.cond(S.draft_library.length() == 0, rx.text("No documents found.", size="2", color_scheme="gray")),
            spacing="2", margin_top="0.75rem", width="100%"),
        rx.hstack(rx.dialog.close(rx.button("Close", variant="soft", type="button")), justify="end",
                  margin_top="1rem")),
        open=S.draft_library_open, on_open_change=S.set_draft_library_open)


def form_files_section() -> rx.Component:
    drop = file_drop_zone(UPLOAD_ID, S.upload_draft, say("Add files to this lead"))
    return rx.el.section(rx.card(
        rx.heading("Attachments", size="4", margin_bottom="0.75rem", as_="h2"),
        rx.vstack(
            rx.cond(S.draft_files.length() > 0,
                    rx.vstack(rx.foreach(S.draft_files, _file), spacing="1", width="100%", role="list",
                              aria_label="Files to attach"),
                    rx.text("No files yet. They are kept as you add them and attached when you save.", size="2",
                            color_scheme="gray")),
            drop, field_error(S.draft_error),
            rx.button(rx.icon("library", size=14), "Add from document library", variant="soft", size="1",
                      type="button", on_click=S.open_draft_library),
            _library_dialog(), spacing="2", width="100%"),
        width="100%"), aria_label="Attachments", style={"width": "100%"})
