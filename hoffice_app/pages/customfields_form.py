"""Custom fields on the lead and contact forms: a state mixin holding the record's fields as a
plain list (definition, value, choices, message) and the inputs that render them.

Each field lands in its own section of the form, after that section's built-in fields; a
section the form does not have (or none) puts it in "More details" at the end. The inputs are
native elements (selects, checkboxes, dates): a form with twenty custom fields must be ready at
once, and a Radix select per field costs the browser far more than a native one. A contact
field is the shared contact picker (search by name, alias, code or phone; the value kept is the
contact's code, the chip shows "Name · C000123"), its target the field's key.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import reflex as rx

from hoffice_app.components.contact_picker import contact_picker
from hoffice_app.components.fields import field_error
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import Option
from hoffice_app.state.contact_picker import ContactPicker

MORE = "more"  # the placement of a field whose section the form does not have


@dataclass
class CustomInput:
    """One custom field as its form shows it."""

    key: str = ""  # cf_<key>: the key of the form's data and of its messages
    label: str = ""
    kind: str = ""
    place: str = MORE  # which section of the form it renders in
    help: str = ""
    required: bool = False
    editable: bool = True
    value: str = ""
    chosen: list[str] = field(default_factory=list)  # a multi-select's options
    choices: list[Option] = field(default_factory=list)
    shown: str = ""  # the value as pages show it (a read-only field shows this; a contact: "Name · C000123")
    prefix: str = ""  # an amount's currency symbol
    error: str = ""


class CustomFieldsForm(ContactPicker, mixin=True):
    custom_inputs: list[CustomInput] = []

    @rx.var
    def custom_more(self) -> bool:
        """Whether the form needs its "More details" section."""
        return any(f.place == MORE for f in self.custom_inputs)

    def load_custom(self, session, actor, record: str, record_id: int | None, places: dict[str, str]) -> None:
        """The record's active fields (a new record's with their defaults). ``places``: a section
        name as an administrator writes it (any case) → where the form puts it."""
        known = {k.casefold(): v for k, v in places.items()}
        self.custom_inputs = [CustomInput(
            key=f["key"], label=f["label"], kind=f["kind"], place=known.get(f["section"].casefold(), MORE),
            help=f["help"], required=bool(f["required"]), editable=bool(f["editable"]), value=f["value"],
            chosen=list(f["chosen"]), shown=_shown(f), prefix=f["prefix"],
            choices=[Option(*c.split("|", 1)) if f["kind"] == "employee" else Option(c, c) for c in f["choices"]],
        ) for f in cf.form_fields(session, actor, record, record_id)]

    def custom_data(self) -> dict:
        """What the save sends: the fields the person may change (the others keep their value)."""
        return {f.key: list(f.chosen) if f.kind == "multi_select" else f.value
                for f in self.custom_inputs if f.editable}

    def show_custom_errors(self, errors: dict[str, str]) -> None:
        """The save's messages next to their fields (the label is already above the input)."""
        def message(f: CustomInput) -> str:
            text = errors.get(f.key, "").removeprefix(f"{f.label}: ")
            return text[:1].upper() + text[1:]
        self.custom_inputs = [replace(f, error=message(f)) for f in self.custom_inputs]

    def _contact_picked(self, target: str, option: Option):
        """A contact field's picker: the value is the contact's code, the chip its label."""
        self.custom_inputs = [replace(f, value=option.value, shown=option.label, error="")
                              if f.key == target and f.kind == "contact" and f.editable else f
                              for f in self.custom_inputs]

    @rx.event
    def clear_custom(self, key: str):
        self.custom_inputs = [replace(f, value="", shown="") if f.key == key and f.editable else f
                              for f in self.custom_inputs]

    @rx.event
    def set_custom(self, key: str, value: str):
        self.custom_inputs = [replace(f, value=value) if f.key == key and f.editable else f
                              for f in self.custom_inputs]

    @rx.event
    def toggle_custom(self, key: str, option: str, checked: bool):
        def chosen(f: CustomInput) -> list[str]:
            rest = [c for c in f.chosen if c != option]
            return rest + [option] if checked else rest
        self.custom_inputs = [replace(f, chosen=chosen(f)) if f.key == key and f.editable else f
                              for f in self.custom_inputs]


def _shown(f: dict) -> str:
    """A contact the person may change shows as "Name · C000123" on its chip."""
    if f["kind"] == "contact" and f["editable"] and f["value"]:
        return f"{f['shown']} · {f['value']}"
    return f["shown"]


