"""/insights: the controls (period, custom days, team), whose numbers and which days they are,
and the three tabs. The controls and download buttons carry ``no-print`` (assets/print.css):
a printed page holds the labels, tables and charts."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import field_error
from hoffice_app.components.layout import page_shell
from hoffice_app.domain import insights
from hoffice_app.pages.insights.follow_ups_tab import follow_ups_tab
from hoffice_app.pages.insights.funnel_tab import funnel_tab
from hoffice_app.pages.insights.leads_tab import leads_tab
from hoffice_app.pages.insights.state import EVERYONE
from hoffice_app.pages.insights.state import InsightsState as S
from hoffice_app.state.auth import AuthState

LABEL = {"fontSize": "var(--font-size-2)", "fontWeight": 500}


def _labelled(label: str, field_id: str, control: rx.Component, error=None) -> rx.Component:
    parts = [rx.el.label(label, html_for=field_id, style=LABEL), control]
    if error is not None:
        parts.append(field_error(error))
    return rx.vstack(*parts, spacing="1", min_width="9rem")


def _period() -> rx.Component:
    return _labelled("Period", "insights-period", rx.select.root(
        rx.select.trigger(id="insights-period", min_width="10rem"),
        rx.select.content(*[rx.select.item(label, value=key) for key, label in insights.PRESETS.items()]),
        value=S.preset, on_change=S.set_preset))


def _days() -> rx.Component:
    return rx.cond(S.preset == "custom", rx.hstack(
        _labelled("From", "insights-from", rx.input(id="insights-from", type="date", value=S.first,
                                                    on_change=S.set_first), S.date_errors.get("from", "")),
        _labelled("To", "insights-to", rx.input(id="insights-to", type="date", value=S.last, on_change=S.set_last),
                  S.date_errors.get("to", "")),
        spacing="3", align="start"))


def _team() -> rx.Component:
    everyone = rx.cond(AuthState.is_admin, "Everyone", "My team")
    return rx.cond(S.shows_teams, _labelled("Team", "insights-team", rx.select.root(
        rx.select.trigger(id="insights-team", min_width="12rem"),
        rx.select.content(rx.select.item(everyone, value=EVERYONE),
                          rx.foreach(S.team_options, lambda o: rx.select.item(o.label, value=o.value))),
        value=S.team, on_change=S.set_team)))


def _controls() -> rx.Component:
    return rx.flex(_period(), _days(), _team(), spacing="4", wrap="wrap", align="start", class_name="no-print",
                   width="100%")


def _what() -> rx.Component:
    """Whose numbers and which days: on screen and on paper."""
    return rx.hstack(
        rx.badge(rx.icon("users", size=12), S.scope_label, variant="soft", size="2"),
        rx.badge(rx.icon("calendar", size=12), S.period_label, variant="soft", color_scheme="gray", size="2"),
        spacing="2", wrap="wrap", role="status", aria_label="Showing", class_name="insights-what")


def _tab(value: str, label, content: rx.Component) -> rx.Component:
    """A tab's content; its name (``label``) as a heading on paper, where the tab list is left
    out (the Follow-ups tab's first table already says it)."""
    heading = [rx.heading(label, size="5", as_="h2", class_name="print-only")] if label is not None else []
    return rx.tabs.content(rx.cond(S.periods_ok, rx.vstack(*heading, content, spacing="3", width="100%")),
                           value=value, padding_top="1.25rem", aria_busy=S.busy)


def _problem() -> rx.Component:
    return rx.cond(S.problem != "", rx.callout(S.problem, icon="triangle-alert", color_scheme="red", role="alert",
                                                width="100%"))


def _dates_wrong() -> rx.Component:
    return rx.cond(S.date_errors.length() > 0, rx.text("Choose valid days to see the numbers.", size="2",
                                                       color_scheme="gray"))


def insights_page() -> rx.Component:
    return page_shell("Insights", rx.vstack(
        _controls(),
        _what(),
        _problem(),
        _dates_wrong(),
        rx.tabs.root(
            rx.tabs.list(rx.tabs.trigger("Follow-ups", value="follow_ups"),
                         rx.tabs.trigger(AuthState.leads_label, value="leads"),
                         rx.tabs.trigger("Funnel", value="funnel"), class_name="no-print"),
            _tab("follow_ups", None, follow_ups_tab()),
            _tab("leads", AuthState.leads_label, leads_tab()),
            _tab("funnel", "Funnel", funnel_tab()),
            value=S.tab, on_change=S.set_tab, width="100%"),
        spacing="4", width="100%"))
