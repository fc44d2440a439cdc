"""Form fields with a visible label and the validation message right under them."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.terms import say


def field_error(message) -> rx.Component:
    return rx.cond(message != "", rx.text(message, color_scheme="red", size="1", role="alert"))


def labelled(label: str, control: rx.Component, field_id: str, error=None, hint: str = "") -> rx.Component:
    """A label bound to its control (so screen readers and tests find it) plus hint and error."""
    label, hint = say(label), say(hint)
    parts = [rx.el.label(label, html_for=field_id, style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
             control]
    if isinstance(hint, rx.Var) or hint:
        parts.append(rx.text(hint, size="1", color_scheme="gray"))
    if error is not None:
        parts.append(field_error(error))
    return rx.vstack(*parts, spacing="1", width="100%", align="stretch")


def text_field(label: str, name: str, value, on_change, error=None, *, type_: str = "text", hint: str = "",
               placeholder: str = "", field_id: str | None = None, **props) -> rx.Component:
    field_id = field_id or f"field-{name}"
    return labelled(label, rx.input(id=field_id, name=name, value=value, on_change=on_change, type=type_,
                                    placeholder=placeholder, width="100%", **props), field_id, error, hint)


def select_field(label: str, name: str, options, value, on_change, error=None, *, placeholder: str = "Choose…",
                 field_id: str | None = None) -> rx.Component:
    """``options`` is a list var of Option (value, label)."""
    field_id = field_id or f"field-{name}"
    control = rx.select.root(
        rx.select.trigger(placeholder=placeholder, id=field_id, width="100%"),
        rx.select.content(rx.foreach(options, lambda o: rx.select.item(o.label, value=o.value))),
        value=value, on_change=on_change, name=name,
    )
    return labelled(label, control, field_id, error)


NONE = "__none__"


def field_warning(message) -> rx.Component:
    return rx.cond(message != "", rx.text(message, color_scheme="amber", size="1"))


def choice(label: str, field_id: str, options, value, on_change, error=None, *, clearable: bool = True,
           placeholder: str = "Choose…", none_label: str = "— None —") -> rx.Component:
    """A select whose choice can be cleared again (Radix items cannot hold "")."""
    items = [rx.select.item(none_label, value=NONE)] if clearable else []
    control = rx.select.root(
        rx.select.trigger(placeholder=placeholder, id=field_id, width="100%"),
        rx.select.content(*items, rx.foreach(options, lambda o: rx.select.item(o.label, value=o.value))),
        value=value,
        on_change=on_change,
    )
    return labelled(label, control, field_id, error)


def fixed_choice(label: str, field_id: str, pairs: list[tuple[str, str]], value, on_change, error=None,
                 *, clearable: bool = True) -> rx.Component:
    """A select over a fixed Python list of (value, label)."""
    items = [rx.select.item("— None —", value=NONE)] if clearable else []
    items += [rx.select.item(text, value=val) for val, text in pairs]
    control = rx.select.root(rx.select.trigger(placeholder="Choose…", id=field_id, width="100%"),
                             rx.select.content(*items), value=value,
                             on_change=on_change)
    return labelled(label, control, field_id, error)


def check_group(label: str, group_id: str, options, selected, on_toggle, error=None) -> rx.Component:
    """Checkboxes for a many-of list; ``on_toggle(value, checked)``."""
    boxes = rx.flex(rx.foreach(options, lambda o: rx.checkbox(o.label, checked=selected.contains(o.value),
                                                               on_change=lambda c: on_toggle(o.value, c))),
                    spacing="4", wrap="wrap", id=group_id, role="group", aria_label=say(label))
    return labelled(label, boxes, group_id, error)


def edit_conflict(message) -> rx.Component:
    """Above a form whose save was refused because someone changed the same fields meanwhile
    (the form now shows the current values)."""
    return rx.cond(message != "", rx.callout(message, icon="users", color_scheme="amber", role="alert",
                                             width="100%"))
