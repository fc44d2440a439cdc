"""The "custom field" filter control and its chips, for a list whose state mixes in
state.custom_filters.CustomFilters: a button opening a small form (field, then operator, then a
value input fitting the type), and one removable chip per filter applied."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.contact_picker import KEEP_OPEN_WHILE_RESULTS, contact_picker
from hoffice_app.components.fields import field_error
from hoffice_app.state.custom_filters import PICKER


def _value(S) -> rx.Component:
    between = S.cf_op == "between"
    second = lambda type_: rx.cond(between, rx.hstack(  # noqa: E731
        rx.text("and", size="1"),
        rx.input(type=type_, value=S.cf_to, on_change=S.set_cf_to, aria_label="Custom filter upper value", size="2"),
        align="center"))
    return rx.match(
        S.cf_input,
        ("options", rx.vstack(rx.foreach(S.cf_current.options, lambda o: rx.el.label(rx.hstack(
            rx.checkbox(checked=S.cf_chosen.contains(o.value), on_change=lambda c: S.toggle_cf_option(o.value, c)),
            rx.text(o.label, size="2"), align="center"))), spacing="1", max_height="14rem", overflow_y="auto",
            role="group", aria_label="Custom filter options")),
        ("employee", rx.select.root(rx.select.trigger(placeholder="Choose an employee",
                                                      aria_label="Custom filter employee"),
                                    rx.select.content(rx.foreach(S.cf_current.options, lambda o: rx.select.item(
                                        o.label, value=o.value))), value=S.cf_value, on_change=S.set_cf_value)),
        ("number", rx.hstack(rx.input(value=S.cf_value, on_change=S.set_cf_value, inputmode="decimal",
                                      aria_label="Custom filter value", placeholder="e.g. 1,500", size="2"),
                             second("text"), align="center")),
        ("date", rx.hstack(rx.input(type="date", value=S.cf_value, on_change=S.set_cf_value,
                                    aria_label="Custom filter value", size="2"), second("date"), align="center")),
        ("contact", contact_picker(S, PICKER, "custom-filter-contact", S.cf_contact, on_clear=S.clear_cf_contact,
                                   clear_label="Clear the contact", aria_label="Custom filter contact")),
        ("text", rx.input(value=S.cf_value, on_change=S.set_cf_value, aria_label="Custom filter value",
                          placeholder="Text to look for", size="2")),
        rx.fragment())


def custom_filter_button(S) -> rx.Component:
    """The button and its form; hidden while the record kind has no custom fields."""
    form = rx.vstack(
        rx.text("Filter by a custom field", weight="bold", size="2"),
        rx.select.root(rx.select.trigger(placeholder="Choose a field", aria_label="Custom field", width="100%"),
                       rx.select.content(rx.foreach(S.cf_fields, lambda f: rx.select.item(f.label, value=f.key))),
                       value=S.cf_field, on_change=S.set_cf_field),
        rx.cond(S.cf_field != "", rx.vstack(
            rx.select.root(rx.select.trigger(aria_label="Custom filter operator", width="100%"),
                           rx.select.content(rx.foreach(S.cf_current.operators, lambda o: rx.select.item(
                               o.label, value=o.value))), value=S.cf_op, on_change=S.set_cf_op),
            _value(S), spacing="2", width="100%")),
        field_error(S.cf_error),
        rx.hstack(rx.popover.close(rx.button("Cancel", variant="soft", color_scheme="gray", size="2")),
                  rx.button("Apply filter", size="2", on_click=S.add_cf_filter, disabled=S.cf_field == ""),
                  justify="end", width="100%"),
        spacing="3", width="20rem")
    return rx.cond(S.cf_fields.length() > 0, rx.popover.root(
        rx.popover.trigger(rx.button(rx.icon("list-filter", size=14), "Custom field", variant="soft",
                                     color_scheme="gray", aria_label="Filter by a custom field")),
        rx.popover.content(form, aria_label="Custom field filter", on_escape_key_down=KEEP_OPEN_WHILE_RESULTS),
        open=S.cf_open, on_open_change=S.set_cf_open))


def custom_filter_chips(S) -> rx.Component:
    """One chip per custom field filter applied, each with its own remove button."""
    return rx.cond(S.cf_chips.length() > 0, rx.flex(
        rx.foreach(S.cf_chips, lambda chip: rx.badge(
            chip.label,
            rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost", color_scheme="gray",
                           on_click=S.remove_cf_filter(chip.value),
                           aria_label=rx.Var.create("Remove filter ") + chip.label),
            variant="soft", color_scheme="indigo", size="2", radius="full", role="listitem")),
        spacing="2", wrap="wrap", width="100%", role="list", aria_label="Custom field filters"))
