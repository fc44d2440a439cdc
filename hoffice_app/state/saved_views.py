"""Saved views of the lead and contact lists: save the list as it is under a name, apply a
view, see when the list has moved off the applied one ("Modified", with Revert), and delete
a view after a confirmation.

A mixin (its vars and handlers are copied into the list's state). The list provides
``require_actor`` and four hooks: ``_views_domain()`` (the list's saved views in the domain:
``save_view``, ``list_views``, ``get_view``, ``delete_view``), ``_view_current()`` (what a
view saved now would hold), ``_view_values(values)`` (those values as two views compare them)
and ``_view_apply(data)`` (show a view's filters; returns the list's search)."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work
from hoffice_app.domain.common import DomainError, Option, ValidationError

ANY = "all"  # a filter's "any" choice (components.filters.ANY): no filter


def comparable(values: dict, filter_keys: tuple[str, ...], other_keys: tuple[str, ...]) -> dict:
    """A list's filters and its other view keys (search, sort, quick view) as two views compare
    them: blank and "any" filters left out, values as text."""
    keep = filter_keys + other_keys
    return {k: str(v) for k, v in values.items() if k in keep and v and not (k in filter_keys and v == ANY)}


class SavedViewsMixin(rx.State, mixin=True):
    views: list[Option] = []
    applied_view: str = ""  # the saved view the list shows, "" when none
    view_modified: bool = False  # filters, search or sort changed since it was applied
    _applied: dict = {}  # what the applied view holds, to tell when the list no longer matches it
    save_open: bool = False
    view_name: str = ""
    view_error: str = ""
    delete_view_open: bool = False

    @rx.var
    def applied_view_name(self) -> str:
        return next((o.label for o in self.views if o.value == self.applied_view), "")

    def _views_load(self, session, actor) -> None:
        self.views = self._views_domain().list_views(session, actor)

    def _mark_view_modified(self) -> None:
        self.view_modified = bool(self.applied_view) and self._view_values(self._view_current()) != self._applied

    @rx.event
    def set_save_open(self, value: bool):
        self.save_open, self.view_error = value, ""

    @rx.event
    def set_view_name(self, value: str):
        self.view_name = value

    @rx.event
    def save_view(self):
        domain = self._views_domain()
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                view_id = domain.save_view(session, actor, self.view_name, self._view_current())
                self.views = domain.list_views(session, actor)
                self._applied = self._view_values(domain.get_view(session, actor, view_id))
        except ValidationError as err:
            self.view_error = " ".join(err.errors.values())
            return
        except DomainError as err:
            self.view_error = err.message
            return
        self.save_open, self.view_name = False, ""
        self.applied_view, self.view_modified = str(view_id), False  # the list now is that view
        return rx.toast.success("View saved.")

    @rx.event
    def apply_view(self, view_id: str):
        try:
            with unit_of_work() as session:
                data = self._views_domain().get_view(session, self.require_actor(), int(view_id))
        except (DomainError, ValueError):
            return rx.toast.error("That view no longer exists.")
        self.applied_view, self._applied = str(view_id), self._view_values(data)
        return self._view_apply(data)

    @rx.event
    def set_delete_view_open(self, value: bool):
        self.delete_view_open = value

    @rx.event
    def delete_view(self):
        """Deletes the applied view; the list keeps showing its filters."""
        name, domain = self.applied_view_name, self._views_domain()
        self.delete_view_open = False
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                domain.delete_view(session, actor, self.applied_view)
                self.views = domain.list_views(session, actor)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.applied_view, self._applied, self.view_modified = "", {}, False
        return rx.toast.success(f"View “{name}” deleted; the list keeps its filters.")
