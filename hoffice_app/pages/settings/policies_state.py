"""State of Settings → Revoke policies: the list (enable, order, delete), the form (new or edit,
carrying the version it read) and the preview of what is on the form. Thin: each handler is one
call to domain/policies, which checks the admin role again and every field."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import policies
from hoffice_app.domain.common import DomainError, Option, ValidationError, versions
from hoffice_app.pages.settings.state import SettingsState

# The form's scope pickers: the scope key each checkbox list fills.
SCOPE_FIELDS = {"funnel_ids": "sc_funnels", "stage_ids": "sc_stages", "source_kinds": "sc_kinds",
                "source_ids": "sc_sources", "lead_type_ids": "sc_types", "priority_ids": "sc_priorities",
                "division_ids": "sc_divisions"}


class PoliciesState(SettingsState):
    rows: list[policies.PolicyRow] = []
    form_open: bool = False
    editing_id: int = 0
    form: dict[str, str] = {}
    errors: dict[str, str] = {}
    conflict: str = ""
    sc_funnels: list[str] = []
    sc_stages: list[str] = []
    sc_kinds: list[str] = []
    sc_sources: list[str] = []
    sc_types: list[str] = []
    sc_priorities: list[str] = []
    sc_divisions: list[str] = []
    funnel_opts: list[Option] = []
    stage_opts: list[policies.StageChoice] = []
    kind_opts: list[Option] = []
    campaign_opts: list[Option] = []
    type_opts: list[Option] = []
    priority_opts: list[Option] = []
    division_opts: list[Option] = []
    rule_opts: list[Option] = []
    previewed: bool = False
    groups: list[policies.PreviewGroup] = []
    per_assignee: list[policies.AssigneeCount] = []
    preview_total: int = 0
    delete_open: bool = False
    delete_id: int = 0
    delete_name: str = ""
    delete_error: str = ""
    _version: int = 0

    @rx.var
    def threshold_label(self) -> str:
        condition = policies.CONDITIONS.get(self.form.get("condition", ""))
        return f"Threshold ({condition.unit if condition else 'hours'})"

    @rx.var
    def shown_stages(self) -> list[Option]:
        """Stages of the chosen funnels (of every funnel while none is chosen)."""
        return [Option(s.value, s.label) for s in self.stage_opts if not self.sc_funnels or s.funnel in
                self.sc_funnels]

    def _reload(self, session) -> None:
        self.rows = policies.policy_rows(session, self.admin_or_refuse())

    def _show(self, policy: policies.Policy | None) -> None:
        """The form filled with ``policy`` (blank for a new one), remembering the version it read."""
        self.editing_id = policy.id if policy else 0
        self._version = policy.version if policy else 0
        self.form = policies.form_values(policy) if policy else dict(policies.BLANK_FORM)
        scope = policies.scope_values(policy) if policy else {}
        for key, attr in SCOPE_FIELDS.items():
            setattr(self, attr, list(scope.get(key, [])))
        self.errors, self.previewed, self.groups, self.per_assignee = {}, False, [], []

    def _data(self) -> dict:
        return dict(self.form) | {"scope": {key: list(getattr(self, attr)) for key, attr in SCOPE_FIELDS.items()}}

    @rx.event
    def load(self):
        self.form_open = self.delete_open = False
        actor, redirect = self.open_section()
        if actor is None:
            self.rows = []
            return redirect
        with unit_of_work() as session:
            self._reload(session)
            c = policies.scope_choices(session, actor)
        self.funnel_opts, self.stage_opts, self.kind_opts, self.campaign_opts = (c.funnels, c.stages, c.source_kinds,
                                                                                 c.campaigns)
        self.type_opts, self.priority_opts, self.division_opts, self.rule_opts = (c.lead_types, c.priorities,
                                                                                  c.divisions, c.rules)

    @rx.event
    def start_new(self):
        self.conflict, self.form_open = "", True
        self._show(None)

    @rx.event
    def start_edit(self, policy_id: int):
        try:
            with unit_of_work() as session:
                found = policies.get_policy(session, self.admin_or_refuse(), policy_id)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.conflict, self.form_open = "", True
        self._show(found)

    @rx.event
    def close_form(self):
        self.form_open, self.previewed = False, False

    @rx.event
    def set_field(self, key: str, value: str):
        self.form = self.form | {key: value}
        self.previewed = False

    @rx.event
    def set_switch(self, on: bool):
        self.form = self.form | {"enabled": "1" if on else ""}

    @rx.event
    def toggle(self, key: str, value: str, on: bool):
        attr = SCOPE_FIELDS[key]
        chosen = [v for v in getattr(self, attr) if v != value] + ([value] if on else [])
        setattr(self, attr, chosen)
        if key == "funnel_ids" and chosen:  # a stage of a funnel no longer chosen goes with it
            keep = {s.value for s in self.stage_opts if s.funnel in chosen}
            self.sc_stages = [s for s in self.sc_stages if s in keep]
        self.previewed = False

    @rx.event
    def save(self):
        try:
            with unit_of_work() as session:
                saved = policies.save_policy(session, self.admin_or_refuse(), self._data(), now=utcnow(),
                                             policy_id=self.editing_id or None,
                                             expected_version=self._version if self.editing_id else None)
                self._reload(session)
        except versions.EditConflict as err:
            with unit_of_work() as session:
                self._reload(session)
                current = policies.get_policy(session, self.admin_or_refuse(), self.editing_id)
            self._show(current)
            self.conflict = err.message
            return rx.toast.error(err.message)
        except ValidationError as err:
            self.errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.form_open, self.conflict, self.errors = False, "", {}
        state = "enabled" if saved.enabled else "not enabled yet: preview it, then switch it on"
        return rx.toast.success(f"Saved the policy {saved.name} ({state}).")

    @rx.event
    def show_preview(self):
        try:
            with unit_of_work() as session:
                actor = self.admin_or_refuse()
                draft = policies.draft(session, actor, self._data(), policy_id=self.editing_id or None)
                shown = policies.preview_view(session, actor, draft, now=utcnow())
        except ValidationError as err:
            self.errors, self.previewed = err.errors, False
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.errors, self.previewed = {}, True
        self.groups, self.per_assignee, self.preview_total = shown.groups, shown.per_assignee, shown.total

    def _run(self, call, success: str = ""):
        try:
            with unit_of_work() as session:
                call(session, self.admin_or_refuse())
                self._reload(session)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success(success) if success else None

    @rx.event
    def switch_enabled(self, policy_id: int, on: bool):
        return self._run(lambda s, a: policies.set_enabled(s, a, policy_id, on, now=utcnow()),
                         "Enabled: it runs every minute." if on else self.say("Disabled: it no longer acts on leads."))

    @rx.event
    def move(self, policy_id: int, step: int):
        return self._run(lambda s, a: policies.move_policy(s, a, policy_id, step))

    @rx.event
    def ask_delete(self, policy_id: int, name: str):
        self.delete_id, self.delete_name, self.delete_error, self.delete_open = policy_id, name, "", True

    @rx.event
    def set_delete_open(self, value: bool):
        self.delete_open = value

    @rx.event
    def confirm_delete(self):
        try:
            with unit_of_work() as session:
                name = policies.delete_policy(session, self.admin_or_refuse(), self.delete_id)
                self._reload(session)
        except DomainError as err:
            self.delete_error = err.message
            return
        self.delete_open = False
        if self.editing_id == self.delete_id:
            self.form_open = False
        return rx.toast.success(f"Deleted the policy {name}.")
