"""The column chooser of the lead and contact lists: the built-in columns each employee keeps
on and the custom fields they add, remembered per employee (customfields.columns).

A mixin (its vars and handlers are copied into the list's state), which provides
``_cf_record`` and ``require_actor`` and whose ``search`` fills ``cf_cells`` for its page
with ``_fill_cells`` (one batched read per page).
"""
from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from hoffice_app.db import unit_of_work
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, Option


@dataclass
class ColumnChoice:
    key: str = ""
    label: str = ""
    custom: bool = False
    shown: bool = False


class ListColumns(rx.State, mixin=True):
    col_choices: list[ColumnChoice] = []
    col_on: dict[str, bool] = {}  # built-in column key → shown
    cf_columns: list[Option] = []  # the custom columns shown: value "cf_<key>", label the heading
    cf_cells: list[list[str]] = []  # per row of the page, the custom columns' values

    def _set_columns(self, columns: list) -> None:
        self.col_choices = [ColumnChoice(c.key, c.label, c.custom, c.shown) for c in columns]
        self.col_on = {c.key: c.shown for c in columns if not c.custom}
        self.cf_columns = [Option(value=c.key, label=c.label) for c in columns if c.custom and c.shown]

    def _cols_load(self, session, actor) -> None:
        self._set_columns(cf.columns(session, actor, self._cf_record))

    def _fill_cells(self, session, actor, ids: list[int]) -> None:
        self.cf_cells = cf.page_values(session, actor, self._cf_record, ids, [c.value for c in self.cf_columns])

    @rx.event
    def toggle_column(self, key: str, shown: bool):
        keys = [c.key for c in self.col_choices if (c.shown and c.key != key) or (c.key == key and shown)]
        try:
            with unit_of_work() as session:
                self._set_columns(cf.save_columns(session, self.require_actor(), self._cf_record, keys))
        except DomainError as err:
            return rx.toast.error(err.message)
        return type(self).search
