"""State of /leads: quick views, advanced filters, saved views, sorting, one
page of rows, and bulk actions on the selected rows."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.filters import ANY
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.common import DomainError, Option
from hoffice_app.domain.contacts import labels_by_code
from hoffice_app.domain.funnel import board
from hoffice_app.domain.leads import QUICK_VIEWS, LeadQuery, LeadRow, saved_views, search_leads
from hoffice_app.domain.leads import bulk as lead_bulk
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.org import employees
from hoffice_app.pages.leads.revoke_text import count
from hoffice_app.state.auth import AuthState
from hoffice_app.state.custom_filters import CustomFilters
from hoffice_app.state.list_columns import ListColumns
from hoffice_app.state.saved_views import SavedViewsMixin, comparable

FILTER_KEYS = ("status_id", "funnel_id", "stage_id", "priority_id", "lead_type_id", "source_kind", "source_ref",
               "assigned_to_id", "created_by_id", "product_category_id", "product_id", "value_min", "value_max",
               "created_from", "created_to", "assigned_from", "assigned_to", "followup_from", "followup_to", "custom")


def matching_text(total: int, one: str, many: str) -> str:
    """ "1 lead", "2 leads", "1,234 inquiries": the company's word, singular for one."""
    return count(total, one.lower(), many.lower())


def view_values(values: dict) -> dict:
    """The list's filters, search, quick view and sort as a saved view compares them."""
    return comparable(values, FILTER_KEYS, ("view", "text", "sort"))


SOURCE_PICKER = "lead_source"  # the Source filter's contact picker (a contact or a friend)
CONTACT_SOURCES = ("contact", "friend")


class LeadListState(SavedViewsMixin, ListColumns, CustomFilters, AuthState):
    _cf_record: str = "lead"
    source_contact: str = ""  # the Source filter's contact: "Name · C000123", or a bare code it may not see
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
    funnel_options: list[Option] = []
    campaign_options: list[Option] = []
    priority_options: list[Option] = []
    type_options: list[Option] = []
    category_options: list[Option] = []
    product_options: list[Option] = []
    employee_options: list[Option] = []
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
        return sum(1 for k, v in self.filters.items() if v and v != ANY and k not in ("source_ref", "custom"))

    @rx.var
    def chosen_priorities(self) -> list[str]:
        return [p for p in self.filters.get("priority_id", "").split(",") if p and p != ANY]

    @rx.var
    def count_label(self) -> str:
        return matching_text(self.total, self.lead_label, self.leads_label)

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
            self.funnel_options = board.funnels(session, actor)
            self.campaign_options = masters.options(session, actor, "campaign")
            self.employee_options = employees.employee_options(session, actor)
            self._views_load(session, actor)
            self._cf_load(session, actor)
            self._cols_load(session, actor)
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
        self.applied_view, self.view_modified = "", False
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
                actor = self.require_actor()
                result = search_leads(session, actor, self._query(), now=utcnow())
                self._fill_cells(session, actor, [r.id for r in result.rows])
                self._cf_name_contacts(session, actor)
                self._name_source(session, actor)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.rows, self.total, self.page, self.pages = result.rows, result.total, result.page, result.pages
        self.total_value = result.total_value
        visible = {r.id for r in self.rows}
        self.selected = [i for i in self.selected if i in visible]

    def _name_source(self, session, actor) -> None:
        """The Source filter's contact by name (a saved view or a link holds only its code)."""
        code = self.filters.get("source_ref", "").strip().upper()
        if self.filters.get("source_kind") not in CONTACT_SOURCES or not code:
            self.source_contact = ""
        elif not self.source_contact.endswith(f"· {code}"):
            self.source_contact = labels_by_code(session, actor, [code]).get(code, code)

    def _contact_picked(self, target: str, option: Option):
        if target != SOURCE_PICKER:
            return super()._contact_picked(target, option)
        self.source_contact = option.label
        return self.set_filter("source_ref", option.value)

    @rx.event
    def clear_source_contact(self):
        self.source_contact = ""
        return self.set_filter("source_ref", "")

    def _again(self):
        self.page = 1
        self._mark_view_modified()
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
        if key == "source_kind":  # a campaign's id means nothing as an employee's
            self.filters = self.filters | {"source_ref": ""}
        return self._again()

    @rx.event
    def toggle_priority(self, priority_id: str, checked: bool):
        """Several priorities at once ("any of these")."""
        rest = [p for p in self.chosen_priorities if p != priority_id]
        chosen = rest + [priority_id] if checked else rest
        return self.set_filter("priority_id", ",".join(chosen))

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
        return [LeadListState.search,
                rx.toast.success(f"Updated {matching_text(n, self.lead_label, self.leads_label)}{also}.")]

    def _views_domain(self):
        return saved_views

    def _view_current(self) -> dict:
        return dict(self.filters) | {"view": self.view, "text": self.text.strip(), "sort": self.sort}

    def _view_values(self, values: dict) -> dict:
        return view_values(values)

    def _view_apply(self, data: dict):
        self.drill = self.drill_label = ""  # a saved view replaces a drill-down
        self.view, self.text, self.sort = data.get("view", "open"), data.get("text", ""), data.get("sort", "-created")
        self.filters = {k: v for k, v in data.items() if k in FILTER_KEYS}
        self.show_filters = any(k != "custom" for k in self.filters)  # custom ones show as chips
        return self._again()
