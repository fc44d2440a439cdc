"""State of /insights: the controls (period, custom days, team, tab, funnel) and the rows of the
tab on screen. Only the open tab's view is read when a control changes: each is one domain
call (hoffice_app.domain.insights), which also decides whose numbers the employee may see."""
from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.common import DomainError, Option, ValidationError
from hoffice_app.domain.insights import Cell, GroupRow, PersonRow, RankRow, StageRow, WeekRow
from hoffice_app.state.auth import AuthState

DEFAULT_PRESET = "this_month"  # as the domain reads an unknown preset
EVERYONE = "all"  # the team select's "no team chosen" (Radix items cannot hold "")
TABS = ("follow_ups", "leads", "funnel")


def _blank_person() -> PersonRow:
    return PersonRow(0, "", Cell(), Cell(), Cell(), Cell(), Cell(), "—", Cell(), Cell(), "—")


def _blank_group() -> GroupRow:
    return GroupRow("", "Total", Cell(), Cell(), Cell(), "—", "")


class InsightsState(AuthState):
    preset: str = DEFAULT_PRESET
    first: str = ""  # YYYY-MM-DD, custom days
    last: str = ""
    team: str = EVERYONE
    funnel: str = ""
    tab: str = "follow_ups"
    date_errors: dict[str, str] = {}
    problem: str = ""  # a refusal from the domain, in one sentence
    busy: bool = True  # a control changed and the tab's numbers are being read (aria-busy)
    period_label: str = ""
    scope_label: str = ""
    team_options: list[Option] = []
    funnel_options: list[Option] = []
    # Follow-ups
    people: list[PersonRow] = []
    people_total: PersonRow = _blank_person()
    follow_up_chart: list[dict[str, str | int]] = []
    # Leads
    lead_totals: GroupRow = _blank_group()
    by_source: list[GroupRow] = []
    by_category: list[GroupRow] = []
    by_product: list[GroupRow] = []
    by_type: list[GroupRow] = []
    by_person: list[GroupRow] = []
    lost_reasons: list[RankRow] = []
    weeks: list[WeekRow] = []
    week_chart: list[dict[str, str | int]] = []
    person_chart: list[dict[str, str | int]] = []
    # Funnel
    stages: list[StageRow] = []
    funnel_name: str = ""
    funnel_chart: list[dict[str, str | int]] = []

    @rx.var
    def export_query(self) -> str:
        """The page's choices as the export route reads them."""
        values = {"period": self.preset, "team": "" if self.team == EVERYONE else self.team, "funnel": self.funnel}
        if self.preset == "custom":
            values |= {"from": self.first, "to": self.last}
        return urlencode({k: v for k, v in values.items() if v})

    @rx.var
    def shows_teams(self) -> bool:
        return len(self.team_options) > 0

    @rx.var
    def periods_ok(self) -> bool:
        return not self.date_errors and not self.problem

    @rx.var
    def follow_up_bars(self) -> bool:
        return any(r["on_time"] or r["late"] or r["overdue"] for r in self.follow_up_chart)

    @rx.var
    def lead_activity(self) -> bool:
        t = self.lead_totals
        return bool(t.created.value or t.won.value or t.lost.value)

    @rx.var
    def funnel_reached(self) -> bool:
        return any(s.reached.value for s in self.stages)

    @rx.var
    def week_header(self) -> str:
        """Long periods are counted per month ("Dec 2026"), shorter ones per week ("7 Dec")."""
        return "Month" if self.weeks and self.weeks[0].label[-4:].isdigit() else "Week"

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self.team_options = insights.team_options(session, actor)
            self.funnel_options = insights.funnel_options(session)
        if self.team != EVERYONE and self.team not in {o.value for o in self.team_options}:
            self.team = EVERYONE
        return self._again()

    def _again(self):
        self.busy = True
        return InsightsState.refresh

    @rx.event
    def refresh(self):
        """Read the open tab's view for the chosen period and team."""
        self.problem = ""
        try:
            with unit_of_work() as session:
                actor, now = self.require_actor(), utcnow()
                period = insights.resolve_period(session, self.preset, self.first, self.last, now=now)
                self.date_errors = {}
                scope = insights.resolve_scope(session, actor, None if self.team == EVERYONE else self.team)
                self.period_label, self.scope_label = period.label, scope.label
                if self.preset != "custom":
                    self.first, self.last = period.first.isoformat(), period.last.isoformat()
                if self.tab == "leads":
                    self._show_leads(insights.lead_insights(session, actor, scope, period, now=now))
                elif self.tab == "funnel":
                    self._show_funnel(insights.funnel_insights(session, actor, scope, period, self.funnel or None,
                                                               now=now))
                else:
                    self._show_follow_ups(insights.follow_up_insights(session, actor, scope, period, now=now))
        except ValidationError as err:
            self.date_errors = {k: v for k, v in err.errors.items() if k in ("from", "to")}
            self.problem = "" if self.date_errors else err.message
        except DomainError as err:
            self.problem = err.message
        finally:
            self.busy = False

    def _show_follow_ups(self, view: insights.FollowUpInsights) -> None:
        self.people, self.people_total, self.follow_up_chart = view.rows, view.total, view.chart

    def _show_leads(self, view: insights.LeadInsights) -> None:
        self.lead_totals, self.lost_reasons, self.weeks = view.totals, view.lost_reasons, view.weeks
        b = view.breakdowns
        self.by_source, self.by_category, self.by_product = b["source"], b["category"], b["product"]
        self.by_type, self.by_person = b["type"], b["person"]
        self.week_chart = [{"week": w.label, "created": w.created.value, "won": w.won.value} for w in view.weeks]
        self.person_chart = [{"name": r.label, "created": r.created.value, "won": r.won.value} for r in b["person"]]

    def _show_funnel(self, view: insights.FunnelInsights) -> None:
        self.stages, self.funnel_name, self.funnel = view.stages, view.funnel_name, str(view.funnel_id)
        self.funnel_chart = [{"stage": s.name, "reached": s.reached.value} for s in view.stages]

    @rx.event
    def set_preset(self, value: str):
        self.preset = value if value in insights.PRESETS else DEFAULT_PRESET
        return self._again()

    @rx.event
    def set_first(self, value: str):
        self.first = value
        return self._again()

    @rx.event
    def set_last(self, value: str):
        self.last = value
        return self._again()

    @rx.event
    def set_team(self, value: str):
        self.team = value or EVERYONE
        return self._again()

    @rx.event
    def set_funnel(self, value: str):
        self.funnel = value
        return self._again()

    @rx.event
    def set_tab(self, value: str):
        self.tab = value if value in TABS else "follow_ups"
        return self._again()
