"""/follow-ups: my follow-ups, overdue first, then today, then upcoming."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.layout import page_shell
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.followups import FollowUpView
from hoffice_app.domain.followups import service as followups
from hoffice_app.pages.leads.followup_dialogs import FollowUpDialogs
from hoffice_app.pages.leads.followup_widgets import complete_dialog, follow_up_row, schedule_dialog
from hoffice_app.state.auth import AuthState


class MyFollowUpsState(FollowUpDialogs, AuthState):
    overdue: list[FollowUpView] = []
    today: list[FollowUpView] = []
    upcoming: list[FollowUpView] = []

    def _refresh(self, session, actor) -> None:
        mine = followups.my_follow_ups(session, actor, now=utcnow())
        self.overdue, self.today, self.upcoming = mine.overdue, mine.today, mine.upcoming

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self.load_people(session, actor)
            self._refresh(session, actor)


def _bucket(title: str, items, color: str, empty: str) -> rx.Component:
    S = MyFollowUpsState
    return rx.el.section(rx.vstack(
        rx.hstack(rx.heading(title, size="4", as_="h2"), rx.badge(items.length(), color_scheme=color), align="center"),
        rx.foreach(items, lambda f: follow_up_row(f, S, show_lead=True)),
        rx.cond(items.length() == 0, rx.text(empty, size="2", color_scheme="gray")),
        spacing="2", width="100%"), aria_label=title, style={"width": "100%"})


def follow_ups_page() -> rx.Component:
    S = MyFollowUpsState
    return page_shell("My follow-ups", rx.vstack(
        rx.grid(_bucket("Overdue", S.overdue, "red", "Nothing overdue. Well done."),
                _bucket("Today", S.today, "orange", "Nothing due today."),
                _bucket("Upcoming", S.upcoming, "blue", "Nothing planned. Schedule follow-ups from a lead's page."),
                columns=rx.breakpoints(initial="1", lg="3"), spacing="4", width="100%"),
        schedule_dialog(S), complete_dialog(S), spacing="4", width="100%"))
