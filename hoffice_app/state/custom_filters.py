"""The "custom field" filter of the lead and contact lists: pick a field, then an operator and a
value fitting its type; each filter added shows as a removable chip.

A mixin (its vars and handlers are copied into the list's state). The list keeps the filters
as one more entry of its ``filters`` dict ("custom", the text customfields.encode_filters
writes), so its search, its saved views and their "modified" mark carry them with no more
code; the list's state provides ``_cf_record`` ("lead" or "contact"), ``filters``,
``require_actor`` and ``_again`` (start the search over from page 1), and its search calls
``_cf_name_contacts`` (the chips name a contact filter's contact). A contact field's value
is picked with the shared contact picker (state/contact_picker.py): only contacts the viewer
may see are offered, and the filter keeps the contact's code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import reflex as rx

from hoffice_app.db import unit_of_work
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, Option, ValidationError
from hoffice_app.state.contact_picker import ContactPicker

CUSTOM = "custom"  # the list's filters key
PICKER = "cf_filter"  # the contact picker's target in the filter form


@dataclass
class CfChoice:
    """A field as the filter control offers it."""

    key: str = ""
    label: str = ""
    kind: str = ""
    operators: list[Option] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)


def _input_of(kind: str, op: str) -> str:
    """Which value input the control shows for ``kind`` and ``op``."""
    if not kind or op in cf.NO_VALUE:
        return "none"
    if kind in ("select", "multi_select"):
        return "options"
    if kind in ("number", "amount"):
        return "number"
    if kind in ("date", "datetime"):
        return "date"
    return kind if kind in ("employee", "contact") else "text"


def _as_filter_fields(fields: list[CfChoice]) -> list[cf.FilterField]:
    return [cf.FilterField(f.key, f.label, f.kind, [(o.value, o.label) for o in f.operators],
                           [(o.value, o.label) for o in f.options]) for f in fields]


class CustomFilters(ContactPicker, mixin=True):
    cf_fields: list[CfChoice] = []
    cf_field: str = ""  # the key of the field being filtered on
    cf_op: str = ""
    cf_value: str = ""
    cf_to: str = ""
    cf_chosen: list[str] = []  # option ids ticked
    cf_contact: str = ""  # the picked contact as its chip shows it ("Name · C000123")
    cf_contact_names: dict[str, str] = {}  # the filters' contacts the viewer may see: code → "Name · C000123"
    cf_error: str = ""
    cf_open: bool = False

    @rx.var
    def cf_current(self) -> CfChoice:
        return next((f for f in self.cf_fields if f.key == self.cf_field), CfChoice())

    @rx.var
    def cf_input(self) -> str:
        return _input_of(self.cf_current.kind, self.cf_op)

    @rx.var
    def cf_chips(self) -> list[Option]:
        """The filters applied, in words; value = its place in the list (for removing it)."""
        words = cf.describe_filters(_as_filter_fields(self.cf_fields), self.filters.get(CUSTOM, ""),
                                    self.cf_contact_names)
        return [Option(value=str(n), label=text) for n, text in enumerate(words) if text]

    def _cf_name_contacts(self, session, actor) -> None:
        """The names the chips give the contacts of the filters applied (the list's search calls
        it, so a saved view's filters are named too)."""
        self.cf_contact_names = cf.contact_names(session, actor, _as_filter_fields(self.cf_fields),
                                                 self.filters.get(CUSTOM, ""))

    def _cf_load(self, session, actor) -> None:
        self.cf_fields = [CfChoice(key=f.key, label=f.label, kind=f.kind,
                                   operators=[Option(value=v, label=t) for v, t in f.operators],
                                   options=[Option(value=v, label=t) for v, t in f.options])
                          for f in cf.filter_fields(session, self._cf_record)]

    def _contact_picked(self, target: str, option: Option):
        if target == PICKER:
            self.cf_value, self.cf_contact, self.cf_error = option.value, option.label, ""

    @rx.event
    def clear_cf_contact(self):
        self.cf_value, self.cf_contact = "", ""

    @rx.event
    def set_cf_open(self, value: bool):
        self.cf_open, self.cf_error = value, ""
        self.reset_picker()

    @rx.event
    def set_cf_field(self, key: str):
        self.cf_field, self.cf_value, self.cf_to, self.cf_chosen, self.cf_error = key, "", "", [], ""
        self.cf_contact = ""
        self.reset_picker()
        ops = self.cf_current.operators
        self.cf_op = ops[0].value if ops else ""

    @rx.event
    def set_cf_op(self, op: str):
        self.cf_op, self.cf_error = op, ""

    @rx.event
    def set_cf_value(self, value: str):
        self.cf_value, self.cf_error = value, ""

    @rx.event
    def set_cf_to(self, value: str):
        self.cf_to, self.cf_error = value, ""

    @rx.event
    def toggle_cf_option(self, option_id: str, checked: bool):
        rest = [o for o in self.cf_chosen if o != option_id]
        self.cf_chosen, self.cf_error = (rest + [option_id] if checked else rest), ""

    @rx.event
    def add_cf_filter(self):
        """Check the filter (a bad value is shown next to it and nothing changes), then apply it."""
        if not self.cf_field:
            self.cf_error = "Choose a field."
            return
        value = ",".join(self.cf_chosen) if self.cf_input == "options" else self.cf_value
        one = cf.CustomFilter(field=self.cf_field, op=self.cf_op, value=value,
                              to=self.cf_to if self.cf_op == "between" else "")
        filters = cf.decode_filters(self.filters.get(CUSTOM, ""))
        if len(filters) >= cf.MAX_FILTERS:
            self.cf_error = f"At most {cf.MAX_FILTERS} custom field filters at once."
            return
        try:
            with unit_of_work() as session:
                cf.filter_conditions(session, self.require_actor(), self._cf_record, [one])
        except ValidationError as err:
            self.cf_error = " ".join(err.errors.values())
            return
        except DomainError as err:
            self.cf_error = err.message
            return
        self.filters = self.filters | {CUSTOM: cf.encode_filters(filters + [one])}
        if self.cf_input == "contact" and self.cf_contact:  # named at once, before the search does it
            self.cf_contact_names = self.cf_contact_names | {self.cf_value.strip().upper(): self.cf_contact}
        self.cf_open, self.cf_field, self.cf_op, self.cf_value, self.cf_to, self.cf_chosen = (
            False, "", "", "", "", [])
        self.cf_contact = ""
        return self._again()

    @rx.event
    def remove_cf_filter(self, place: str):
        filters = cf.decode_filters(self.filters.get(CUSTOM, ""))
        n = int(place) if str(place).isdigit() else -1
        self.filters = self.filters | {CUSTOM: cf.encode_filters([f for i, f in enumerate(filters) if i != n])}
        return self._again()
