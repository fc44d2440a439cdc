"""State of the contact form (/contacts/new and /contacts/<code>/edit).

The form holds plain text; the domain validates and normalises everything and
answers per field. Lists (e-mails, phones, addresses, aliases, …) are small
lists of strings so a row can be added or removed without touching the rest.
"""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, NotFound, Option, ValidationError, versions
from hoffice_app.domain.contacts import DuplicateHit, form_values, visible_id
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.pages.contacts.form_options import ContactOptionsState
from hoffice_app.pages.customfields_form import CustomFieldsForm

NONE = "__none__"  # the "no choice" item of a clearable select
LISTS = ("emails", "mobiles", "office_phones", "other_phones")
MULTI = ("category_ids", "division_ids", "privacy_employee_ids")
FLAGS = ("is_customer", "tds_applicable", "lock_for_sales", "client_login", "is_private")
CUSTOM_PLACES = cf.FORM_SECTIONS["contact"]  # a custom field's section → the form's section
REFERENCE = "reference"  # the reference contact's picker (a custom field's picker is named by its cf_ key)
ADDRESS_KEYS = ("address_type_id", "line1", "line2", "area", "district", "city", "state", "country", "pin")


def _blank_address() -> dict[str, str]:
    return {k: "" for k in ADDRESS_KEYS} | {"is_default": ""}


