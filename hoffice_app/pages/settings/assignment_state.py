"""State of Settings → Assignment rules: the ordered rules, the add/edit dialog and the delete
confirmation. Thin: each handler is one call to domain/assignment, which checks the admin role
again and names each problem by its field."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import assignment
from hoffice_app.domain.common import DomainError, Option, ValidationError, versions
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.org import employee_options
from hoffice_app.pages.settings.state import SettingsState

TEXTS = ("name", "method", "cap", "source_kind", "cities", "states")
LISTS = ("member_ids", "source_ids", "product_category_ids", "lead_type_ids", "division_ids")
BLANK = {"name": "", "method": "round_robin", "cap": "", "source_kind": "", "cities": "", "states": ""}
NONE = "__none__"  # the "no source" item of the select (Radix items cannot hold "")


class AssignmentState(SettingsState):
    rules: list[assignment.RuleView] = []
    employees: list[Option] = []
    campaigns: list[Option] = []
    categories: list[Option] = []
    lead_types: list[Option] = []
    divisions: list[Option] = []
    form_open: bool = False
    form_id: int = 0
    form: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    weights: dict[str, str] = {}
    enabled: bool = True
    fallback: bool = False
    errors: dict[str, str] = {}
    conflict: str = ""
    _version: int = 0
    delete_open: bool = False
    delete_id: int = 0
    delete_name: str = ""
    delete_error: str = ""

    def _reload(self, session) -> None:
        actor = self.admin_or_refuse()
        self.rules = assignment.list_rules(session, actor)
        self.employees = employee_options(session, actor)
        self.campaigns = masters.options(session, actor, "campaign")
        self.categories = masters.options(session, actor, "product_category")
        self.lead_types = masters.options(session, actor, "lead_type")
        self.divisions = masters.options(session, actor, "division")

    @rx.event
    def load(self):
        self.form_open = self.delete_open = False
        actor, redirect = self.open_section()
        if actor is None:
            self.rules = []
            return redirect
        with unit_of_work() as session:
            self._reload(session)

    def _run(self, call, success: str = ""):
        try:
            with unit_of_work() as session:
                call(session, self.admin_or_refuse())
                self._reload(session)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success(success) if success else None

    @rx.event
    def move(self, rule_id: int, step: int):
        return self._run(lambda s, a: assignment.move_rule(s, a, rule_id, step))

    def _show(self, values: dict) -> None:
        self.form = {k: str(values.get(k) or "") for k in TEXTS}
        self.lists = {k: list(values.get(k) or []) for k in LISTS}
        self.weights = dict(values.get("weights") or {})
        self.enabled, self.fallback = bool(values.get("enabled", True)), bool(values.get("is_fallback"))
        self._version = int(values.get("version") or 0)

    @rx.event
    def start(self, rule_id: int):
        """Opens the dialog: a new rule (0) or an existing one, as the list shows it."""
        self._open(rule_id)

    def _open(self, rule_id: int) -> None:
        found = next((r for r in self.rules if r.id == rule_id), None)
        self.form_id, self.errors, self.conflict = (found.id if found else 0), {}, ""
        self._show(assignment.form_values(found) if found else BLANK)
        self.form_open = True

    @rx.event
    def set_form_open(self, value: bool):
        self.form_open = value

    @rx.event
    def set_text(self, field: str, value: str):
        if field in TEXTS:
            self.form = self.form | {field: "" if value == NONE else value}
            self.errors = {k: v for k, v in self.errors.items() if k != field}  # answered: the message goes
            if field == "source_kind":
                self.lists = self.lists | {"source_ids": []}  # the entries belong to the old source

    @rx.event
    def toggle(self, field: str, value: str, checked: bool):
        rest = [v for v in self.lists.get(field, []) if v != value]
        self.lists = self.lists | {field: rest + [value] if checked else rest}

    @rx.event
    def set_weight(self, employee_id: str, value: str):
        self.weights = self.weights | {employee_id: value}

    @rx.event
    def set_enabled(self, value: bool):
        self.enabled = value

    @rx.event
    def set_fallback(self, value: bool):
        self.fallback = value

    def _data(self) -> dict:
        f, lists = self.form, self.lists
        conditions = {k: lists.get(k, []) for k in LISTS[1:]} | {
            "source_kind": f.get("source_kind", ""), "cities": f.get("cities", ""), "states": f.get("states", "")}
        members = [{"id": i, "weight": self.weights.get(i, "1") if f.get("method") == "weighted" else 1}
                   for i in lists.get("member_ids", [])]
        return {"name": f.get("name", ""), "method": f.get("method", ""), "cap": f.get("cap", ""),
                "enabled": self.enabled, "is_fallback": self.fallback, "members": members, "conditions": conditions}

    @rx.event
    def save(self):
        try:
            with unit_of_work() as session:
                view = assignment.save_rule(session, self.admin_or_refuse(), self._data(),
                                            rule_id=self.form_id or None,
                                            expected_version=self._version or None, now=utcnow())
                self._reload(session)
        except versions.EditConflict as err:
            with unit_of_work() as session:
                self._reload(session)
            self._open(self.form_id)
            self.conflict = err.message
            return rx.toast.error(err.message)
        except ValidationError as err:
            self.errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.form_open = False
        return rx.toast.success(f"Saved the rule {view.name}.")

    @rx.event
    def ask_delete(self, rule_id: int, name: str):
        self.delete_id, self.delete_name, self.delete_error, self.delete_open = rule_id, name, "", True

    @rx.event
    def set_delete_open(self, value: bool):
        self.delete_open = value

    @rx.event
    def confirm_delete(self):
        try:
            with unit_of_work() as session:
                assignment.delete_rule(session, self.admin_or_refuse(), self.delete_id)
                self._reload(session)
        except DomainError as err:
            self.delete_error = err.message
            return
        self.delete_open = False
        return rx.toast.success(f"Deleted the rule {self.delete_name}.")
