"""The new-lead form's attachments, before the lead exists: each file dropped is checked and
stored as a library document of the user's at once (``documents.upload_draft``); the form
holds only the documents (and picks from the library), and its Save attaches them in the
transaction that creates the lead (``attach_drafts``, called by ``LeadFormState.save``).

A mixin of ``LeadFormState``. Removing a file uploaded here deletes it; one picked from the
library is only dropped from the form. Which documents were uploaded here is a backend-only
var, so a crafted event cannot delete any other document."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import documents
from hoffice_app.domain.common import DomainError, ValidationError
from hoffice_app.domain.documents import DocumentView


class LeadFormFiles(rx.State, mixin=True):
    draft_files: list[DocumentView] = []
    draft_error: str = ""
    draft_library_open: bool = False
    draft_library_text: str = ""
    draft_library: list[DocumentView] = []
    _uploaded_here: list[int] = []

    def reset_drafts(self) -> None:
        self.draft_files, self.draft_error, self._uploaded_here = [], "", []
        self.draft_library_open, self.draft_library_text, self.draft_library = False, "", []

    def attach_drafts(self, session, actor, code: str) -> None:
        """Part of the form's save, in its transaction: the new lead's files."""
        if self.draft_files:
            documents.attach_drafts(session, actor, code, [d.id for d in self.draft_files], now=utcnow())

    @rx.event
    async def upload_draft(self, files: list[rx.UploadFile]):
        self.draft_error = ""
        for file in files:
            if len(self.draft_files) >= documents.MAX_DRAFT_FILES:
                self.draft_error = f"At most {documents.MAX_DRAFT_FILES} files can be added before saving."
                return
            data = await file.read()
            name = file.name or file.filename or "file"
            try:
                with unit_of_work() as session:
                    view = documents.upload_draft(session, self.require_actor(), name, data, now=utcnow())
            except ValidationError as err:
                self.draft_error = f"{name}: " + err.errors.get("file", err.message)
                return
            except DomainError as err:
                self.draft_error = err.message
                return
            self.draft_files = [*self.draft_files, view]
            self._uploaded_here = [*self._uploaded_here, view.id]

    @rx.event
    def remove_draft(self, document_id: int):
        if document_id in self._uploaded_here:
            try:
                with unit_of_work() as session:
                    documents.discard_draft(session, self.require_actor(), document_id)
            except DomainError as err:
                return rx.toast.error(err.message)
            self._uploaded_here = [i for i in self._uploaded_here if i != document_id]
        self.draft_files = [d for d in self.draft_files if d.id != document_id]
        self.draft_error = ""

    @rx.event
    def open_draft_library(self):
        self.draft_library_open = True
        return type(self).search_draft_library("")

    @rx.event
    def set_draft_library_open(self, value: bool):
        self.draft_library_open = value

    @rx.event
    def search_draft_library(self, text: str):
        self.draft_library_text = text
        chosen = {d.id for d in self.draft_files}
        with unit_of_work() as session:
            found = documents.library(session, self.require_actor(), text=text, limit=30)
        self.draft_library = [d for d in found if d.id not in chosen]

    @rx.event
    def pick_draft(self, document_id: int):
        """A library document for the new lead (one the user may see: checked again on save)."""
        picked = [d for d in self.draft_library if d.id == document_id]
        if picked and all(d.id != document_id for d in self.draft_files):
            self.draft_files = [*self.draft_files, picked[0]]
        self.draft_library_open = False
