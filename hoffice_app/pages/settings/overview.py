"""Settings → Overview, where /settings lands: the organisation's numbers an administrator
checks while setting the app up (employees by role, who is signed in, the size of the
master lists). They used to crowd the dashboard, which is now about sales work."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.stats import stat_card
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import org
from hoffice_app.domain.common import ROLE_LABELS
from hoffice_app.domain.customfields import admin as cf_admin
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.pages.settings.state import SettingsState


def _people(n: int, role: str) -> str:
    word = ROLE_LABELS.get(role, role).lower()
    return f"{n} {word}{'' if n == 1 else 's'}"


class OverviewState(SettingsState):
    employees_active: int = 0
    employees_note: str = ""
    roles_chart: list[dict[str, str | int]] = []
    sessions_active: int = 0
    sessions_note: str = ""
    divisions: int = 0
    products: int = 0
    master_entries_active: int = 0
    master_lists: int = 0
    custom_fields: int = 0
    custom_fields_note: str = ""

    @rx.event
    def load(self):
        actor, redirect = self.open_section()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            counts = org.overview(session, actor, now=utcnow())
            hours = app_settings.session_timeout_hours(session)
            fields = cf_admin.active_counts(session, actor)
        self.employees_active = counts.employees_active
        self.employees_note = " · ".join(_people(n, role) for role, n in counts.employees_by_role.items() if n)
        self.roles_chart = [{"role": ROLE_LABELS[role], "employees": n} for role, n in counts.employees_by_role.items()]
        self.sessions_active = counts.sessions_active
        self.sessions_note = f"active in the last {hours:g} hour{'' if hours == 1 else 's'}"
        self.divisions, self.products = counts.divisions, counts.products
        self.master_entries_active, self.master_lists = counts.master_entries_active, counts.master_lists
        self.custom_fields = sum(fields.values())
        self.custom_fields_note = self.say(f"{fields['lead']} on leads · {fields['contact']} on contacts")


def overview_screen() -> rx.Component:
    S = OverviewState
    section = routes.settings_section
    return rx.el.section(
        rx.vstack(
            rx.text("The organisation at a glance. Open a number to manage what it counts.", size="2",
                    color_scheme="gray"),
            rx.grid(
                stat_card("Active employees", S.employees_active, "users", note=S.employees_note,
                          href=section("employees"), name="Active employees: " + S.employees_active.to_string()),
                stat_card("Signed-in sessions", S.sessions_active, "log-in", note=S.sessions_note,
                          name="Signed-in sessions: " + S.sessions_active.to_string()),
                stat_card("Divisions", S.divisions, "building-2", note="Employees and contacts belong to them",
                          href=section("division"), name="Divisions: " + S.divisions.to_string()),
                stat_card("Products", S.products, "package", note=say("What leads are for"),
                          href=section("product"), name="Products: " + S.products.to_string()),
                stat_card("Master entries", S.master_entries_active, "list",
                          note=rx.text("active, across ", S.master_lists, " lists", size="1", color_scheme="gray"),
                          name="Master entries: " + S.master_entries_active.to_string()),
                stat_card("Custom fields", S.custom_fields, "text-cursor-input", note=S.custom_fields_note,
                          href=section("custom-fields"), name="Custom fields: " + S.custom_fields.to_string()),
                columns=rx.breakpoints(initial="1", sm="2", lg="3"), spacing="4", width="100%",
            ),
            rx.card(
                rx.heading("Employees by role", size="3", as_="h2", margin_bottom="0.5rem"),
                rx.recharts.bar_chart(
                    rx.recharts.bar(data_key="employees", fill=rx.color("accent", 9), name="Employees",
                                    radius=[4, 4, 0, 0], is_animation_active=False),
                    rx.recharts.x_axis(data_key="role"), rx.recharts.y_axis(allow_decimals=False, width=30),
                    rx.recharts.tooltip(), data=S.roles_chart, height=180, width="100%",
                ),
                width="100%",
            ),
            spacing="4", width="100%",
        ),
        aria_label="Overview", style={"width": "100%"},
    )
