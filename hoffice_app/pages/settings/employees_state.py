"""State of Settings → Employees: add, edit, deactivate, reset passwords."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.common import DomainError, Option, ValidationError, versions
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.org import EmployeeView, employees
from hoffice_app.pages.settings.state import SettingsState

ROLE_OPTIONS = [Option("admin", "Administrator"), Option("manager", "Manager"), Option("executive", "Executive")]
FIELDS = ("code", "name", "email", "mobile", "role", "reports_to_id", "away_from", "away_to")


class EmployeesState(SettingsState):
    employees: list[EmployeeView] = []
    division_options: list[Option] = []
    role_options: list[Option] = ROLE_OPTIONS
    form_open: bool = False
    form_id: int = 0
    form: dict[str, str] = {}
    form_divisions: list[str] = []
    form_errors: dict[str, str] = {}
    form_conflict: str = ""  # the last save was refused: someone changed the same fields meanwhile
    _read: dict = {}  # what the edit dialog showed, and the version it read (merged or refused on save)
    # password shown once after a reset or a creation
    password_open: bool = False
    password_for: str = ""
    password_value: str = ""
    confirm_open: bool = False
    confirm_id: int = 0
    confirm_action: str = ""  # deactivate | reset
    confirm_name: str = ""

    @rx.var
    def manager_options(self) -> list[Option]:
        return [Option(str(e.id), f"{e.code} · {e.name}") for e in self.employees
                if e.active and e.id != self.form_id]

    def _reload(self, session) -> None:
        actor = self.admin_or_refuse()
        self.employees = employees.list_employees(session, actor)
        self.division_options = masters.options(session, actor, "division")

    @rx.event
    def load(self):
        self.form_open = self.password_open = self.confirm_open = False
        actor, redirect = self.open_section()
        if actor is None:
            self.employees = []
            return redirect
        with unit_of_work() as session:
            self._reload(session)

    @rx.event
    def start_new(self):
        self.form_id, self.form_errors, self.form_divisions, self.form_conflict, self._read = 0, {}, [], "", {}
        self.form = {key: "" for key in FIELDS} | {"role": "executive"}
        self.form_open = True

    @rx.event
    def start_edit(self, employee_id: int):
        e = next((e for e in self.employees if e.id == employee_id), None)
        if e is None:
            return
        self.form_id, self.form_errors, self.form_conflict = e.id, {}, ""
        self._show(e)
        self.form_open = True

    def _show(self, view: EmployeeView) -> None:
        """The dialog filled with ``view``, remembered as what it showed."""
        self._read = employees.edit_values(view)
        self.form = {key: self._read[key] for key in FIELDS}
        self.form_divisions = list(self._read["division_ids"])

    @rx.event
    def set_form_open(self, value: bool):
        self.form_open = value

    @rx.event
    def set_field(self, field: str, value: str):
        if field in FIELDS:
            self.form = self.form | {field: value}

    @rx.event
    def toggle_division(self, division_id: str, checked: bool):
        rest = [d for d in self.form_divisions if d != division_id]
        self.form_divisions = rest + [division_id] if checked else rest

    @rx.event
    def save(self):
        data = dict(self.form) | {"division_ids": self.form_divisions}
        try:
            with unit_of_work() as session:
                actor = self.admin_or_refuse()
                if self.form_id:
                    saved, password = employees.edit_employee(session, actor, self.form_id, data, now=utcnow(),
                                                              read=self._read, version=self._read.get("version")), ""
                else:
                    view, password = employees.create_employee(session, actor, data, password=None, now=utcnow())
                    saved = versions.Saved(f"{view.code} {view.name}")
                self._reload(session)
        except versions.EditConflict as err:
            return self._refused(err)
        except ValidationError as err:
            self.form_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.form_open, self.form_conflict = False, ""
        if password:
            self.password_for, self.password_value, self.password_open = saved.code, password, True
        return rx.toast.success(f"Saved {saved.code}. {saved.note}".strip())

    def _refused(self, err: versions.EditConflict):
        """Someone changed the same fields meanwhile: the dialog stays open on the current values."""
        with unit_of_work() as session:
            self._reload(session)
        current = next((e for e in self.employees if e.id == self.form_id), None)
        if current is not None:
            self._show(current)
        self.form_errors, self.form_conflict = {}, err.message
        return rx.toast.error(err.message)

    @rx.event
    def ask(self, employee_id: int, action: str, name: str):
        self.confirm_id, self.confirm_action, self.confirm_name, self.confirm_open = employee_id, action, name, True

    @rx.event
    def set_confirm_open(self, value: bool):
        self.confirm_open = value

    @rx.event
    def confirm(self):
        self.confirm_open = False
        try:
            with unit_of_work() as session:
                actor = self.admin_or_refuse()
                if self.confirm_action == "reset":
                    password = employees.reset_password(session, actor, self.confirm_id, None, now=utcnow())
                    self.password_for, self.password_value, self.password_open = self.confirm_name, password, True
                else:
                    employees.set_active(session, actor, self.confirm_id, self.confirm_action == "activate",
                                         now=utcnow())
                self._reload(session)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success("Done.")

    @rx.event
    def set_password_open(self, value: bool):
        self.password_open = value
        if not value:
            self.password_value = ""