class ContactFormState(CustomFieldsForm, ContactOptionsState):
    editing_code: str = ""
    not_found: str = ""
    values: dict[str, str] = {}
    flags: dict[str, bool] = {}
    lists: dict[str, list[str]] = {}
    multi: dict[str, list[str]] = {}
    aliases: list[str] = []
    alias_draft: str = ""
    addresses: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    duplicates: list[DuplicateHit] = []
    duplicates_open: bool = False
    reference_label: str = ""  # the reference contact's chip: "Name · C000123"
    saving: bool = False
    conflict: str = ""  # the last save was refused: someone changed the same fields meanwhile
    _read: dict = {}  # the values and version the form showed (merged or refused on save)

    @rx.var
    def error_count(self) -> int:
        return len(self.errors)

    def _reset_form(self) -> None:
        self.values, self.flags, self.aliases, self.alias_draft = {}, {f: False for f in FLAGS}, [], ""
        self.lists = {k: [""] for k in LISTS}
        self.multi = {k: [] for k in MULTI}
        self.addresses = [_blank_address()]
        self.errors, self.warnings, self.duplicates, self.duplicates_open = {}, {}, [], False
        self.reference_label, self.not_found = "", ""
        self.conflict, self._read = "", {}
        self.custom_inputs = []
        self.reset_picker()  # the reference contact's and the contact-type custom fields' pickers

    @rx.event
    def load_new(self):
        self.editing_code = ""
        self._reset_form()
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self.load_options(session, actor)
            self.load_custom(session, actor, "contact", None, CUSTOM_PLACES)
        self.values = {"country": self.default_country}

    @rx.event
    def load_edit(self):
        self._reset_form()
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        code = self.router.url.path.rstrip("/").split("/")[-2].upper()
        self.editing_code = code
        try:
            with unit_of_work() as session:
                self.load_options(session, actor)
                data = form_values(session, actor, code)
                self.reference_label = self.reference_text(session, actor, data)
                self.load_custom(session, actor, "contact", visible_id(session, actor, code), CUSTOM_PLACES)
        except NotFound as err:
            self.not_found = err.message
            return
        self._read = data
        self.values = {k: str(v) for k, v in data.items() if isinstance(v, str) and not k.startswith("cf_")}
        self.flags = {f: bool(data.get(f)) for f in FLAGS}
        self.lists = {k: list(data[k]) or [""] for k in LISTS}
        self.multi = {k: list(data[k]) for k in MULTI}
        self.aliases = list(data["aliases"])
        self.addresses = [{k: str(a.get(k) or "") for k in ADDRESS_KEYS}
                          | {"is_default": "1" if a["is_default"] else ""}
                          for a in data["addresses"]] or [_blank_address()]
        self.segment_options = self.segments_for(self.values.get("industry_id", ""))

    @rx.event
    def set_value(self, key: str, value: str):
        self.values = self.values | {key: "" if value == NONE else value}
        if key == "industry_id":
            self.segment_options = self.segments_for(self.values[key])
            if self.values.get("segment_id") not in {o.value for o in self.segment_options}:
                self.values = self.values | {"segment_id": ""}
        if key == "reference_kind":
            self.values = self.values | {"reference_id": ""}
            self.reference_label = ""
            if self.picker_target == REFERENCE:
                self.reset_picker()

    @rx.event
    def set_flag(self, key: str, value: bool):
        self.flags = self.flags | {key: bool(value)}

    @rx.event
    def set_list_item(self, key: str, index: int, value: str):
        items = list(self.lists.get(key, []))
        if 0 <= index < len(items):
            items[index] = value
            self.lists = self.lists | {key: items}

    @rx.event
    def add_list_item(self, key: str):
        self.lists = self.lists | {key: [*self.lists.get(key, []), ""]}

    @rx.event
    def remove_list_item(self, key: str, index: int):
        items = [v for i, v in enumerate(self.lists.get(key, [])) if i != index]
        self.lists = self.lists | {key: items or [""]}

    @rx.event
    def toggle_multi(self, key: str, value: str, checked: bool):
        rest = [v for v in self.multi.get(key, []) if v != value]
        self.multi = self.multi | {key: rest + [value] if checked else rest}

    @rx.event
    def set_alias_draft(self, value: str):
        self.alias_draft = value

    @rx.event
    def alias_key(self, key: str):
        if key in ("Enter", ","):
            self.add_alias()

    @rx.event
    def add_alias(self):
        alias = " ".join(self.alias_draft.replace(",", " ").split())
        if alias and alias.casefold() not in {a.casefold() for a in self.aliases}:
            self.aliases = [*self.aliases, alias]
        self.alias_draft = ""

    @rx.event
    def remove_alias(self, alias: str):
        self.aliases = [a for a in self.aliases if a != alias]

    @rx.event
    def set_address(self, index: int, key: str, value: str):
        rows = [dict(a) for a in self.addresses]
        if 0 <= index < len(rows):
            if key == "is_default":
                for n, row in enumerate(rows):
                    row["is_default"] = "1" if n == index else ""
            else:
                rows[index][key] = "" if value == NONE else value
            self.addresses = rows

    @rx.event
    def add_address(self):
        self.addresses = [*self.addresses, _blank_address()]

    @rx.event
    def remove_address(self, index: int):
        self.addresses = [a for i, a in enumerate(self.addresses) if i != index] or [_blank_address()]

    def _contact_picked(self, target: str, option: Option):
        """The reference contact's picker keeps the contact's id (the save checks again that the
        person may see it); any other picker is a contact-type custom field's."""
        if target != REFERENCE:
            return super()._contact_picked(target, option)
        try:
            with unit_of_work() as session:
                contact_id = self.contact_id_for(session, option.value)
        except NotFound as err:
            return rx.toast.error(err.message)
        self.values = self.values | {"reference_id": str(contact_id)}
        self.reference_label = option.label
        self.errors = {k: v for k, v in self.errors.items() if k != "reference_id"}

    def _payload(self) -> dict:
        data: dict = dict(self.values)
        data |= dict(self.flags) | {k: list(v) for k, v in self.lists.items()}
        data |= {k: list(v) for k, v in self.multi.items()}
        data["aliases"] = list(self.aliases) + ([self.alias_draft] if self.alias_draft.strip() else [])
        data["addresses"] = [dict(a) | {"is_default": bool(a.get("is_default"))} for a in self.addresses]
        return data | self.custom_data()

    @rx.event
    def set_duplicates_open(self, value: bool):
        self.duplicates_open = value

    @rx.event
    def save(self, allow_duplicate: bool = False):
        self.duplicates_open = False
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                saved = contacts.save_from_form(session, actor, self._payload(), now=utcnow(),
                                                code=self.editing_code, allow_duplicate=allow_duplicate,
                                                read=self._read, version=self._read.get("version"))
        except versions.EditConflict as err:
            self.load_edit()  # the current values, and a fresh version to save against
            self.conflict = err.message
            return rx.toast.error("Not saved: see the note above the form.")
        except ValidationError as err:
            self.errors, self.warnings = err.errors, {}
            self.show_custom_errors(err.errors)
            return rx.toast.error(f"Please correct the {len(err.errors)} highlighted field(s).")
        except contacts.DuplicateFound as err:
            self.errors, self.duplicates, self.duplicates_open = {}, err.hits, True
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.errors, self.warnings, self.conflict = {}, saved.warnings, ""
        return [rx.redirect(routes.contact(saved.code)), rx.toast.success(f"Saved {saved.code}. {saved.note}".strip())]
