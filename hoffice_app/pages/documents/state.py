"""State of /documents: the library a page at a time (search by file name, category), and
uploading to the library with a category. Every read goes through ``documents.library_page``,
which lists only what the viewer may open and, beside each file, only leads they may see."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import documents
from hoffice_app.domain.common import DomainError, Option, ValidationError
from hoffice_app.domain.documents import LibraryRow
from hoffice_app.state.auth import AuthState

PER_PAGE = 25
ALL = "__all__"  # the category filter's "any category" (Radix items cannot hold "")
NO_CATEGORY = documents.NO_CATEGORY


class DocumentsState(AuthState):
    rows: list[LibraryRow] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    text: str = ""
    category: str = ALL
    category_options: list[Option] = []
    loaded: bool = False
    upload_open: bool = False
    upload_category: str = ""
    upload_errors: dict[str, str] = {}

    def _refresh(self, actor) -> None:
        category = "" if self.category == ALL else self.category
        with unit_of_work() as session:
            result = documents.library_page(session, actor, text=self.text, category=category, page=self.page,
                                            per_page=PER_PAGE)
        self.rows, self.total, self.loaded = result.rows, result.total, True
        self.pages = max(1, -(-result.total // PER_PAGE))
        self.page = min(self.page, self.pages)

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self.text, self.category, self.page, self.upload_open = "", ALL, 1, False
        with unit_of_work() as session:
            self.category_options = documents.category_options(session, actor)
        self._refresh(actor)

    @rx.event
    def set_text(self, value: str):
        self.text, self.page = value, 1
        self._refresh(self.require_actor())

    @rx.event
    def set_category(self, value: str):
        known = {ALL, NO_CATEGORY} | {o.value for o in self.category_options}
        self.category, self.page = (value if value in known else ALL), 1
        self._refresh(self.require_actor())

    @rx.event
    def clear_filters(self):
        self.text, self.category, self.page = "", ALL, 1
        self._refresh(self.require_actor())

    @rx.event
    def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.pages))
        self._refresh(self.require_actor())

    @rx.event
    def set_upload_open(self, value: bool):
        self.upload_open, self.upload_errors = value, {}
        if value:
            self.upload_category = ""

    @rx.event
    def set_upload_category(self, value: str):
        self.upload_category = value if value in {o.value for o in self.category_options} else ""

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        """Each file checked and stored on its own; the first refused one stops and says why."""
        self.upload_errors = {}
        if not files:
            self.upload_errors = {"file": "Choose a file first."}
            return
        stored = 0
        for file in files:
            data = await file.read()
            name = file.name or file.filename or "file"
            try:
                with unit_of_work() as session:
                    documents.upload_to_library(session, self.require_actor(), name, data, now=utcnow(),
                                                category=self.upload_category)
            except ValidationError as err:
                self.upload_errors = {k: (f"{name}: {v}" if k == "file" else v) for k, v in err.errors.items()}
                break
            except DomainError as err:
                self.upload_errors = {"file": err.message}
                break
            stored += 1
        if stored:
            self.text, self.category, self.page = "", ALL, 1
            self._refresh(self.require_actor())
        if self.upload_errors:
            return
        self.upload_open = False
        return rx.toast.success(f"Added {stored} file{'s' if stored != 1 else ''} to the library.")
