"""/ : the manager's morning page. First what needs acting on today (overdue follow-ups,
unattended leads, leads about to be revoked, stuck leads), then the viewer's own work and
the size of the pipeline, then the leads stuck the longest and the open value per stage.
Every number opens the list of exactly its records; a zero says what that means."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import page_shell
from hoffice_app.components.stats import stat_card
from hoffice_app.domain.insights import StuckLead
from hoffice_app.pages.dashboard.state import DashboardState as S
from hoffice_app.pages.dashboard.state import StageLine, Stat

GRID = {"columns": rx.breakpoints(initial="2", lg="4"), "spacing": rx.breakpoints(initial="3", sm="4"),
        "width": "100%"}


def _card(card: Stat, icon: str, tone: str, empty: str) -> rx.Component:
    """A number to act on: its note while there is something, ``empty`` (what a zero means) when not."""
    note = rx.cond(card.value == 0, rx.text(empty, size="1", color=rx.color("grass", 11)),
                   rx.text(card.note, size="1", color_scheme="gray"))
    return stat_card(card.label, card.value, icon, note=note, href=card.link, name=card.name, tone=tone,
                     quiet=card.value == 0, label_lines=2)


def _plain(card: Stat, icon: str) -> rx.Component:
    return stat_card(card.label, card.value, icon, note=card.note, href=card.link, name=card.name)


def _header() -> rx.Component:
    """Whose numbers these are: a badge, or for whoever may narrow them (administrators) the
    team filter in its place."""
    team_filter = rx.hstack(
        rx.el.label("Showing", html_for="dashboard-team", style={"fontSize": "var(--font-size-2)",
                                                                  "color": rx.color("gray", 11)}),
        rx.select.root(
            rx.select.trigger(id="dashboard-team", min_width="12rem"),
            rx.select.content(rx.foreach(S.team_options, lambda o: rx.select.item(o.label, value=o.value))),
            value=S.team, on_change=S.choose_team),
        align="center", spacing="2")
    badge = rx.badge(rx.cond(S.own, rx.icon("user", size=12), rx.icon("users", size=12)), S.scope_label, size="2",
                     variant="soft", aria_label="Showing: " + S.scope_label)
    return rx.flex(
        rx.vstack(rx.text("Welcome, ", S.user_name, ".", size="4", weight="medium"),
                  rx.text("What needs attention today, and where the pipeline stands.", size="2",
                          color_scheme="gray"), spacing="1"),
        rx.spacer(),
        rx.cond(S.team_options.length() > 1, team_filter, badge),
        direction=rx.breakpoints(initial="column", sm="row"), gap="3", width="100%", align="start")


def _heading(text, *children) -> rx.Component:
    return rx.hstack(rx.heading(text, size="4", as_="h2"), rx.spacer(), *children, align="center", width="100%",
                     margin_bottom="0.5rem")


def _attention() -> rx.Component:
    return rx.el.section(
        _heading("Needs attention"),
        rx.grid(
            _card(S.overdue, "alarm-clock", "red", "Nothing overdue. Well done."),
            _card(S.unattended, "calendar-x", "orange", "Every open one has a next step planned."),
            rx.cond(S.revoke_checking,
                    stat_card(S.revoke_soon.label, "…", "undo-2", note=rx.text("Checking the revoke policies…",
                                                                              size="1", color_scheme="gray"),
                              tone="gray", label_lines=2),
                    _card(S.revoke_soon, "undo-2", "crimson", "Nothing is due to be revoked within a day.")),
            _card(S.stuck, "snail", "amber", "Nothing is stuck. Keep them moving."),
            **GRID),
        aria_label="Needs attention", style={"width": "100%"})


def _pipeline() -> rx.Component:
    """The viewer's own follow-ups, open leads and contacts: on narrow screens two to a row,
    the third one wide."""
    wide = rx.breakpoints(initial="span 2", lg="auto")
    return rx.el.section(
        _heading("My work and the pipeline"),
        rx.grid(_plain(S.mine, "calendar-clock"), _plain(S.open_leads, "target"),
                rx.box(_plain(S.contacts, "contact"), grid_column=wide),
                columns=rx.breakpoints(initial="2", lg="3"), spacing=GRID["spacing"], width="100%"),
        aria_label="My work", style={"width": "100%"})


def _stuck_row(lead: StuckLead) -> rx.Component:
    return rx.el.li(rx.hstack(
        rx.vstack(rx.link(lead.title, href=lead.link, weight="medium", size="2"),
                  rx.text(lead.code, " · ", lead.stage, " · ", lead.assignee, size="1", color_scheme="gray"),
                  spacing="1", min_width="0", flex="1"),
        rx.badge(lead.days, " days", color_scheme="amber", variant="soft", white_space="nowrap"),
        align="center", spacing="3", width="100%"),
        style={"padding": "0.6rem 0", "borderBottom": f"1px solid {rx.color('gray', 4)}", "listStyle": "none"})


def _stuck_list() -> rx.Component:
    rows = rx.el.ul(rx.foreach(S.stuck_leads, _stuck_row), style={"margin": "0", "padding": "0", "width": "100%"})
    return rx.card(rx.el.section(
        _heading("Stuck the longest",
                 rx.cond(S.stuck.value > 0, rx.link("See all ", S.stuck.value, href=S.stuck.link, size="2"))),
        rx.cond(S.stuck_leads.length() > 0, rows,
                rx.text("Nothing is stuck: every open one moved on within its stage's time.", size="2",
                        color_scheme="gray")),
        aria_label="Stuck the longest"), width="100%")


def _stage_row(line: StageLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(line.stage),
        rx.table.cell(rx.link(line.leads, href=line.link, aria_label=line.name), text_align="right"),
        rx.table.cell(line.value, text_align="right", white_space="nowrap"),
    )


def _by_stage() -> rx.Component:
    chart = rx.recharts.bar_chart(
        rx.recharts.bar(rx.recharts.label_list(data_key="label", position="right", font_size=12),
                        data_key="value", fill=rx.color("accent", 9), name="Open value", radius=[0, 4, 4, 0],
                        is_animation_active=False),
        rx.recharts.x_axis(type_="number", hide=True),
        rx.recharts.y_axis(data_key="stage", type_="category", width=120, tick_line=False, axis_line=False,
                           font_size=12),
        data=S.stage_chart, layout="vertical", height=220, width="100%", margin={"right": 84, "left": 0})
    table = rx.table.root(
        rx.table.header(rx.table.row(rx.table.column_header_cell("Stage"),
                                     rx.table.column_header_cell("Open", text_align="right"),
                                     rx.table.column_header_cell("Value", text_align="right"))),
        rx.table.body(rx.foreach(S.stages, _stage_row)), size="1", width="100%")
    empty = rx.text("No open ", S.leads_label.lower(), " yet. ",
                    rx.link("Add one", href=routes.LEAD_NEW), " to start the funnel.", size="2", color_scheme="gray")
    return rx.card(rx.el.section(
        _heading("Open value by stage"),
        rx.cond(S.stages.length() > 0, rx.vstack(chart, table, spacing="3", width="100%"), empty),
        aria_label="Open value by stage"), width="100%")


def dashboard_page() -> rx.Component:
    return page_shell(
        "Dashboard",
        rx.cond(S.loaded, rx.vstack(
            _header(), _attention(), _pipeline(),
            rx.grid(_stuck_list(), _by_stage(), columns=rx.breakpoints(initial="1", lg="2"), spacing="4",
                    width="100%", align_items="start"),
            spacing="5", width="100%"), rx.center(rx.spinner(size="3"), padding="4rem")),
    )


def register(app: rx.App) -> None:
    app.add_page(dashboard_page, route=routes.DASHBOARD, title="Dashboard · H-Office", on_load=S.load)
