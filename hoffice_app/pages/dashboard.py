"""/ : the dashboard, with counts straight from the database."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import page_shell
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import dashboard
from hoffice_app.domain.common import ROLE_LABELS
from hoffice_app.state.auth import AuthState


class DashboardState(AuthState):
    employees_active: int = 0
    master_entries_active: int = 0
    master_lists: int = 0
    divisions: int = 0
    products: int = 0
    sessions_active: int = 0
    contacts: int = 0
    open_leads: int = 0
    open_value: str = "0"
    my_overdue: int = 0
    my_today: int = 0
    status_chart: list[dict[str, str | int]] = []
    customers: int = 0
    prospects: int = 0
    roles_chart: list[dict[str, str | int]] = []
    loaded: bool = False

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            c = dashboard.counts(session, actor, now=utcnow())
        self.employees_active, self.master_entries_active = c.employees_active, c.master_entries_active
        self.master_lists, self.divisions, self.products = c.master_lists, c.divisions, c.products
        self.sessions_active = c.sessions_active
        self.contacts, self.customers, self.prospects = c.contacts, c.customers, c.prospects
        self.open_leads, self.open_value, self.my_overdue, self.my_today = (c.open_leads, c.open_value,
                                                                            c.my_overdue, c.my_today)
        self.status_chart = [{"status": k, "leads": v} for k, v in sorted(c.leads_by_status.items())]
        self.roles_chart = [{"role": label, "employees": c.employees_by_role.get(key, 0)}
                            for key, label in ROLE_LABELS.items()]
        self.loaded = True


def stat(label, value, icon: str, note: rx.Component | None = None) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.center(rx.icon(icon, size=20), width="2.5rem", height="2.5rem", border_radius="var(--radius-3)",
                      background=rx.color("accent", 3), color=rx.color("accent", 11)),
            rx.vstack(rx.text(label, size="2", color_scheme="gray"),
                      rx.heading(value, size="7", aria_label=label),
                      *([note] if note is not None else []), spacing="0"),
            spacing="3", align="center",
        ),
        width="100%",
    )


def dashboard_page() -> rx.Component:
    S = DashboardState
    return page_shell(
        "Dashboard",
        rx.text("Welcome, ", AuthState.user_name, ".", size="3", color_scheme="gray", margin_bottom="1rem"),
        rx.grid(
            stat("Open " + AuthState.leads_label.lower(), S.open_leads, "target",
                 note=rx.text("worth ", S.open_value, size="1", color_scheme="gray")),
            stat("My follow-ups overdue", S.my_overdue, "alarm-clock",
                 note=rx.text(S.my_today, " due today", size="1", color_scheme="gray")),
            stat("Contacts", S.contacts, "contact",
                 note=rx.text(S.customers, " customers · ", S.prospects, " prospects", size="1",
                              color_scheme="gray")),
            stat("Active employees", S.employees_active, "users"),
            stat("Signed-in sessions", S.sessions_active, "log-in"),
            stat("Divisions", S.divisions, "building-2"),
            stat("Products", S.products, "package"),
            stat("Master entries", S.master_entries_active, "list", note=rx.text("across ", S.master_lists, " lists",
                                                                                 size="1", color_scheme="gray")),
            columns=rx.breakpoints(initial="1", sm="2", lg="3"), spacing="4", width="100%",
        ),
        rx.card(
            rx.heading(rx.text("Open ", AuthState.leads_label.lower(), " by status"), size="4",
                       margin_bottom="0.5rem"),
            rx.recharts.bar_chart(
                rx.recharts.bar(data_key="leads", fill=rx.color("accent", 9), name="Open"),
                rx.recharts.x_axis(data_key="status"), rx.recharts.y_axis(allow_decimals=False),
                rx.recharts.tooltip(), data=S.status_chart, height=220, width="100%",
            ),
            width="100%", margin_top="1rem",
        ),
        rx.card(
            rx.heading("Team by role", size="4", margin_bottom="0.5rem"),
            rx.recharts.bar_chart(
                rx.recharts.bar(data_key="employees", fill=rx.color("accent", 9), name="Employees"),
                rx.recharts.x_axis(data_key="role"), rx.recharts.y_axis(allow_decimals=False),
                rx.recharts.tooltip(), data=S.roles_chart, height=220, width="100%",
            ),
            width="100%", margin_top="1rem",
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(dashboard_page, route=routes.DASHBOARD, title="Dashboard · H-Office", on_load=DashboardState.load)
