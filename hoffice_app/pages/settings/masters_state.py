"""State of one master list screen (Settings → any list). Thin: each handler is
one domain call; the domain checks the admin role again. Lead types also pick
each type's default status (``set_type_status``)."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import NONE
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.common import DomainError, Option, ValidationError, as_id, versions
from hoffice_app.domain.masters import BY_KEY, MasterEntryView, set_default_status
from hoffice_app.domain.masters import entries as masters
from hoffice_app.pages.settings.state import SettingsState


class MastersState(SettingsState):
    kind: str = ""
    entries: list[MasterEntryView] = []
    parent_options: list[Option] = []
    status_options: list[Option] = []  # lead types: the statuses a type may start its leads with
    parent_filter: str = "all"
    # add form (name, code, parent, body) and edit dialog (name, code, parent_id, body)
    new: dict[str, str] = {}
    add_errors: dict[str, str] = {}
    edit_open: bool = False
    edit_id: int = 0
    edit: dict[str, str] = {}
    edit_errors: dict[str, str] = {}
    conflict: str = ""  # the last save was refused: someone changed the same fields meanwhile
    _read: dict = {}  # what the edit dialog showed, and the version it read (merged or refused on save)
    # delete confirmation
    delete_open: bool = False
    delete_id: int = 0
    delete_name: str = ""
    delete_error: str = ""

    @rx.var
    def visible_entries(self) -> list[MasterEntryView]:
        if self.parent_filter in ("", "all"):
            return self.entries
        return [e for e in self.entries if str(e.parent_id) == self.parent_filter]

    def _reload(self, session) -> None:
        actor = self.admin_or_refuse()
        self.entries = masters.list_entries(session, actor, self.kind)
        parent = BY_KEY[self.kind].parent
        self.parent_options = masters.options(session, actor, parent) if parent else []
        self.status_options = masters.options(session, actor, "lead_status") if self.kind == "lead_type" else []

    @rx.event
    def load(self, kind: str):
        self.kind = kind
        self.parent_filter, self.add_errors, self.edit_open, self.delete_open = "all", {}, False, False
        self.new = {}
        actor, redirect = self.open_section()
        if actor is None:
            self.entries = []
            return redirect
        with unit_of_work() as session:
            self._reload(session)

    @rx.event
    def set_new(self, field: str, value: str):
        self.new = self.new | {field: value}

    @rx.event
    def set_parent_filter(self, value: str):
        self.parent_filter = value
        if value not in ("", "all"):
            self.new = self.new | {"parent": value}

    @rx.event
    def add(self):
        try:
            with unit_of_work() as session:
                created = masters.create_entry(session, self.admin_or_refuse(), self.kind, self.new.get("name", ""),
                                               code=self.new.get("code"), body=self.new.get("body"),
                                               parent_id=as_id(self.new.get("parent")))
                self._reload(session)
        except ValidationError as err:
            self.add_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.add_errors = {}
        self.new = {"parent": self.new.get("parent", "")}
        return rx.toast.success(f"Added “{created.name}”.")

    @rx.event
    def start_edit(self, entry_id: int):
        entry = next((e for e in self.entries if e.id == entry_id), None)
        if entry is None:
            return
        self.edit_id, self.edit_errors, self.conflict, self.edit_open = entry.id, {}, "", True
        self._show(entry)

    def _show(self, entry: MasterEntryView) -> None:
        """The dialog filled with ``entry``, remembered as what it showed."""
        self._read = masters.edit_values(entry)
        self.edit = {k: v for k, v in self._read.items() if k != "version"}

    @rx.event
    def set_edit_open(self, value: bool):
        self.edit_open = value

    @rx.event
    def set_edit(self, field: str, value: str):
        self.edit = self.edit | {field: value}

    @rx.event
    def save_edit(self):
        try:
            with unit_of_work() as session:
                saved = masters.edit_entry(session, self.admin_or_refuse(), self.edit_id, dict(self.edit),
                                           now=utcnow(), read=self._read, version=self._read.get("version"))
                self._reload(session)
        except versions.EditConflict as err:
            return self._refused(err)
        except ValidationError as err:
            self.edit_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.edit_open, self.conflict = False, ""
        return rx.toast.success(f"Saved. {saved.note}".strip())

    def _refused(self, err: versions.EditConflict):
        """Someone changed the same fields meanwhile: the dialog stays open on the current values."""
        with unit_of_work() as session:
            self._reload(session)
        current = next((e for e in self.entries if e.id == self.edit_id), None)
        if current is not None:
            self._show(current)
        self.edit_errors, self.conflict = {}, err.message
        return rx.toast.error(err.message)

    @rx.event
    def move(self, entry_id: int, direction: int):
        try:
            with unit_of_work() as session:
                masters.move_entry(session, self.admin_or_refuse(), entry_id, direction)
                self._reload(session)
        except DomainError as err:
            return rx.toast.error(err.message)

    @rx.event
    def toggle_active(self, entry_id: int, active: bool):
        try:
            with unit_of_work() as session:
                masters.set_active(session, self.admin_or_refuse(), entry_id, active, now=utcnow())
                self._reload(session)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success("Activated." if active else "Deactivated: hidden from new records.")

    @rx.event
    def set_type_status(self, entry_id: int, value: str):
        try:
            with unit_of_work() as session:
                set_default_status(session, self.admin_or_refuse(), entry_id,
                                   None if value == NONE else as_id(value), now=utcnow())
                self._reload(session)
        except ValidationError as err:
            return rx.toast.error(" ".join(err.errors.values()))
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success("Default status saved.")

    @rx.event
    def ask_delete(self, entry_id: int, name: str):
        self.delete_id, self.delete_name, self.delete_error, self.delete_open = entry_id, name, "", True

    @rx.event
    def set_delete_open(self, value: bool):
        self.delete_open = value

    @rx.event
    def confirm_delete(self):
        try:
            with unit_of_work() as session:
                masters.delete_entry(session, self.admin_or_refuse(), self.delete_id)
                self._reload(session)
        except ValidationError as err:
            self.delete_error = " ".join(err.errors.values())
            return
        except DomainError as err:
            self.delete_error = err.message
            return
        self.delete_open = False
        return rx.toast.success(f"Deleted “{self.delete_name}”.")
