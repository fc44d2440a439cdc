"""The lead list's "Revoke / re-assign…" (managers and administrators): the selected leads or
all matching the filter go back to the pool, to an employee or through an assignment rule,
with a reason; confirmed first; run in chunks of ``policies.CHUNK`` as a background event, each
chunk its own transaction, all of them one undoable revoke; then a note with the counts and Undo.
The domain checks the role and every value; this state only carries them."""
from __future__ import annotations

import functools

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import policies
from hoffice_app.domain.common import DomainError, Option, ValidationError
from hoffice_app.domain.leads import matching_ids
from hoffice_app.pages.leads import revoke_text
from hoffice_app.pages.leads.list_state import LeadListState

TARGETS = [("pool", "Back to the pool (unassigned)"), ("employee", "To an employee"),
           ("rule", "Through an assignment rule")]


def _matching(actor, query, now) -> list[int]:
    """Every id matching the list's filter, read a page of ``CHUNK`` at a time (one read)."""
    found, after = [], 0
    with unit_of_work() as session:
        while page := matching_ids(session, actor, query, now=now, after=after, limit=policies.CHUNK):
            found += page
            after = page[-1]
    return found


def _revoke_chunk(actor, ids, plan: dict, into):
    with unit_of_work() as session:
        return policies.revoke_selected(session, actor, ids, target=plan["target"],
                                        employee_id=plan["employee_id"] or None, rule_id=plan["rule_id"] or None,
                                        reason=plan["reason"], now=utcnow(), into=into)


def _undo(actor, revocation_id):
    with unit_of_work() as session:
        return policies.undo(session, actor, revocation_id, now=utcnow())


class LeadRevokeState(LeadListState):
    revoke_open: bool = False
    revoke_step: str = "form"  # form | confirm | running
    revoke_scope: str = "selected"  # selected | matching
    revoke_target: str = "pool"
    revoke_employee: str = ""
    revoke_rule: str = ""
    revoke_reason: str = ""
    revoke_errors: dict[str, str] = {}
    revoke_question: str = ""
    rule_choices: list[Option] = []
    progress_done: int = 0
    progress_total: int = 0
    result_note: str = ""
    result_id: int = 0
    undo_result: str = ""
    undo_running: bool = False

    @rx.var
    def can_revoke(self) -> bool:
        return self.user_role in ("admin", "manager")

    @rx.var
    def selected_text(self) -> str:
        return revoke_text.count(len(self.selected), self.lead_label.lower(), self.leads_label.lower())

    @rx.var
    def matching_text(self) -> str:
        return f"{self.total:,}"

    @rx.var
    def progress_percent(self) -> int:
        return int(100 * self.progress_done / self.progress_total) if self.progress_total else 0

    @rx.event
    def open_revoke(self, scope: str):
        try:
            with unit_of_work() as session:
                self.rule_choices = policies.rule_options(session, self.require_actor())
        except DomainError as err:
            return rx.toast.error(err.message)
        self.revoke_scope = "selected" if scope == "selected" and self.selected else "matching"
        self.revoke_step, self.revoke_target, self.revoke_employee, self.revoke_rule = "form", "pool", "", ""
        self.revoke_reason, self.revoke_errors, self.revoke_open = "", {}, True

    @rx.event
    def set_revoke_open(self, value: bool):
        if self.revoke_step != "running":  # a running revoke keeps its dialog (and its progress) open
            self.revoke_open = value

    @rx.event
    def set_revoke_scope(self, value: str):
        self.revoke_scope = value

    @rx.event
    def set_revoke_target(self, value: str):
        self.revoke_target, self.revoke_errors = value, {}

    @rx.event
    def set_revoke_employee(self, value: str):
        self.revoke_employee = value
        self.revoke_errors = {k: v for k, v in self.revoke_errors.items() if k != "employee_id"}

    @rx.event
    def set_revoke_rule(self, value: str):
        self.revoke_rule = value
        self.revoke_errors = {k: v for k, v in self.revoke_errors.items() if k != "rule_id"}

    @rx.event
    def set_revoke_reason(self, value: str):
        self.revoke_reason = value
        self.revoke_errors = {k: v for k, v in self.revoke_errors.items() if k != "reason"}

    def _plan(self) -> dict:
        return {"target": self.revoke_target, "employee_id": self.revoke_employee, "rule_id": self.revoke_rule,
                "reason": self.revoke_reason}

    @rx.event
    def review_revoke(self):
        """Check the choices (the domain's own checks, on no lead: nothing is written), then ask."""
        plan = self._plan()
        try:
            with unit_of_work() as session:
                policies.revoke_selected(session, self.require_actor(), [], target=plan["target"],
                                         employee_id=plan["employee_id"] or None, rule_id=plan["rule_id"] or None,
                                         reason=plan["reason"], now=utcnow())
        except ValidationError as err:
            self.revoke_errors = dict(err.errors)
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        n = len(self.selected) if self.revoke_scope == "selected" else self.total
        names = {o.value: o.label for o in self.employee_options} | {"rule:" + o.value: o.label
                                                                       for o in self.rule_choices}
        self.revoke_question = revoke_text.confirm_question(
            n, self.revoke_target, singular=self.lead_label, plural=self.leads_label,
            employee=names.get(self.revoke_employee, ""), rule=names.get("rule:" + self.revoke_rule, ""))
        self.revoke_step = "confirm"

    @rx.event
    def back_to_revoke_form(self):
        self.revoke_step = "form"

    @rx.event(background=True)
    async def run_revoke(self):
        async with self:
            if self.revoke_step != "confirm":
                return
            actor, plan, now = self.require_actor(), self._plan(), utcnow()
            selected, query = list(self.selected), self._query()
            scope = self.revoke_scope
            self.revoke_step, self.progress_done, self.progress_total = "running", 0, 0
        ids = selected if scope == "selected" else await rx.run_in_thread(
            functools.partial(_matching, actor, query, now))
        async with self:
            self.progress_total = len(ids)
        into, revoked, skipped = None, 0, 0
        try:
            for lo in range(0, len(ids), policies.CHUNK):
                done = await rx.run_in_thread(functools.partial(_revoke_chunk, actor, ids[lo:lo + policies.CHUNK],
                                                                plan, into))
                into = into or done.revocation_id
                revoked, skipped = revoked + len(done.revoked), skipped + len(done.skipped)
                async with self:
                    self.progress_done = min(len(ids), lo + policies.CHUNK)
        except DomainError as err:
            async with self:
                self.revoke_step = "confirm"
            return rx.toast.error(err.message)
        async with self:
            self.result_id, self.undo_result = into or 0, ""
            self.result_note = revoke_text.result_note(revoked, skipped, singular=self.lead_label,
                                                       plural=self.leads_label)
            self.revoke_open, self.revoke_step, self.selected = False, "form", []
        return LeadListState.search

    @rx.event(background=True)
    async def undo_revoke(self):
        async with self:
            if not self.result_id or self.undo_running:
                return
            actor, revocation_id, self.undo_running = self.require_actor(), self.result_id, True
        try:
            done = await rx.run_in_thread(functools.partial(_undo, actor, revocation_id))
        except DomainError as err:
            async with self:
                self.undo_running = False
            return rx.toast.error(err.message)
        async with self:
            note = revoke_text.undo_note(done.put_back, done.left, singular=self.lead_label, plural=self.leads_label)
            self.undo_result, self.result_id, self.result_note, self.undo_running = note, 0, "", False
        return [LeadListState.search, rx.toast.success(note)]

    @rx.event
    def dismiss_revoke_notes(self):
        self.result_note, self.undo_result, self.result_id = "", "", 0
