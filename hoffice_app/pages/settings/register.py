"""Settings pages: one URL per section, all behind the admin check; registered by register()."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import page_shell
from hoffice_app.components.terms import say
from hoffice_app.domain.masters import KINDS
from hoffice_app.pages.settings.assignment_state import AssignmentState
from hoffice_app.pages.settings.assignment_view import assignment_screen
from hoffice_app.pages.settings.custom_fields_state import CustomFieldsState
from hoffice_app.pages.settings.custom_fields_view import custom_fields_screen
from hoffice_app.pages.settings.defaults import DefaultsState, defaults_screen
from hoffice_app.pages.settings.employees_state import EmployeesState
from hoffice_app.pages.settings.employees_view import employees_screen
from hoffice_app.pages.settings.funnels_state import FunnelsState
from hoffice_app.pages.settings.funnels_view import funnels_screen
from hoffice_app.pages.settings.masters_state import MastersState
from hoffice_app.pages.settings.masters_view import master_screen
from hoffice_app.pages.settings.notify_channels import NotifyChannelsState, channels_screen
from hoffice_app.pages.settings.notify_events import NotifyEventsState, events_screen
from hoffice_app.pages.settings.notify_outbox import OutboxState, outbox_screen
from hoffice_app.pages.settings.overview import OverviewState, overview_screen
from hoffice_app.pages.settings.policies_state import PoliciesState
from hoffice_app.pages.settings.policies_view import policies_screen
from hoffice_app.pages.settings.state import SettingsState, nav_groups, section_title


def _section_link(key: str, label: str) -> rx.Component:
    href = routes.settings_section(key)
    path = rx.State.router.url.path
    current = (path == href) | (path == href + "/")
    return rx.link(say(label), href=href, size="2", underline="none", weight=rx.cond(current, "bold", "regular"),
                   color=rx.cond(current, rx.color("accent", 11), rx.color("gray", 12)),
                   aria_current=rx.cond(current, "page", "false"))


def _settings_nav() -> rx.Component:
    groups = []
    for group, items in nav_groups():
        links = [_section_link(key, label) for key, label in items]
        groups.append(rx.vstack(rx.text(say(group), size="1", weight="bold", color_scheme="gray"), *links, spacing="1"))
    return rx.el.nav(rx.vstack(*groups, spacing="4"), aria_label="Settings sections", style={"minWidth": "12rem"})


def _forbidden() -> rx.Component:
    return rx.callout("Only an administrator can open Settings. Ask your administrator for the change you need.",
                      icon="shield-alert", color_scheme="red", role="alert")


def _frame(section: str, body: rx.Component) -> rx.Component:
    return page_shell(
        f"Settings · {section_title(section)}",
        rx.cond(SettingsState.forbidden, _forbidden(),
                rx.flex(_settings_nav(), rx.box(body, flex="1", min_width="0"),
                        direction=rx.breakpoints(initial="column", md="row"), gap="6", width="100%")),
    )


def register(app: rx.App) -> None:
    title = "Settings · H-Office"
    app.add_page(rx.center(rx.spinner()), route=routes.SETTINGS, on_load=SettingsState.open_settings_home,
                 title=title)
    app.add_page(_frame("overview", overview_screen()), route=routes.settings_section("overview"),
                 on_load=OverviewState.load, title=title)
    app.add_page(_frame("defaults", defaults_screen()), route=routes.settings_section("defaults"),
                 on_load=DefaultsState.load, title=title)
    app.add_page(_frame("employees", employees_screen()), route=routes.settings_section("employees"),
                 on_load=EmployeesState.load, title=title)
    app.add_page(_frame("funnels", funnels_screen()), route=routes.settings_section("funnels"),
                 on_load=FunnelsState.load, title=title)
    app.add_page(_frame("custom-fields", custom_fields_screen()), route=routes.settings_section("custom-fields"),
                 on_load=CustomFieldsState.load, title=title)
    app.add_page(_frame("assignment-rules", assignment_screen()), route=routes.settings_section("assignment-rules"),
                 on_load=AssignmentState.load, title=title)
    for key, screen, state in (("notifications", channels_screen, NotifyChannelsState),
                               ("notification-events", events_screen, NotifyEventsState),
                               ("outbox", outbox_screen, OutboxState),
                               ("revoke-policies", policies_screen, PoliciesState)):
        app.add_page(_frame(key, screen()), route=routes.settings_section(key), on_load=state.load, title=title)
    for meta in KINDS:
        app.add_page(_frame(meta.key, master_screen(meta.key)), route=routes.settings_section(meta.key),
                     on_load=MastersState.load(meta.key), title=title)
