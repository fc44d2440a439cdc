"""The Follow-ups tab: per executive what was planned for the period, done on time or late,
what is overdue now and which leads have nothing planned; a bar per executive; and how soon
each follows up a lead after it is assigned."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.terms import say
from hoffice_app.domain.insights import PersonRow
from hoffice_app.pages.insights.state import InsightsState as S
from hoffice_app.pages.insights.widgets import (
    TICK,
    chart_section,
    empty_state,
    legend,
    num_cell,
    table_section,
    text_cell,
    y_axis,
)

HEADER = ["Executive", "Planned", "Done on time", "Done late", "Overdue", "Unattended leads", "On-time %"]
FIRST_HEADER = ["Executive", "Leads assigned", "Followed up", "Average hours"]


def _name(row: PersonRow, total: bool) -> rx.Component:
    return rx.table.row_header_cell(rx.text(row.name, weight="bold" if total else "medium"), white_space="nowrap")


def _total_style(total: bool) -> dict:
    return {"background": rx.color("gray", 3)} if total else {}


def _row(row: PersonRow, total: bool = False) -> rx.Component:
    who = "" if total else row.name
    return rx.table.row(
        _name(row, total),
        num_cell(row.planned, "Planned", who), num_cell(row.on_time, "Done on time", who),
        num_cell(row.late, "Done late", who), num_cell(row.overdue, "Overdue", who),
        num_cell(row.unattended, "Unattended leads", who), text_cell(row.on_time_pct),
        **_total_style(total),
    )


def _first_row(row: PersonRow, total: bool = False) -> rx.Component:
    who = "" if total else row.name
    return rx.table.row(
        _name(row, total), num_cell(row.assigned, "Leads assigned", who),
        num_cell(row.followed_up, "Followed up", who), text_cell(row.avg_hours),
        **_total_style(total),
    )


def _chart() -> rx.Component:
    bars = [rx.recharts.bar(data_key=key, name=name, stack_id="done", fill=rx.color(color, 9),
                            is_animation_active=False)
            for key, name, color in (("on_time", "On time", "grass"), ("late", "Late", "orange"),
                                     ("overdue", "Overdue", "red"))]
    chart = rx.recharts.bar_chart(
        *bars, rx.recharts.x_axis(data_key="name", interval=0, tick=TICK), y_axis(), rx.recharts.tooltip(), legend(),
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        data=S.follow_up_chart, height=260, width="100%")
    return chart_section("Follow-ups per executive", chart,
                         description="Done on time and late (due in the period), and overdue now.")


def follow_ups_tab() -> rx.Component:
    nothing_due = S.people_total.planned.value == 0
    table = table_section(
        "Follow-ups", "followups", HEADER,
        rx.table.body(rx.foreach(S.people, lambda r: _row(r)), _row(S.people_total, total=True)),
        note=rx.cond(nothing_due, empty_state("No follow-ups were due in this period.")))
    first = table_section(
        "First follow-up after assignment", "first-follow-up", FIRST_HEADER,
        rx.table.body(rx.foreach(S.people, lambda r: _first_row(r)), _first_row(S.people_total, total=True)),
        note=rx.text(say("Leads assigned in the period, how many were followed up since, and the average hours "
                         "to the first follow-up done."), size="1", color_scheme="gray"))
    return rx.vstack(table, rx.cond(S.follow_up_bars, _chart()), first, spacing="5", width="100%")
