"""/follow-ups: my follow-ups, overdue first, then today, then upcoming; or, opened from a
number on the insights page or the dashboard (``?insight=overdue&…``), exactly the
follow-ups behind that number, a page at a time."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import page_shell
from hoffice_app.components.pager import pager
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.common import DomainError
from hoffice_app.domain.followups import FollowUpView, my_follow_ups
from hoffice_app.pages.leads.followup_dialogs import FollowUpDialogs
from hoffice_app.pages.leads.followup_widgets import complete_dialog, follow_up_row, schedule_dialog
from hoffice_app.state.auth import AuthState

PER_PAGE = 50


class MyFollowUpsState(FollowUpDialogs, AuthState):
    overdue: list[FollowUpView] = []
    today: list[FollowUpView] = []
    upcoming: list[FollowUpView] = []
    drill: str = ""  # an insights drill-down (insights.Drill.encode()); "" shows my follow-ups
    drill_label: str = ""
    drilled: list[FollowUpView] = []
    total: int = 0
    page: int = 1
    pages: int = 1

    def _refresh(self, session, actor) -> None:
        drill = insights.decode(self.drill) if self.drill else None
        if drill is not None:
            self.total, self.drilled = insights.follow_up_page(session, actor, drill, now=utcnow(), page=self.page,
                                                               per_page=PER_PAGE)
            self.pages = max(1, -(-self.total // PER_PAGE))
            return
        mine = my_follow_ups(session, actor, now=utcnow())
        self.overdue, self.today, self.upcoming = mine.before_today, mine.today, mine.upcoming

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        drill = insights.from_params(self.router.url.query_parameters)
        self.drill = drill.encode() if drill is not None and drill.follow_ups else ""
        self.page, self.drilled = 1, []
        try:
            with unit_of_work() as session:
                self.load_people(session, actor)
                if self.drill:
                    self.drill_label = insights.describe(session, actor, drill, now=utcnow())
                self._refresh(session, actor)
        except DomainError as err:
            self.drill_label = err.message

    @rx.event
    def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.pages))
        with unit_of_work() as session:
            self._refresh(session, self.require_actor())


def _bucket(title: str, items, color: str, empty: str) -> rx.Component:
    S = MyFollowUpsState
    return rx.el.section(rx.vstack(
        rx.hstack(rx.heading(title, size="4", as_="h2"), rx.badge(items.length(), color_scheme=color), align="center"),
        rx.foreach(items, lambda f: follow_up_row(f, S, show_lead=True)),
        rx.cond(items.length() == 0, rx.text(empty, size="2", color_scheme="gray")),
        spacing="2", width="100%"), aria_label=title, style={"width": "100%"})


def _drilled() -> rx.Component:
    S = MyFollowUpsState
    plural = rx.cond(S.total == 1, " follow-up", " follow-ups")
    return rx.vstack(
        rx.callout(rx.hstack(rx.text("Showing: ", rx.text.strong(S.drill_label)),
                             rx.link(rx.button("My follow-ups", size="1", variant="soft"), href=routes.FOLLOW_UPS),
                             align="center", justify="between", wrap="wrap", width="100%"),
                   icon="chart-column", color_scheme="blue", width="100%", role="status", aria_label="Drill-down"),
        rx.el.section(rx.vstack(rx.foreach(S.drilled, lambda f: follow_up_row(f, S, show_lead=True)),
                                spacing="2", width="100%"), aria_label="Follow-ups", style={"width": "100%"}),
        rx.cond(S.total == 0, rx.text("No follow-ups match any more.", size="2", color_scheme="gray")),
        pager(S, rx.text(S.total, plural, size="2", color_scheme="gray", aria_label="Follow-ups shown")),
        spacing="3", width="100%")


def follow_ups_page() -> rx.Component:
    S = MyFollowUpsState
    mine = rx.grid(_bucket("Overdue", S.overdue, "red", "Nothing overdue. Well done."),
                   _bucket("Today", S.today, "orange", "Nothing due today."),
                   _bucket("Upcoming", S.upcoming, "blue", "Nothing planned. Schedule follow-ups from a lead's page."),
                   columns=rx.breakpoints(initial="1", lg="3"), spacing="4", width="100%")
    return page_shell(rx.cond(S.drill != "", "Follow-ups", "My follow-ups"), rx.vstack(
        rx.cond(S.drill != "", _drilled(), mine),
        schedule_dialog(S), complete_dialog(S), spacing="4", width="100%"))
