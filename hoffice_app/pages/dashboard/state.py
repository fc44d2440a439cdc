"""The dashboard's state: it reads the morning view (``insights.morning``), the viewer's own
follow-ups and the contacts they may see, and turns them into the few strings the page shows.

The wording says whose numbers they are: "My …" for an executive (their own), "Team …" for
a manager's team or a team an administrator picked, no prefix for everyone."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.common import Option
from hoffice_app.domain.contacts import count_visible
from hoffice_app.domain.followups import my_follow_ups
from hoffice_app.domain.insights import Cell, StageValue, StuckLead
from hoffice_app.state.auth import AuthState

ALL = "all"  # the team filter's first choice (a select item cannot have the value "")
OWN_SCOPE, EVERYONE = "Me", "Everyone"  # insights.Scope labels


@dataclass
class Stat:
    """One number on a card and the list behind it."""

    label: str = ""
    value: int = 0
    link: str = ""
    name: str = ""  # the link's accessible name, "Team follow-ups overdue: 4"
    note: str = ""  # the line under the number


@dataclass
class StageLine:
    """One open stage: its leads (a link to them) and their value, compact."""

    stage: str = ""
    leads: int = 0
    link: str = ""
    value: str = ""
    name: str = ""


def prefix(scope_label: str) -> str:
    """What every team number starts with, from whose numbers they are."""
    if scope_label == OWN_SCOPE:
        return "My "
    return "" if scope_label == EVERYONE else "Team "


def title(start: str, rest: str) -> str:
    text = start + rest
    return text[:1].upper() + text[1:]


def stat(label: str, cell: Cell, note: str) -> Stat:
    return Stat(label, cell.value, cell.link, f"{label}: {cell.value}", note)


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def my_card(own: bool, overdue: int, today: int, later: int) -> Stat:
    """The viewer's own follow-ups: overdue ones for a team's viewer (the card above counts the
    team's); due today for an executive, whose overdue ones the card above already counts."""
    if own:
        return Stat("My follow-ups due today", today, routes.FOLLOW_UPS, f"My follow-ups due today: {today}",
                    f"then {later} planned later")
    return Stat("My follow-ups overdue", overdue, routes.FOLLOW_UPS, f"My follow-ups overdue: {overdue}",
                f"{today} due today")


def stage_lines(rows: list[StageValue]) -> list[StageLine]:
    """Stage names carry their funnel's when more than one funnel has open leads."""
    several = len({r.funnel for r in rows}) > 1
    return [StageLine(f"{r.funnel} · {r.stage}" if several else r.stage, r.leads.value, r.leads.link, r.value,
                      f"{r.stage}: {r.leads.value}") for r in rows]


def _revoke_soon(actor, team) -> Cell:
    with unit_of_work() as session:
        return insights.revoke_soon(session, actor, now=utcnow(), team=team)


def _read(actor, team):
    """What the dashboard shows, read in one session: (the morning view, the viewer's own
    follow-ups, the contact counts, the team choices)."""
    now = utcnow()
    with unit_of_work() as session:
        return (insights.morning(session, actor, now=now, team=team, with_revoke=False),
                my_follow_ups(session, actor, now=now, limit=1000), count_visible(session, actor),
                insights.team_options(session, actor))


class DashboardState(AuthState):
    scope_label: str = ""
    own: bool = True  # the numbers are the viewer's own (an executive's)
    overdue: Stat = Stat()
    unattended: Stat = Stat()
    revoke_soon: Stat = Stat()
    stuck: Stat = Stat()
    mine: Stat = Stat()  # the viewer's own follow-ups (my_card)
    open_leads: Stat = Stat()
    contacts: Stat = Stat()
    stuck_leads: list[StuckLead] = []
    stages: list[StageLine] = []
    stage_chart: list[dict[str, str | float]] = []
    team: str = ALL
    team_options: list[Option] = []
    loaded: bool = False

    revoke_checking: bool = False  # "about to be revoked" is still being computed (load_revoke_soon)

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        return DashboardState.refresh

    @rx.event
    def choose_team(self, value: str):
        self.team = value or ALL
        return DashboardState.refresh

    @rx.event(background=True)
    async def refresh(self):
        """The numbers are read in a thread: at 100,000 leads the reads take ~120 ms, which in a
        handler would hold the event loop — every other page this worker serves — each time
        someone opens the dashboard (everyone, every morning)."""
        async with self:
            actor, team = self.require_actor(), self.team
        read = await rx.run_in_thread(functools.partial(_read, actor, None if team == ALL else team))
        async with self:
            if team != self.team:  # a team chosen meanwhile has its own refresh coming
                return
            self._show(actor, *read)
        yield DashboardState.load_revoke_soon

    @rx.event(background=True)
    async def load_revoke_soon(self):
        """The policy engine's query runs in a thread after the other numbers are shown: it
        reads every open lead, and would hold the page (and the event loop) for its duration."""
        async with self:
            actor, team, start = self.require_actor(), self.team, prefix(self.scope_label)
            self.revoke_checking = True
        cell = await rx.run_in_thread(functools.partial(_revoke_soon, actor, None if team == ALL else team))
        async with self:
            if team == self.team:  # a team chosen meanwhile has its own check coming
                self.revoke_soon = stat(title(start, f"{self.leads_label.lower()} about to be revoked"), cell,
                                        "A policy takes them back within 24 hours: follow up first")
                self.revoke_checking = False

    def _show(self, actor, view, own, people, options) -> None:
        start, leads = prefix(view.scope_label), self.leads_label.lower()
        self.scope_label, self.own = view.scope_label, view.scope_label == OWN_SCOPE
        self.team_options = [Option(ALL, "Everyone" if actor.is_admin else "My team"), *options]
        if self.team not in {o.value for o in self.team_options}:
            self.team = ALL
        self.overdue = stat(title(start, "follow-ups overdue"), view.overdue,
                            "Past their due time: do them, or plan them anew")
        self.unattended = stat(title(start, f"unattended {leads}"), view.unattended,
                               "Open and assigned, nothing planned: plan a next step")
        self.revoke_soon = Stat(title(start, f"{leads} about to be revoked"), 0, view.revoke_soon.link,
                                "", "Checking the revoke policies…")
        self.revoke_checking = True  # never "0: nothing due" before the policies were asked
        self.stuck = stat(title(start, f"stuck {leads}"), view.stuck,
                          "Longer in their stage than it allows: move them on, or close them")
        self.mine = my_card(self.own, len(own.overdue), len(own.today), len(own.upcoming))
        self.open_leads = stat(title(start, f"open {leads}"), view.open_leads, f"worth {view.open_value}")
        self.contacts = Stat("Contacts", people["contacts"], routes.CONTACTS, f"Contacts: {people['contacts']}",
                             f"{plural(people['customers'], 'customer', 'customers')} · "
                             f"{plural(people['prospects'], 'prospect', 'prospects')}")
        self.stuck_leads = view.stuck_leads
        self.stages = stage_lines(view.by_stage)
        self.stage_chart = [{"stage": line.stage, "value": row.value_raw, "label": row.value}
                            for line, row in zip(self.stages, view.by_stage)]
        self.loaded = True
