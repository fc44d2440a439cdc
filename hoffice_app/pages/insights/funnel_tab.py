"""The Funnel tab: of the leads created in the period (in the chosen funnel), how many reached
each stage and so converted to the next; how many left each stage in the period and how
long they had stayed in it."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.terms import say
from hoffice_app.domain.insights import StageRow
from hoffice_app.pages.insights.state import InsightsState as S
from hoffice_app.pages.insights.widgets import TICK, chart_section, empty_state, num_cell, table_section, text_cell

HEADER = ["Stage", "Reached", "Conversion to next", "Left the stage", "Avg days in stage"]


def funnel_choice() -> rx.Component:
    """Which funnel (shown only when there are several)."""
    return rx.cond(S.funnel_options.length() > 1, rx.vstack(
        rx.el.label("Funnel", html_for="insights-funnel", style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
        rx.select.root(rx.select.trigger(id="insights-funnel", min_width="12rem"),
                       rx.select.content(rx.foreach(S.funnel_options,
                                                    lambda o: rx.select.item(o.label, value=o.value))),
                       value=S.funnel, on_change=S.set_funnel),
        spacing="1", class_name="no-print"))


def _row(row: StageRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(row.name),
        num_cell(row.reached, "Reached", row.name), text_cell(row.conversion),
        num_cell(row.left, "Left the stage", row.name), text_cell(row.avg_days),
    )


def _chart() -> rx.Component:
    chart = rx.recharts.bar_chart(
        rx.recharts.bar(data_key="reached", name="Reached", fill=rx.color("accent", 9), is_animation_active=False,
                        label={"position": "right", "fontSize": 12}),
        rx.recharts.x_axis(type_="number", allow_decimals=False, hide=True),
        rx.recharts.y_axis(data_key="stage", type_="category", width=130, tick=TICK),
        rx.recharts.tooltip(),
        data=S.funnel_chart, layout="vertical", height=rx.Var.create(60) + S.funnel_chart.length() * 36,
        width="100%", margin={"right": 40})
    return chart_section(rx.Var.create(say("Leads reaching each stage of ")) + S.funnel_name, chart,
                         description="Leads created in the period, by the furthest stage each reached.")


def funnel_tab() -> rx.Component:
    return rx.vstack(
        funnel_choice(),
        rx.cond(S.funnel_reached, _chart(),
                empty_state("No leads were created in this funnel in this period.")),
        table_section("Stages", "funnel", HEADER, rx.table.body(rx.foreach(S.stages, _row))),
        spacing="5", width="100%")
