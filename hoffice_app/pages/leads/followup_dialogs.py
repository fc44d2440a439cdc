"""Schedule, complete and reschedule follow-ups (shared by the lead page and /follow-ups).
Completing asks for the outcome and can schedule the next one in the same step. Rescheduling
sends back the due time the dialog showed, so a move someone made meanwhile is not overwritten:
the dialog then says so next to the field and takes that time as read, and a second click
moves it anyway."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import masters
from hoffice_app.domain.common import DomainError, Option, ValidationError
from hoffice_app.domain.followups import MovedMeanwhile, reschedule
from hoffice_app.domain.followups import service as followups
from hoffice_app.domain.org import employees

KIND_OPTIONS = [Option(k, label) for k, label in
                (("call", "Call"), ("meeting", "Meeting"), ("email", "E-mail"), ("visit", "Visit"),
                 ("whatsapp", "WhatsApp"))]


class FollowUpDialogs(rx.State, mixin=True):
    """A mixin (vars and handlers copied into each page state that uses it), so
    that ``_refresh`` reloads the page the dialog was opened on."""

    people: list[Option] = []
    kind_options: list[Option] = KIND_OPTIONS
    reminder_options: list[Option] = followups.reminder_options()
    schedule_open: bool = False
    schedule_lead_id: int = 0
    plan: dict[str, str] = {}
    plan_errors: dict[str, str] = {}
    complete_open: bool = False
    complete_id: int = 0
    complete_title: str = ""
    outcome: str = ""
    with_next: bool = True
    next_plan: dict[str, str] = {}
    reschedule_open: bool = False
    reschedule_id: int = 0
    reschedule_title: str = ""
    reschedule_due: str = ""
    reschedule_read: str = ""  # the due time the dialog showed ("YYYY-MM-DDTHH:MM")
    reschedule_error: str = ""
    zone_hint: str = ""

    def load_people(self, session, actor) -> None:
        self.people = employees.employee_options(session, actor)
        self.zone_hint = f"Company time ({masters.get(session, 'default_timezone')})"

    def _refresh(self, session, actor) -> None:  # pages override to reload what they show
        pass

    @rx.event
    def start_schedule(self, lead_id: int):
        self.schedule_lead_id, self.plan, self.plan_errors, self.schedule_open = lead_id, {"kind": "call"}, {}, True

    @rx.event
    def set_schedule_open(self, value: bool):
        self.schedule_open = value

    @rx.event
    def set_plan(self, key: str, value: str):
        self.plan = self.plan | {key: value}

    @rx.event
    def schedule(self):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                view = followups.schedule(session, actor, self.schedule_lead_id, dict(self.plan), now=utcnow())
                self._refresh(session, actor)
        except ValidationError as err:
            self.plan_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.schedule_open = False
        return rx.toast.success(f"{view.kind_label} planned for {view.due}.")

    @rx.event
    def start_complete(self, follow_up_id: int, title: str):
        self.complete_id, self.complete_title, self.outcome = follow_up_id, title, ""
        self.with_next, self.next_plan, self.plan_errors, self.complete_open = True, {"kind": "call"}, {}, True

    @rx.event
    def set_complete_open(self, value: bool):
        self.complete_open = value

    @rx.event
    def set_outcome(self, value: str):
        self.outcome = value

    @rx.event
    def set_with_next(self, value: bool):
        self.with_next = value

    @rx.event
    def set_next(self, key: str, value: str):
        self.next_plan = self.next_plan | {key: value}

    @rx.event
    def complete(self):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                nxt = followups.complete(session, actor, self.complete_id, self.outcome,
                                         dict(self.next_plan) if self.with_next else None, now=utcnow())
                self._refresh(session, actor)
        except ValidationError as err:
            self.plan_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.complete_open = False
        return rx.toast.success(f"Done. Next: {nxt.kind_label} on {nxt.due}." if nxt else "Follow-up completed.")

    @rx.event
    def start_reschedule(self, follow_up_id: int, title: str, due_iso: str):
        self.reschedule_id, self.reschedule_title, self.reschedule_error = follow_up_id, title, ""
        self.reschedule_due = self.reschedule_read = due_iso
        self.reschedule_open = True

    @rx.event
    def set_reschedule_open(self, value: bool):
        self.reschedule_open = value

    @rx.event
    def set_reschedule_due(self, value: str):
        self.reschedule_due = value

    @rx.event
    def reschedule(self):
        actor = self.require_actor()
        try:
            with unit_of_work() as session:
                view = reschedule(session, actor, self.reschedule_id, self.reschedule_due, now=utcnow(),
                                  expected_due=self.reschedule_read)
                self._refresh(session, actor)
        except MovedMeanwhile as err:
            self.reschedule_error, self.reschedule_read = err.errors["due_at"], err.due_iso
            with unit_of_work() as session:
                self._refresh(session, actor)
            return
        except ValidationError as err:
            self.reschedule_error = err.errors.get("due_at", err.message)
            return
        except DomainError as err:  # done, or hidden from them, meanwhile
            self.reschedule_open = False
            with unit_of_work() as session:
                self._refresh(session, actor)
            return rx.toast.error(err.message)
        self.reschedule_open = False
        return rx.toast.success(f"{view.kind_label} moved to {view.due}.")
