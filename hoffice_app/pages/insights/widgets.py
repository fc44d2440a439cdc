"""What the three insights tabs share: a number that opens the list behind it, a titled table
section with its download button, an empty state, and a chart in a labelled section.

Zero is shown as plain text, not a link: an empty list helps nobody, and keyboard users
tab through the numbers that lead somewhere."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.download import download_link
from hoffice_app.components.terms import say
from hoffice_app.domain.insights import Cell
from hoffice_app.pages.insights.state import InsightsState as S

EXPORTS = "/files/insights/"  # + "<table>.xlsx?" + the page's choices (hoffice_app.http.insights)
NUMBER = {"text_align": "right", "white_space": "nowrap", "padding_left": "0.5rem", "padding_right": "0.625rem"}
TICK = {"fontSize": 12}


def number_link(cell: Cell, what, row_name="") -> rx.Component:
    """``cell``'s count, a link to its drill-down list; ``what`` and ``row_name`` name it for
    screen readers ("Overdue, Neha Joshi: 3")."""
    label = rx.Var.create(say(what)) + rx.cond(row_name != "", rx.Var.create(", ") + row_name, "") + ": " + \
        cell.value.to_string()
    return rx.cond(cell.value > 0,
                   rx.link(cell.value, href=cell.link, aria_label=label, weight="medium"),
                   rx.text(cell.value, as_="span", color_scheme="gray"))


def num_cell(cell: Cell, what, row_name="") -> rx.Component:
    return rx.table.cell(number_link(cell, what, row_name), **NUMBER)


def text_cell(value) -> rx.Component:
    return rx.table.cell(value, **NUMBER)


def legend() -> rx.Component:
    """The series in the order they are drawn (recharts sorts them by name unless told not to)."""
    return rx.recharts.legend(icon_size=10, custom_attrs={"itemSorter": rx.Var("null"),
                                                          "wrapperStyle": {"fontSize": 13}})


def y_axis(**props) -> rx.Component:
    return rx.recharts.y_axis(allow_decimals=False, width=36, tick=TICK, **props)


def export_button(table: str, title: str) -> rx.Component:
    button = rx.button(rx.icon("download", size=14), "Excel", size="1", variant="soft",
                       aria_label=say(f"Download {title} as Excel"))
    return download_link(button, rx.Var.create(f"{EXPORTS}{table}.xlsx?") + S.export_query, class_name="no-print")


def table_section(title, table: str, header: list[str], body: rx.Component, *, note=None,
                  empty=None, empty_text: str = "") -> rx.Component:
    """A heading with its download button, then the table (scrolling sideways on a phone);
    ``empty`` (a bool var) shows ``empty_text`` instead of the table."""
    head = rx.table.header(rx.table.row(*[rx.table.column_header_cell(say(h), **({} if i == 0 else NUMBER))
                                          for i, h in enumerate(header)]))
    grid = rx.box(rx.table.root(head, body, variant="surface", size="1", width="100%"),
                  class_name="insights-table", overflow_x="auto", width="100%")
    content = grid if empty is None else rx.cond(empty, empty_state(empty_text), grid)
    return rx.el.section(
        rx.vstack(
            rx.hstack(rx.heading(say(title), size="3", as_="h3"), rx.spacer(), export_button(table, title),
                      align="center", width="100%"),
            *([note] if note is not None else []),
            content, spacing="2", width="100%"),
        aria_label=say(title), class_name="insights-section", style={"width": "100%", "minWidth": "0"})


def empty_state(text) -> rx.Component:
    return rx.callout(say(text), icon="info", color_scheme="gray", variant="surface", width="100%")


def chart_section(title: str, chart: rx.Component, *, description: str = "") -> rx.Component:
    """A chart in a section named for screen readers; the table next to it holds the same numbers."""
    return rx.el.section(
        rx.vstack(rx.heading(say(title), size="3", as_="h3"),
                  *([rx.text(say(description), size="1", color_scheme="gray")] if description else []),
                  rx.box(chart, width="100%"), spacing="2", width="100%"),
        aria_label=say(title), class_name="insights-section insights-chart", style={"width": "100%", "minWidth": "0"})
