"""/follow-ups: my follow-ups by the company's clock (followups.buckets: Overdue, Today with
what slipped earlier today flagged, Upcoming), and a manager's or administrator's "Team" tab
with their team's, each row with Reschedule and Complete; or, opened from a number on the
insights page or the dashboard (``?insight=overdue&…``), exactly the follow-ups behind that
number, a page at a time."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import page_shell
from hoffice_app.components.pager import pager
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.common import DomainError
from hoffice_app.domain.followups import FollowUpView, MyFollowUps, may_see_team, my_follow_ups, team_follow_ups
from hoffice_app.pages.leads.followup_dialogs import FollowUpDialogs
from hoffice_app.pages.leads.followup_widgets import complete_dialog, follow_up_row, reschedule_dialog, schedule_dialog
from hoffice_app.state.auth import AuthState

PER_PAGE = 50


class MyFollowUpsState(FollowUpDialogs, AuthState):
    tab: str = "mine"  # mine | team
    has_team: bool = False  # a manager or administrator: the Team tab shows
    overdue: list[FollowUpView] = []  # due before today; the ones from earlier today are under Today
    overdue_count: int = 0  # every overdue one, those from earlier today too
    overdue_today: int = 0
    today: list[FollowUpView] = []
    upcoming: list[FollowUpView] = []
    team_overdue: list[FollowUpView] = []
    team_overdue_count: int = 0
    team_overdue_today: int = 0
    team_today: list[FollowUpView] = []
    team_upcoming: list[FollowUpView] = []
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
        now = utcnow()
        self._show("", my_follow_ups(session, actor, now=now))
        self.has_team = may_see_team(actor)
        self._show("team_", team_follow_ups(session, actor, now=now) if self.has_team else MyFollowUps())
        self.tab = self.tab if self.has_team else "mine"

    def _show(self, prefix: str, lists: MyFollowUps) -> None:
        setattr(self, f"{prefix}overdue", lists.before_today)
        setattr(self, f"{prefix}overdue_count", len(lists.overdue))
        setattr(self, f"{prefix}overdue_today", lists.overdue_today)
        setattr(self, f"{prefix}today", lists.today)
        setattr(self, f"{prefix}upcoming", lists.upcoming)

    @rx.event
    def set_tab(self, value: str):
        self.tab = "team" if value == "team" and self.has_team else "mine"

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
                    self.drill_label = self.say(insights.describe(session, actor, drill, now=utcnow()))
                self._refresh(session, actor)
        except DomainError as err:
            self.drill_label = err.message

    @rx.event
    def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.pages))
        with unit_of_work() as session:
            self._refresh(session, self.require_actor())


def _section(title: str, count, color: str, *body) -> rx.Component:
    return rx.el.section(rx.vstack(
        rx.hstack(rx.heading(title, size="4", as_="h2"), rx.badge(count, color_scheme=color), align="center"),
        *body, spacing="2", width="100%"), aria_label=title, style={"width": "100%"})


def _rows(items, team: bool) -> rx.Component:
    return rx.foreach(items, lambda f: follow_up_row(f, MyFollowUpsState, show_lead=True, show_assignee=team,
                                                     reschedule=True))


def _bucket(title: str, items, color: str, empty: str, team: bool) -> rx.Component:
    return _section(title, items.length(), color, _rows(items, team),
                    rx.cond(items.length() == 0, rx.text(empty, size="2", color_scheme="gray")))


def _overdue(items, count, today, team: bool) -> rx.Component:
    """Due before today; what slipped earlier today is counted here and listed once, under Today
    (the note says so above the rows, where it is seen before a long backlog)."""
    return _section("Overdue", count, "red",
                    rx.cond(today > 0, rx.text("+", today, " earlier today, under Today", size="2",
                                               color_scheme="red")),
                    _rows(items, team),
                    rx.cond(count == 0, rx.text("Nothing overdue. Well done.", size="2", color_scheme="gray")))


def _lists(prefix: str) -> rx.Component:
    S, team = MyFollowUpsState, prefix == "team_"
    nothing = ("Nothing planned for your team." if team
               else say("Nothing planned. Schedule follow-ups from a lead's page."))
    return rx.grid(
        _overdue(getattr(S, f"{prefix}overdue"), getattr(S, f"{prefix}overdue_count"),
                 getattr(S, f"{prefix}overdue_today"), team),
        _bucket("Today", getattr(S, f"{prefix}today"), "orange", "Nothing due today.", team),
        _bucket("Upcoming", getattr(S, f"{prefix}upcoming"), "blue", nothing, team),
        columns=rx.breakpoints(initial="1", lg="3"), spacing="4", width="100%")


def _tabs() -> rx.Component:
    S = MyFollowUpsState
    return rx.tabs.root(
        rx.tabs.list(rx.tabs.trigger("Mine", value="mine"), rx.tabs.trigger("Team", value="team")),
        rx.tabs.content(_lists(""), value="mine", padding_top="1rem"),
        rx.tabs.content(_lists("team_"), value="team", padding_top="1rem"),
        value=S.tab, on_change=S.set_tab, width="100%")


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
    title = rx.cond(S.drill != "", "Follow-ups", rx.cond(S.tab == "team", "Team follow-ups", "My follow-ups"))
    return page_shell(title, rx.vstack(
        rx.cond(S.drill != "", _drilled(), rx.cond(S.has_team, _tabs(), _lists(""))),
        schedule_dialog(S), complete_dialog(S), reschedule_dialog(S), spacing="4", width="100%"))
