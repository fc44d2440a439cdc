"""State of Settings → Custom fields: a record kind's fields (leads or contacts) in form order,
the add / edit dialog and its options (custom_fields_options.py). Thin: each handler is one
call to domain/customfields, which checks the admin role again and names each problem by
its field."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import NONE
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, ValidationError, versions
from hoffice_app.domain.customfields import admin as cf_admin
from hoffice_app.pages.settings.custom_fields_options import CustomFieldOptions
from hoffice_app.pages.settings.state import SettingsState

TEXTS = ("label", "kind", "default_value", "help_text", "section")
BLANK = {"label": "", "kind": "text", "default_value": "", "help_text": "", "section": ""}


class CustomFieldsState(CustomFieldOptions, SettingsState):
    record: str = "lead"
    fields: list[cf_admin.FieldView] = []
    section_choices: list[str] = []
    form_open: bool = False
    form_id: int = 0
    form: dict[str, str] = {}
    required: bool = False
    active: bool = True
    roles: list[str] = []
    errors: dict[str, str] = {}
    conflict: str = ""
    _version: int = 0
    _stored_default: str = ""

    @rx.var
    def has_options(self) -> bool:
        return self.form.get("kind", "") in cf.WITH_OPTIONS

    def _reload(self, session) -> None:
        actor = self.admin_or_refuse()
        self.fields = cf_admin.list_fields(session, actor, self.record)
        self.section_choices = [self.say(s) for s in cf_admin.sections(session, actor, self.record)]

    @rx.event
    def load(self):
        self.form_open, self.option_delete_open = False, False
        actor, redirect = self.open_section()
        if actor is None:
            self.fields = []
            return redirect
        with unit_of_work() as session:
            self._reload(session)

    @rx.event
    def choose_record(self, record: str):
        if record not in cf.RECORDS:
            return
        self.record = record
        with unit_of_work() as session:
            self._reload(session)

    @rx.event
    def move(self, field_id: int, step: int):
        try:
            with unit_of_work() as session:
                cf.move_field(session, self.admin_or_refuse(), field_id, step)
                self._reload(session)
        except DomainError as err:
            return rx.toast.error(err.message)

    def _show(self, view: cf_admin.FieldView | None) -> None:
        """The dialog filled with ``view`` (blank for a new field), remembered as what it read."""
        if view is None:
            self.form, self.required, self.active, self.roles = dict(BLANK), False, True, list(cf.ROLES)
            self._version, self._stored_default = 0, ""
            return
        self.form = {k: str(getattr(view, k)) for k in TEXTS}
        self.required, self.active, self.roles = view.required, view.active, list(view.edit_roles)
        self._version, self._stored_default = view.version, view.default_value

    def _open(self, field_id: int) -> None:
        with unit_of_work() as session:
            actor = self.admin_or_refuse()
            self._reload(session)
            view = cf_admin.field_view(session, actor, field_id) if field_id else None
            self.form_id = view.id if view else 0
            self.load_options(session, actor, self.form_id)
        self._show(view)
        self.errors, self.conflict, self.form_open = {}, "", True

    @rx.event
    def start(self, field_id: int):
        """Opens the dialog: a new field (0) or an existing one, as it is stored now."""
        try:
            self._open(field_id)
        except DomainError as err:
            return rx.toast.error(err.message)

    @rx.event
    def set_form_open(self, value: bool):
        self.form_open = value

    @rx.event
    def set_text(self, field: str, value: str):
        if field in TEXTS and (field != "kind" or not self.form_id):  # the type never changes
            self.form = self.form | {field: value}
            self.errors = {k: v for k, v in self.errors.items() if k != field}

    @rx.event
    def set_default(self, value: str):
        self.form = self.form | {"default_value": "" if value == NONE else value}
        self.errors = {k: v for k, v in self.errors.items() if k != "default_value"}

    @rx.event
    def set_required(self, value: bool):
        self.required = value

    @rx.event
    def set_active(self, value: bool):
        self.active = value

    @rx.event
    def toggle_role(self, role: str, checked: bool):
        rest = [r for r in self.roles if r != role]
        self.roles = [r for r in cf.ROLES if r in rest or (checked and r == role)]

    def after_options(self, session, actor) -> None:
        """An option's rename may carry the default along: the dialog reads the field again."""
        self._reload(session)
        view = cf_admin.field_view(session, actor, self.form_id)
        if view.version != self._version:
            if self.form.get("default_value", "") == self._stored_default:
                self.form = self.form | {"default_value": view.default_value}
            self._version, self._stored_default = view.version, view.default_value

    def _spec(self) -> cf.FieldSpec:
        f = self.form
        return cf.FieldSpec(label=f.get("label", ""), kind=f.get("kind", ""),
                            options=[o.label for o in self.options] if not self.form_id else [],
                            required=self.required, default_value=f.get("default_value", ""),
                            help_text=f.get("help_text", ""), section=f.get("section", ""),
                            edit_roles=tuple(self.roles), active=self.active)

    @rx.event
    def save(self):
        if self.new_option.strip() and self.has_options:  # Enter in the new option's box adds it
            self.add_typed_option()
            return
        try:
            with unit_of_work() as session:
                actor = self.admin_or_refuse()
                if self.form_id:
                    self.commit_renames(session, actor)
                    row = cf.update_field(session, actor, self.form_id, self._spec(), version=self._version,
                                          now=utcnow())
                else:
                    row = cf.add_field(session, actor, self.record, self._spec(), now=utcnow())
                label = row.label
                self._reload(session)
        except versions.EditConflict as err:
            self._open(self.form_id)
            self.conflict = err.message
            return rx.toast.error(err.message)
        except ValidationError as err:
            self.errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.form_open = False
        return rx.toast.success(f"Saved the field “{label}”.")
