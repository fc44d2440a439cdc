"""The Leads tab: the period's leads created, won and lost with win rate and value won; the
same broken down by source (each kind, then its sub-choices indented), product category,
product, lead type and executive; lost reasons ranked; created and won per week."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.terms import say
from hoffice_app.domain.insights import GroupRow, RankRow, WeekRow
from hoffice_app.pages.insights.state import InsightsState as S
from hoffice_app.pages.insights.widgets import (
    TICK,
    chart_section,
    empty_state,
    legend,
    num_cell,
    number_link,
    table_section,
    text_cell,
    y_axis,
)

GROUP_COLUMNS = ["Created", "Won", "Lost", "Win rate", "Value won"]
BREAKDOWNS = (("By source", "sources", "Source", S.by_source), ("By product category", "categories",
                                                                 "Product category", S.by_category),
              ("By product", "products", "Product", S.by_product), ("By lead type", "types", "Lead type", S.by_type),
              ("By executive", "executives", "Executive", S.by_person))


def _stat(label: str, value) -> rx.Component:
    return rx.card(rx.vstack(rx.text(say(label), size="2", color_scheme="gray"),
                             rx.heading(value, size="5", as_="p", white_space="nowrap"), spacing="1"),
                   width="100%", class_name="insights-stat")


def _totals() -> rx.Component:
    t = S.lead_totals
    return rx.el.section(rx.grid(
        _stat("Created", number_link(t.created, "Created")), _stat("Won", number_link(t.won, "Won")),
        _stat("Lost", number_link(t.lost, "Lost")), _stat("Win rate", t.win_rate), _stat("Value won", t.value_won),
        columns=rx.breakpoints(initial="2", sm="3", lg="5"), spacing="3", width="100%"),
        aria_label="Totals", style={"width": "100%"})


def _group_row(row: GroupRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.text(row.label, weight=rx.cond(row.depth > 0, "regular", "medium")),
                                 padding_left=rx.cond(row.depth > 0, "1.75rem", "0.75rem")),
        num_cell(row.created, "Created", row.label), num_cell(row.won, "Won", row.label),
        num_cell(row.lost, "Lost", row.label), text_cell(row.win_rate), text_cell(row.value_won),
    )


def _breakdown(title: str, table: str, first: str, rows) -> rx.Component:
    return table_section(title, table, [first, *GROUP_COLUMNS], rx.table.body(rx.foreach(rows, _group_row)),
                         empty=rows.length() == 0, empty_text="Nothing to show for this period.")


def _reason_row(row: RankRow) -> rx.Component:
    return rx.table.row(rx.table.row_header_cell(row.label), num_cell(row.count, "Lost", row.label),
                        text_cell(row.share))


def _week_row(row: WeekRow) -> rx.Component:
    return rx.table.row(rx.table.row_header_cell(row.label), num_cell(row.created, "Created", row.label),
                        num_cell(row.won, "Won", row.label))


def _weeks() -> rx.Component:
    chart = rx.recharts.line_chart(
        rx.recharts.line(data_key="created", name="Created", stroke=rx.color("accent", 9), stroke_width=2,
                         is_animation_active=False),
        rx.recharts.line(data_key="won", name="Won", stroke=rx.color("grass", 9), stroke_width=2,
                         is_animation_active=False),
        rx.recharts.x_axis(data_key="week", tick=TICK), y_axis(), rx.recharts.tooltip(), legend(),
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        data=S.week_chart, height=240, width="100%")
    table = table_section("Created and won per week", "weeks", [S.week_header, "Created", "Won"],
                          rx.table.body(rx.foreach(S.weeks, _week_row)))
    return rx.grid(chart_section("Created and won over time", chart), table,
                   columns=rx.breakpoints(initial="1", lg="2"), spacing="5", width="100%", class_name="insights-grid")


def _people_chart() -> rx.Component:
    chart = rx.recharts.bar_chart(
        rx.recharts.bar(data_key="created", name="Created", fill=rx.color("accent", 8), is_animation_active=False),
        rx.recharts.bar(data_key="won", name="Won", fill=rx.color("grass", 9), is_animation_active=False),
        rx.recharts.x_axis(data_key="name", interval=0, tick=TICK), y_axis(), rx.recharts.tooltip(), legend(),
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        data=S.person_chart, height=240, width="100%")
    return chart_section("Created and won per executive", chart)


def _details() -> rx.Component:
    grid = rx.grid(*[_breakdown(*b) for b in BREAKDOWNS],
                   table_section("Lost reasons", "lost-reasons", ["Lost reason", "Leads", "Share"],
                                 rx.table.body(rx.foreach(S.lost_reasons, _reason_row)),
                                 empty=S.lost_reasons.length() == 0, empty_text="No leads were lost in this period."),
                   # Two tables side by side only where both fit whole: six columns with amounts.
                   columns=rx.breakpoints(initial="1", xl="2"), spacing="5", width="100%", class_name="insights-grid")
    return rx.vstack(_people_chart(), grid, _weeks(), spacing="5", width="100%")


def leads_tab() -> rx.Component:
    return rx.vstack(
        _totals(),
        rx.cond(S.lead_activity, _details(), empty_state("No leads were created, won or lost in this period.")),
        spacing="5", width="100%")
