"""State of Settings → Funnels: the funnels, the chosen funnel's stages, the
stage dialog and the remove confirmation. Thin: each handler is one call to
domain/funnel_admin.py, which checks the admin role again."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.common import DomainError, ValidationError, versions
from hoffice_app.domain.funnel import FunnelView, StageView, funnel_values, stage_values
from hoffice_app.domain.funnel import admin as funnel_admin
from hoffice_app.pages.settings.funnel_defaults import FunnelDefaultsChoices
from hoffice_app.pages.settings.state import SettingsState

BLANK_STAGE = {"name": "", "kind": "open", "color": "blue", "probability": "0", "days_to_rot": ""}


class FunnelsState(FunnelDefaultsChoices, SettingsState):
    funnels: list[FunnelView] = []
    funnel_id: int = 0
    stages: list[StageView] = []
    new_funnel: str = ""
    funnel_error: str = ""
    rename_open: bool = False
    rename_name: str = ""
    rename_error: str = ""
    stage_open: bool = False
    stage_id: int = 0
    stage: dict[str, str] = {}
    stage_errors: dict[str, str] = {}
    remove_open: bool = False
    remove_id: int = 0
    remove_name: str = ""
    remove_error: str = ""
    conflict: str = ""  # the open dialog's last save was refused: someone changed the same fields meanwhile
    _read: dict = {}  # what the open dialog (rename or stage) showed, and the version it read

    @rx.var
    def funnel_name(self) -> str:
        return next((f.name for f in self.funnels if f.id == self.funnel_id), "")

    def _reload(self, session) -> None:
        actor = self.admin_or_refuse()
        self.funnels = funnel_admin.list_funnels(session, actor)
        if self.funnel_id not in {f.id for f in self.funnels}:
            self.funnel_id = self.funnels[0].id if self.funnels else 0
        self.stages = funnel_admin.list_stages(session, actor, self.funnel_id) if self.funnel_id else []
        self.reload_defaults(session, actor)

    def _run(self, call, success: str = ""):
        """One domain call and a reload in one unit of work; a refusal becomes a toast."""
        try:
            with unit_of_work() as session:
                call(session, self.admin_or_refuse())
                self._reload(session)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success(success) if success else None

    @rx.event
    def load(self):
        self.rename_open = self.stage_open = self.remove_open = False
        self.new_funnel, self.funnel_error = "", ""
        actor, redirect = self.open_section()
        if actor is None:
            self.funnels, self.stages = [], []
            return redirect
        with unit_of_work() as session:
            self._reload(session)

    @rx.event
    def choose(self, funnel_id: int):
        self.funnel_id = funnel_id
        with unit_of_work() as session:
            self._reload(session)

    @rx.event
    def set_new_funnel(self, value: str):
        self.new_funnel = value

    @rx.event
    def add_funnel(self):
        try:
            with unit_of_work() as session:
                self.funnel_id = funnel_admin.create_funnel(session, self.admin_or_refuse(), self.new_funnel)
                self._reload(session)
        except ValidationError as err:
            self.funnel_error = err.errors.get("name", err.message)
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.new_funnel, self.funnel_error = "", ""
        return rx.toast.success(f"Added the funnel {self.funnel_name}, with New, Won and Lost to start from.")

    @rx.event
    def move_funnel(self, funnel_id: int, direction: int):
        return self._run(lambda s, a: funnel_admin.move_funnel(s, a, funnel_id, direction))

    @rx.event
    def set_funnel_active(self, funnel_id: int, active: bool):
        return self._run(lambda s, a: funnel_admin.set_funnel_active(s, a, funnel_id, active, now=utcnow()),
                         "Activated." if active else "Switched off: its board is hidden.")

    @rx.event
    def start_rename(self):
        self.rename_error, self.conflict, self.rename_open = "", "", True
        self._show_funnel()

    def _show_funnel(self) -> None:
        """The rename dialog filled with the chosen funnel, remembered as what it showed."""
        funnel = next((f for f in self.funnels if f.id == self.funnel_id), None)
        self._read = funnel_values(funnel) if funnel else {}
        self.rename_name = self._read.get("name", "")

    @rx.event
    def set_rename_open(self, value: bool):
        self.rename_open = value

    @rx.event
    def set_rename_name(self, value: str):
        self.rename_name = value

    @rx.event
    def save_rename(self):
        try:
            with unit_of_work() as session:
                saved = funnel_admin.edit_funnel_name(session, self.admin_or_refuse(), self.funnel_id,
                                                      self.rename_name, now=utcnow(), read=self._read,
                                                      version=self._read.get("version"))
                self._reload(session)
        except versions.EditConflict as err:
            return self._refused(err, self._show_funnel)
        except ValidationError as err:
            self.rename_error = err.errors.get("name", err.message)
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.rename_open, self.conflict = False, ""
        return rx.toast.success(saved.note) if saved.note else None

    def _refused(self, err: versions.EditConflict, show):
        """Someone changed the same fields meanwhile: the dialog stays open on the current values."""
        with unit_of_work() as session:
            self._reload(session)
        show()
        self.rename_error, self.stage_errors, self.conflict = "", {}, err.message
        return rx.toast.error(err.message)

    @rx.event
    def start_stage(self, stage_id: int):
        """Opens the stage dialog: a new stage (0) or an existing one."""
        self.stage_id, self.stage_errors, self.conflict, self.stage_open = stage_id, {}, "", True
        self._show_stage()

    def _show_stage(self) -> None:
        """The stage dialog filled with the stage (blank for a new one), remembered as what it showed."""
        found = next((s for s in self.stages if s.id == self.stage_id), None)
        self._read = stage_values(found) if found else {}
        self.stage = {k: v for k, v in self._read.items() if k != "version"} if found else dict(BLANK_STAGE)

    @rx.event
    def set_stage_open(self, value: bool):
        self.stage_open = value

    @rx.event
    def set_stage(self, field: str, value: str):
        self.stage = self.stage | {field: value}

    @rx.event
    def save_stage(self):
        try:
            with unit_of_work() as session:
                actor, note = self.admin_or_refuse(), ""
                if self.stage_id:
                    note = funnel_admin.edit_stage(session, actor, self.funnel_id, self.stage_id, dict(self.stage),
                                                   now=utcnow(), read=self._read,
                                                   version=self._read.get("version")).note
                else:
                    funnel_admin.save_stage(session, actor, self.funnel_id, None, dict(self.stage), now=utcnow())
                self._reload(session)
        except versions.EditConflict as err:
            return self._refused(err, self._show_stage)
        except ValidationError as err:
            self.stage_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.stage_open, self.conflict = False, ""
        return rx.toast.success(f"Saved the stage {self.stage.get('name', '')}. {note}".strip())

    @rx.event
    def move_stage(self, stage_id: int, direction: int):
        return self._run(lambda s, a: funnel_admin.move_stage(s, a, stage_id, direction))

    @rx.event
    def ask_remove(self, stage_id: int, name: str):
        self.remove_id, self.remove_name, self.remove_error, self.remove_open = stage_id, name, "", True

    @rx.event
    def set_remove_open(self, value: bool):
        self.remove_open = value

    @rx.event
    def confirm_remove(self):
        try:
            with unit_of_work() as session:
                outcome = funnel_admin.remove_stage(session, self.admin_or_refuse(), self.remove_id, now=utcnow())
                self._reload(session)
        except DomainError as err:
            self.remove_error = err.message
            return
        self.remove_open = False
        return rx.toast.success(f"Removed {self.remove_name}." if outcome == "deleted" else
                                self.say(f"Removed {self.remove_name}; its past moves stay on the leads' timelines."))