NATIVE = {"width": "100%", "height": "var(--space-6)", "padding": "0 var(--space-2)",
          "fontSize": "var(--font-size-2)", "color": rx.color("gray", 12), "background": "var(--color-surface)",
          "border": f"1px solid {rx.color('gray', 7)}", "borderRadius": "var(--radius-2)"}


def _native_select(state, f, field_id, *options) -> rx.Component:
    return rx.el.select(rx.el.option("—", value=""), *options, id=field_id, value=f.value,
                        on_change=lambda v: state.set_custom(f.key, v), aria_required=f.required,
                        aria_invalid=f.error != "", style=NATIVE)


def _text(state, f, field_id, type_: str, **props) -> rx.Component:
    return rx.input(id=field_id, value=f.value, on_change=lambda v: state.set_custom(f.key, v), type=type_,
                    width="100%", aria_required=f.required, aria_invalid=f.error != "", **props)


def _control(state, f, field_id) -> rx.Component:
    options = rx.foreach(f.choices, lambda o: rx.el.option(o.label, value=o.value))
    boxes = rx.flex(rx.foreach(f.choices, lambda o: rx.checkbox(
        o.label, checked=f.chosen.contains(o.value), on_change=lambda c: state.toggle_custom(f.key, o.value, c))),
        spacing="4", wrap="wrap", id=field_id, role="group", aria_label=f.label)
    return rx.match(
        f.kind,
        ("long_text", rx.text_area(id=field_id, value=f.value, on_change=lambda v: state.set_custom(f.key, v),
                                   rows="3", width="100%", aria_required=f.required)),
        ("number", _text(state, f, field_id, "text", input_mode="decimal")),
        ("amount", rx.input(rx.input.slot(rx.text(f.prefix, size="2")), id=field_id, value=f.value,
                            on_change=lambda v: state.set_custom(f.key, v), input_mode="decimal", width="100%",
                            aria_required=f.required)),
        ("date", _text(state, f, field_id, "date")),
        ("datetime", _text(state, f, field_id, "datetime-local")),
        ("yes_no", _native_select(state, f, field_id, rx.el.option("Yes", value="yes"),
                                  rx.el.option("No", value="no"))),
        ("select", _native_select(state, f, field_id, options)),
        ("employee", _native_select(state, f, field_id, options)),
        ("multi_select", boxes),
        ("email", _text(state, f, field_id, "email", placeholder="name@example.com")),
        ("phone", _text(state, f, field_id, "tel")),
        ("url", _text(state, f, field_id, "url", placeholder="https://")),
        ("contact", contact_picker(state, f.key, field_id, f.shown, on_clear=state.clear_custom(f.key),
                                   clear_label=rx.Var.create("Clear ") + f.label, required=f.required,
                                   invalid=f.error != "")),
        _text(state, f, field_id, "text"),
    )


def _read_only(f, field_id) -> rx.Component:
    return rx.input(id=field_id, value=rx.cond(f.shown != "", f.shown, "—"), read_only=True, variant="soft",
                    width="100%", title="Your role may not change this field.")


def custom_input(state, f: CustomInput, prefix: str) -> rx.Component:
    """One field: its label (with the required mark), the input fitting its type (read-only
    where the person's role may not change it), its help and its message."""
    field_id = prefix + f.key
    label = rx.el.label(f.label, rx.cond(f.required, rx.el.span(" *", aria_hidden="true",
                                                                style={"color": rx.color("red", 11)})),
                        html_for=field_id, style={"fontSize": "var(--font-size-2)", "fontWeight": 500})
    return rx.vstack(
        label,
        rx.cond(f.editable, _control(state, f, field_id), _read_only(f, field_id)),
        rx.cond(f.help != "", rx.text(f.help, size="1", color_scheme="gray")),
        field_error(f.error),
        spacing="1", width="100%", align="stretch", min_width="0",
        grid_column=rx.cond(f.kind == "long_text", "1 / -1", rx.cond(f.kind == "multi_select", "1 / -1", "auto")),
        custom_attrs={"data-custom-field": f.key},
    )


def custom_inputs(state, place: str, prefix: str) -> rx.Component:
    """The fields placed in one section, in their order: children of that section's grid."""
    return rx.foreach(state.custom_inputs,
                      lambda f: rx.cond(f.place == place, custom_input(state, f, prefix), rx.fragment()))


def more_details(state, prefix: str, section) -> rx.Component:
    """The "More details" section at the end of the form, when a field has no section of its own
    there. ``section(title, *children)`` is the form's own section maker."""
    return rx.cond(state.custom_more, section("More details", custom_inputs(state, MORE, prefix)))
