"""State of /leads/<code>: the lead, its follow-ups, attachments and timeline."""
from __future__ import annotations

import dataclasses

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, NotFound, Option, ValidationError
from hoffice_app.domain.documents import DocumentView
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.followups import FollowUpView
from hoffice_app.domain.followups import service as followups
from hoffice_app.domain.leads import ProductLineView, TimelineItem, lead_detail
from hoffice_app.domain.leads import save as leads
from hoffice_app.pages.customfields_detail import CustomShown, shown_values
from hoffice_app.pages.leads.detail_revokes import LeadRevokes
from hoffice_app.pages.leads.followup_dialogs import FollowUpDialogs
from hoffice_app.state.auth import AuthState


class LeadDetailState(LeadRevokes, FollowUpDialogs, AuthState):
    not_found: str = ""
    lead_id: int = 0
    code: str = ""
    title: str = ""
    is_open: bool = True
    contact_code: str = ""
    info: dict[str, str] = {}
    custom: list[CustomShown] = []
    products: list[str] = []
    product_lines: list[ProductLineView] = []
    lines_total: str = ""
    associated: list[Option] = []
    followers: list[str] = []
    timeline: list[TimelineItem] = []
    follow_ups: list[FollowUpView] = []
    attachments: list[DocumentView] = []
    note: str = ""
    note_error: str = ""
    upload_error: str = ""
    library_open: bool = False
    library_text: str = ""
    library: list[DocumentView] = []

    def _refresh(self, session, actor) -> None:
        d = lead_detail(session, actor, self.code)
        self.lead_id, self.title, self.is_open, self.contact_code = d.id, d.title, d.is_open, d.contact_code
        self.info, self.products, self.associated, self.followers = d.info, d.products, d.associated, d.followers
        self.product_lines, self.lines_total = d.product_lines, d.lines_total
        self.custom = shown_values(session, actor, "lead", d.id,  # in the form's section order
                                   cf.FORM_SECTIONS["lead"] | {f"{self.lead_label} information": "information"})
        # a line the app wrote reads in the company's words ("Inquiry type: …"); a note is the person's own
        self.timeline = [t if t.kind == "note" else dataclasses.replace(t, text=self.say(t.text)) for t in d.timeline]
        self.follow_ups = followups.lead_follow_ups(session, actor, d.id, now=utcnow())
        self.attachments = documents.lead_documents(session, actor, d.id)
        self.load_revokes(session, actor, d.id)

    @rx.event
    def load(self):
        self.not_found, self.note, self.note_error, self.upload_error = "", "", "", ""
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self.code = self.router.url.path.rstrip("/").split("/")[-1].upper()
        try:
            with unit_of_work() as session:
                self.load_people(session, actor)
                self._refresh(session, actor)
        except NotFound as err:
            self.not_found, self.info = err.message, {}
            return
        return self.document_title(f"{self.lead_label} {self.code}")

    @rx.event
    def set_note(self, value: str):
        self.note = value

    @rx.event
    def add_note(self):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                leads.add_note(session, actor, self.lead_id, self.note, now=utcnow())
                self._refresh(session, actor)
        except ValidationError as err:
            self.note_error = err.errors.get("note", err.message)
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.note, self.note_error = "", ""

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        self.upload_error = ""
        for file in files:
            data = await file.read()
            name = file.name or file.filename or "file"
            try:
                with unit_of_work() as session:
                    actor = self.require_actor()
                    documents.store_and_attach(session, actor, self.lead_id, name, data, now=utcnow())
                    self._refresh(session, actor)
            except ValidationError as err:
                self.upload_error = err.errors.get("file", err.message)
                return
            except DomainError as err:
                self.upload_error = err.message
                return
        return rx.toast.success("Attached.")

    @rx.event
    def open_library(self):
        self.library_open, self.library_text = True, ""
        return LeadDetailState.search_library("")

    @rx.event
    def set_library_open(self, value: bool):
        self.library_open = value

    @rx.event
    def search_library(self, text: str):
        self.library_text = text
        with unit_of_work() as session:
            self.library = documents.library(session, self.require_actor(), text=text, limit=30)

    @rx.event
    def attach_existing(self, document_id: int):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                documents.attach_existing(session, actor, self.lead_id, document_id, now=utcnow())
                self._refresh(session, actor)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.library_open = False
        return rx.toast.success("Attached from the library.")

    @rx.event
    def detach(self, document_id: int):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                documents.detach(session, actor, self.lead_id, document_id, now=utcnow())
                self._refresh(session, actor)
        except DomainError as err:
            return rx.toast.error(err.message)
