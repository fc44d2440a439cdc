"""State of /contacts: search, filters, saved views, sorting and one page of rows at a time
(only the visible page is ever sent to the browser), and what the Export button will
export: how many contacts, with which filters in words (an export that silently kept an
old search once held 1 contact instead of 306)."""
from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work
from hoffice_app.domain.common import DomainError, Option
from hoffice_app.domain.contacts import (
    ContactQuery,
    ContactRow,
    address_choices,
    describe_filters,
    in_words,
    saved_views,
    search_contacts,
)
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.org import employees
from hoffice_app.state.auth import AuthState
from hoffice_app.state.custom_filters import CustomFilters
from hoffice_app.state.list_columns import ListColumns
from hoffice_app.state.saved_views import SavedViewsMixin, comparable

ANY = "all"
FILTER_KEYS = ("contact_type_id", "category_id", "industry_id", "city", "state", "stage",
               "key_account_manager_id", "division_id", "custom")


class ContactListState(SavedViewsMixin, ListColumns, CustomFilters, AuthState):
    _cf_record: str = "contact"
    rows: list[ContactRow] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    text: str = ""
    filters: dict[str, str] = {}
    sort: str = "name"
    type_options: list[Option] = []
    category_options: list[Option] = []
    industry_options: list[Option] = []
    division_options: list[Option] = []
    employee_options: list[Option] = []
    city_options: list[str] = []
    state_options: list[str] = []
    filter_words: str = ""
    loaded: bool = False  # the first search answered: until then no count and no "no contacts" message

    @rx.var
    def export_url(self) -> str:
        """The export download with this list's search, filters and order."""
        params = {k: v for k, v in self.filters.items() if k in FILTER_KEYS and v and v != ANY}
        if self.text.strip():
            params["text"] = self.text.strip()
        params["sort"] = self.sort
        return routes.CONTACTS_EXPORT + "?" + urlencode(params)

    @rx.var
    def export_label(self) -> str:
        if not self.loaded:
            return "Export"
        return f"Export {self.total} contact{'' if self.total == 1 else 's'}"

    @rx.var
    def export_scope(self) -> str:
        if self.filter_words:
            return f"Filters of this list and its export: {self.filter_words}."
        return "No filters: this list and its export hold every contact you may see."

    @rx.var
    def active_filters(self) -> int:
        return sum(1 for v in self.filters.values() if v and v != ANY) + (1 if self.text.strip() else 0)

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self.type_options = masters.options(session, actor, "contact_type")
            self.category_options = masters.options(session, actor, "contact_category")
            self.industry_options = masters.options(session, actor, "industry")
            self.division_options = masters.options(session, actor, "division")
            self.employee_options = employees.employee_options(session, actor)
            self.city_options = address_choices(session, actor, "city")
            self.state_options = address_choices(session, actor, "state")
            self._cf_load(session, actor)
            self._cols_load(session, actor)
            self._views_load(session, actor)
        return ContactListState.search

    @rx.event
    def search(self):
        query = ContactQuery(text=self.text, sort=self.sort, page=self.page,
                             **{k: ("" if v == ANY else v) for k, v in self.filters.items() if k in FILTER_KEYS})
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                result = search_contacts(session, actor, query)
                self._fill_cells(session, actor, [r.id for r in result.rows])
                self._cf_name_contacts(session, actor)
                self.filter_words = in_words(describe_filters(session, actor, query))
        except DomainError as err:
            return rx.toast.error(err.message)
        self.rows, self.total, self.page, self.pages = result.rows, result.total, result.page, result.pages
        self.loaded = True

    @rx.event
    def set_text(self, value: str):
        self.text = value
        return self._again()

    @rx.event
    def set_filter(self, key: str, value: str):
        self.filters = self.filters | {key: value}
        return self._again()

    def _again(self):
        self.page = 1
        self._mark_view_modified()
        return ContactListState.search

    @rx.event
    def clear_filters(self):
        self.filters, self.text = {}, ""
        return self._again()

    @rx.event
    def set_sort(self, value: str):
        self.sort = value
        return self._again()

    def _views_domain(self):
        return saved_views

    def _view_current(self) -> dict:
        return dict(self.filters) | {"text": self.text.strip(), "sort": self.sort}

    def _view_values(self, values: dict) -> dict:
        return comparable(values, FILTER_KEYS, ("text", "sort"))

    def _view_apply(self, data: dict):
        self.text, self.sort = data.get("text", ""), data.get("sort", "name")
        self.filters = {k: v for k, v in data.items() if k in FILTER_KEYS}
        return self._again()

    @rx.event
    def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.pages))
        return ContactListState.search
