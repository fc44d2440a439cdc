"""State of /leads: quick views, advanced filters, saved views, sorting, one
page of rows, and bulk actions on the selected rows."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.filters import ANY
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.common import DomainError, Option, ValidationError
from hoffice_app.domain.funnel import board
from hoffice_app.domain.leads import QUICK_VIEWS, LeadQuery, LeadRow, saved_views, search_leads
from hoffice_app.domain.leads import bulk as lead_bulk
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.org import employees
from hoffice_app.state.auth import AuthState

FILTER_KEYS = ("status_id", "stage_id", "priority_id", "lead_type_id", "source_kind", "assigned_to_id", "created_by_id",
               "product_category_id", "product_id", "value_min", "value_max", "created_from", "created_to",
               "assigned_from", "assigned_to", "followup_from", "followup_to")


class LeadListState(AuthState):
    rows: list[LeadRow] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    total_value: str = ""
    view: str = "open"
    text: str = ""
    filters: dict[str, str] = {}
    sort: str = "-created"
    show_filters: bool = False
    selected: list[int] = []
    status_options: list[Option] = []
    stage_options: list[Option] = []
    priority_options: list[Option] = []
    type_options: list[Option] = []
    category_options: list[Option] = []
    product_options: list[Option] = []
    employee_options: list[Option] = []
    views: list[Option] = []
    save_open: bool = False
    view_name: str = ""
    view_error: str = ""
    bulk_assignee: str = ""
    bulk_status: str = ""
    drill: str = ""  # an insights drill-down from the URL (insights.Drill.encode())
    drill_label: str = ""  # what it holds: "Won · 1 Dec 2026 – 31 Dec 2026 · Source: Google Ads · My team"

    @rx.var
    def quick_views(self) -> list[Option]:
        return [Option(key, self.say(label))
                for key, label in QUICK_VIEWS]

    @rx.var
    def active_filters(self) -> int:
        return sum(1 for v in self.filters.values() if v and v != ANY)

    @rx.event
    def load(self):
        self.selected = []
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            for var, kind in (("status_options", "lead_status"), ("priority_options", "lead_priority"),
                              ("type_options", "lead_type"), ("category_options", "product_category"),
                              ("product_options", "product")):
                setattr(self, var, masters.options(session, actor, kind))
            self.stage_options = board.stage_options(session, actor)
            self.employee_options = employees.employee_options(session, actor)
            self.views = saved_views.list_views(session, actor)
            self._read_drill(session, actor)
        return [LeadListState.search, self.document_title(self.leads_label)]

    def _read_drill(self, session, actor) -> None:
        """A link from insights or the dashboard (``?insight=…``) shows exactly the leads behind
        the number: every other filter is cleared; without one, a previous drill-down ends."""
        drill = insights.from_params(self.router.url.query_parameters)
        if drill is None or drill.follow_ups:
            self.drill = self.drill_label = ""
            return
        self.drill, self.page = drill.encode(), 1
        self.view, self.text, self.filters = "all", "", {}
        try:
            self.drill_label = self.say(insights.describe(session, actor, drill, now=utcnow()))
        except DomainError as err:
            self.drill_label = err.message

    @rx.event
    def clear_drill(self):
        self.drill = self.drill_label = ""
        self.view = "open"
        return rx.redirect(routes.LEADS)

    def _query(self) -> LeadQuery:
        values = {k: ("" if v == ANY else v) for k, v in self.filters.items() if k in FILTER_KEYS}
        return LeadQuery(view=self.view, text=self.text, sort=self.sort, page=self.page, drill=self.drill, **values)

    @rx.event
    def search(self):
        try:
            with unit_of_work() as session:
                result = search_leads(session, self.require_actor(), self._query(), now=utcnow())
        except DomainError as err:
            return rx.toast.error(err.message)
        self.rows, self.total, self.page, self.pages = result.rows, result.total, result.page, result.pages
        self.total_value = result.total_value
        visible = {r.id for r in self.rows}
        self.selected = [i for i in self.selected if i in visible]

    def _again(self):
        self.page = 1
        return LeadListState.search

    @rx.event
    def set_view(self, value: str | list[str]):
        self.view = value if isinstance(value, str) else (value[0] if value else "open")
        return self._again()

    @rx.event
    def set_text(self, value: str):
        self.text = value
        return self._again()

    @rx.event
    def set_filter(self, key: str, value: str):
        self.filters = self.filters | {key: value}
        return self._again()

    @rx.event
    def clear_filters(self):
        self.filters, self.text = {}, ""
        return self._again()

    @rx.event
    def toggle_filters(self):
        self.show_filters = not self.show_filters

    @rx.event
    def set_sort(self, value: str):
        self.sort = value
        return self._again()

    @rx.event
    def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.pages))
        return LeadListState.search

    @rx.event
    def toggle_row(self, lead_id: int, checked: bool):
        rest = [i for i in self.selected if i != lead_id]
        self.selected = rest + [lead_id] if checked else rest

    @rx.event
    def toggle_page(self, checked: bool):
        self.selected = [r.id for r in self.rows] if checked else []

    @rx.event
    def set_bulk_assignee(self, value: str):
        self.bulk_assignee = value

    @rx.event
    def set_bulk_status(self, value: str):
        self.bulk_status = value

    @rx.event
    def bulk(self, action: str):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                moved = 0
                if action == "assign":
                    done = lead_bulk.reassign(session, actor, list(self.selected), self.bulk_assignee, now=utcnow())
                    n, moved = done.leads, done.follow_ups
                else:
                    n = lead_bulk.bulk_set_status(session, actor, list(self.selected), self.bulk_status, now=utcnow())
        except DomainError as err:
            return rx.toast.error(err.message)
        self.selected = []
        also = f"; {moved} open follow-up{'s' if moved != 1 else ''} moved with them" if moved else ""
        return [LeadListState.search, rx.toast.success(f"Updated {n} {self.leads_label.lower()}{also}.")]

    @rx.event
    def set_save_open(self, value: bool):
        self.save_open, self.view_error = value, ""

    @rx.event
    def set_view_name(self, value: str):
        self.view_name = value

    @rx.event
    def save_view(self):
        filters = dict(self.filters) | {"view": self.view, "text": self.text, "sort": self.sort}
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                saved_views.save_view(session, actor, self.view_name, filters)
                self.views = saved_views.list_views(session, actor)
        except ValidationError as err:
            self.view_error = " ".join(err.errors.values())
            return
        except DomainError as err:
            self.view_error = err.message
            return
        self.save_open, self.view_name = False, ""
        return rx.toast.success("View saved.")

    @rx.event
    def apply_view(self, view_id: str):
        try:
            with unit_of_work() as session:
                data = saved_views.get_view(session, self.require_actor(), int(view_id))
        except (DomainError, ValueError):
            return rx.toast.error("That view no longer exists.")
        self.drill = self.drill_label = ""  # a saved view replaces a drill-down
        self.view, self.text, self.sort = data.get("view", "open"), data.get("text", ""), data.get("sort", "-created")
        self.filters = {k: v for k, v in data.items() if k in FILTER_KEYS}
        self.show_filters = bool(self.filters)
        return self._again()
