"""The "Columns" button of a list whose state mixes in state.list_columns.ListColumns: one
check box per column (built-in first, then the custom fields), each change kept at once."""
from __future__ import annotations

import reflex as rx


def column_chooser(S) -> rx.Component:
    def choice(c) -> rx.Component:
        return rx.el.label(rx.hstack(
            rx.checkbox(checked=c.shown, on_change=lambda v: S.toggle_column(c.key, v)),
            rx.text(c.label, size="2"),
            rx.cond(c.custom, rx.badge("custom", size="1", variant="soft", color_scheme="gray")),
            align="center"))

    return rx.popover.root(
        rx.popover.trigger(rx.button(rx.icon("columns-3", size=14), "Columns", variant="soft", color_scheme="gray",
                                     aria_label="Choose columns")),
        rx.popover.content(rx.vstack(
            rx.text("Columns to show", weight="bold", size="2"),
            rx.text("Kept for you on every device.", size="1", color_scheme="gray"),
            rx.vstack(rx.foreach(S.col_choices, choice), spacing="1", max_height="20rem", overflow_y="auto",
                      role="group", aria_label="Columns"),
            spacing="2"), aria_label="Column chooser"))
