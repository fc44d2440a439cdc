"""The lead page's "Move to another funnel": a button and its dialog (the funnel, then the
stage of that funnel, and the lost reason when the stage is a lost one).

A state of its own, so the lead page's state stays as it is: the dialog reads the lead by the
page's code when it opens, and the move carries the version it read then
(domain/funnel/transfer.py refuses it, changing nothing, when the lead changed meanwhile; the
dialog then shows where the lead is now and stays open). After a move the page reloads, so its
details and timeline show the move. The button shows only when there is another active funnel.
"""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import choice, edit_conflict
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import funnel
from hoffice_app.domain.common import DomainError, NotFound, Option, ValidationError
from hoffice_app.domain.masters import entries as masters
from hoffice_app.pages.leads.detail_state import LeadDetailState
from hoffice_app.state.auth import AuthState


class FunnelMoveState(AuthState):
    move_available: bool = False
    move_open: bool = False
    where: str = ""  # "Sales Funnel · Contacted"
    target_funnels: list[Option] = []
    stages_by_funnel: dict[str, list[Option]] = {}
    lost_stage_ids: list[str] = []
    lost_reason_options: list[Option] = []
    chosen_funnel: str = ""
    chosen_stage: str = ""
    chosen_reason: str = ""
    move_errors: dict[str, str] = {}
    refusal: str = ""  # the move was refused: the lead changed meanwhile
    _lead_id: int = 0
    _version: int = 0
    _first_open: dict[str, str] = {}

    @rx.var
    def target_stages(self) -> list[Option]:
        return self.stages_by_funnel.get(self.chosen_funnel, [])

    @rx.var
    def needs_reason(self) -> bool:
        return self.chosen_stage in self.lost_stage_ids

    def _code(self) -> str:
        return self.router.url.path.rstrip("/").split("/")[-1].upper()

    def _read(self, session, actor) -> None:
        """The dialog's choices and the version the move will carry, as the lead is now."""
        found = funnel.funnel_move_choices(session, actor, self._code())
        self._lead_id, self._version, self.where = found.lead_id, found.version, found.where
        self.target_funnels, self.stages_by_funnel = found.funnels, found.stages
        self.lost_stage_ids, self._first_open = found.lost, found.first_open
        self.move_available = bool(found.funnels)
        if self.chosen_funnel not in found.stages:
            self._choose(found.funnels[0].value if found.funnels else "")

    def _choose(self, funnel_id: str) -> None:
        self.chosen_funnel, self.chosen_stage, self.chosen_reason = funnel_id, self._first_open.get(funnel_id, ""), ""

    @rx.event
    def check_available(self):
        actor = self.current_actor()
        if actor is None:
            return
        try:
            with unit_of_work() as session:
                self.move_available = bool(funnel.funnel_move_choices(session, actor, self._code()).funnels)
        except NotFound:
            self.move_available = False

    @rx.event
    def open_move(self):
        self.move_errors, self.refusal, self.chosen_funnel = {}, "", ""
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                self._read(session, actor)
                self.lost_reason_options = masters.options(session, actor, "lost_reason")
        except DomainError as err:
            return rx.toast.error(err.message)
        self.move_open = True

    @rx.event
    def set_move_open(self, value: bool):
        self.move_open = value

    @rx.event
    def pick_target(self, value: str):
        self._choose(value)
        self.move_errors = {}

    @rx.event
    def pick_stage(self, value: str):
        self.chosen_stage, self.move_errors = value, {}

    @rx.event
    def pick_reason(self, value: str):
        self.chosen_reason, self.move_errors = value, self.move_errors | {"lost_reason_id": ""}

    @rx.event
    def confirm_move(self):
        try:
            with unit_of_work() as session:
                funnel.move_to_funnel(session, self.require_actor(), self._lead_id, self.chosen_stage,
                                      expected_version=self._version, now=utcnow(),
                                      lost_reason_id=self.chosen_reason or None)
        except funnel.FunnelChangedMeanwhile as err:
            self.refusal, self.move_errors = err.message, {}
            with unit_of_work() as session:
                self._read(session, self.require_actor())
            return [rx.toast.error(self.say("Not moved: the lead changed meanwhile.")), LeadDetailState.load]
        except ValidationError as err:
            self.move_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        name = next((o.label for o in self.target_funnels if o.value == self.chosen_funnel), "")
        stage = next((o.label for o in self.target_stages if o.value == self.chosen_stage), "")
        self.move_open, self.refusal = False, ""
        return [rx.toast.success(f"Moved to {name} · {stage}."), LeadDetailState.load]


S = FunnelMoveState


def _dialog() -> rx.Component:
    fields = rx.vstack(
        edit_conflict(S.refusal),
        rx.text("Now in ", rx.text.strong(S.where), say(". The lead's time in its new stage starts now; its timeline "
                                                   "keeps where it came from."), size="2"),
        choice("Funnel", "move-funnel", S.target_funnels, S.chosen_funnel, S.pick_target,
               S.move_errors.get("funnel", ""), clearable=False),
        choice("Stage", "move-stage", S.target_stages, S.chosen_stage, S.pick_stage,
               S.move_errors.get("stage", ""), clearable=False),
        rx.cond(S.needs_reason, choice("Lost reason", "move-lost-reason", S.lost_reason_options, S.chosen_reason,
                                       S.pick_reason, S.move_errors.get("lost_reason_id", ""), clearable=False)),
        rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                  rx.button("Move", type="submit"), justify="end", width="100%"),
        spacing="3", width="100%")
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Move to another funnel"),
        rx.form(fields, on_submit=lambda _: S.confirm_move(), no_validate=True), max_width="28rem"),
        open=S.move_open, on_open_change=S.set_move_open)


def funnel_move() -> rx.Component:
    """The button (when another active funnel exists) and its dialog, for the lead page's header."""
    return rx.box(
        rx.cond(S.move_available, rx.button(rx.icon("arrow-right-left", size=14), "Move to another funnel",
                                            variant="soft", on_click=S.open_move)),
        _dialog(), on_mount=S.check_available, display="contents")
