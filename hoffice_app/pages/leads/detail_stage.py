"""The lead page's "Stage" card and its "Move to stage" dialog.

The card says where the lead is: its funnel and stage, how long it has been there, when it
was won or lost and why. The dialog moves it with the board's own domain call
(funnel.move_lead): the version is the one read when the dialog opened, so a lead moved or
edited meanwhile is refused with who did it (the card then shows where it is now); a lost
stage asks for the reason beside its field. Its own state, beside the page's, so the card
and dialog stay in this file; after a move the page reloads its timeline.
"""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import field_error
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import funnel
from hoffice_app.domain.common import DomainError, NotFound, Option, ValidationError
from hoffice_app.pages.leads.detail_state import LeadDetailState
from hoffice_app.state.auth import AuthState

LOST_REASON = "Choose why the lead was lost."


class LeadStageState(AuthState):
    place_code: str = ""
    place_funnel: str = ""
    place_stage: str = ""
    place_kind: str = ""
    place_color: str = "gray"
    place_days: str = ""
    place_since: str = ""
    place_closed: str = ""
    place_reason: str = ""
    stage_choices: list[funnel.StageChoice] = []
    reason_choices: list[Option] = []
    move_open: bool = False
    move_to: str = ""
    move_reason: str = ""
    move_error: str = ""
    reason_error: str = ""
    move_conflict: str = ""
    place_stage_id: str = ""
    _version: int = 0
    _lead_id: int = 0

    @rx.var
    def move_to_lost(self) -> bool:
        return any(c.value == self.move_to and c.kind == "lost" for c in self.stage_choices)

    def _read(self, session, actor) -> None:
        p = funnel.lead_stage(session, actor, self.place_code, now=utcnow())
        self.place_funnel, self.place_stage, self.place_kind, self.place_color = p.funnel, p.stage, p.kind, p.color
        self.place_days, self.place_since, self.place_closed, self.place_reason = (p.days_text, p.since,
                                                                                   p.closed_on, p.lost_reason)
        self.stage_choices, self.reason_choices, self._version = p.choices, p.lost_reasons, p.version
        self._lead_id, self.place_stage_id = p.lead_id, p.stage_id

    @rx.event
    def load(self):
        """On the card's mount (once per lead: the card is keyed by the lead's code)."""
        self.move_open = False
        self.place_code = self.router.url.path.rstrip("/").split("/")[-1].upper()
        try:
            with unit_of_work() as session:
                self._read(session, self.require_actor())
        except DomainError:
            self.place_stage = self.place_funnel = ""  # the page itself says the lead is not found

    @rx.event
    def open_move(self):
        """Read the lead again, so the dialog starts from where it is now and with its version."""
        self.move_to, self.move_reason, self.move_error, self.reason_error, self.move_conflict = "", "", "", "", ""
        try:
            with unit_of_work() as session:
                self._read(session, self.require_actor())
        except DomainError as err:
            return rx.toast.error(err.message)
        self.move_open = True

    @rx.event
    def set_move_open(self, value: bool):
        self.move_open = bool(value)

    @rx.event
    def set_move_to(self, value: str):
        self.move_to, self.move_error = value, ""
        if not self.move_to_lost:
            self.move_reason, self.reason_error = "", ""

    @rx.event
    def set_move_reason(self, value: str):
        self.move_reason, self.reason_error = value, ""

    @rx.event
    def confirm_move(self):
        if not self.move_to:
            self.move_error = "Choose a stage."
            return
        if self.move_to_lost and not self.move_reason:
            self.reason_error = self.say(LOST_REASON)
            return
        self.move_conflict = ""
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                funnel.move_lead(session, actor, self._lead_id, self.move_to, expected_version=self._version,
                                 now=utcnow(), lost_reason_id=self.move_reason or None)
        except funnel.MovedMeanwhile as err:
            self.move_conflict, self.move_to, self.move_reason = err.message, "", ""
            with unit_of_work() as session:
                self._read(session, self.require_actor())
            return LeadDetailState.load
        except ValidationError as err:
            self.reason_error = err.errors.get("lost_reason_id", "")
            self.move_error = err.errors.get("stage", "" if self.reason_error else err.message)
            return
        except (NotFound, DomainError) as err:
            return rx.toast.error(err.message)
        with unit_of_work() as session:
            self._read(session, self.require_actor())
        self.move_open = False
        return [LeadDetailState.load, rx.toast.success(f"Moved to {self.place_stage}.")]


S = LeadStageState


def _kind_badge() -> rx.Component:
    return rx.badge(S.place_stage, color_scheme=S.place_color, variant="solid", size="2")


def _where() -> rx.Component:
    closed = rx.match(
        S.place_kind,
        ("won", rx.text("Won on ", rx.text.strong(S.place_closed), size="2")),
        ("lost", rx.vstack(rx.text("Lost on ", rx.text.strong(S.place_closed), size="2"),
                           rx.text("Reason: ", rx.text.strong(rx.cond(S.place_reason != "", S.place_reason, "—")),
                                   size="2"), spacing="1")),
        rx.fragment())
    return rx.vstack(
        rx.hstack(_kind_badge(), rx.text(S.place_funnel, size="2", color_scheme="gray"), align="center", wrap="wrap"),
        rx.cond((S.place_days != "") & (S.place_kind == "open"),  # a closed lead: the day it closed says it
                rx.text(S.place_days, " · since ", S.place_since, size="2")),
        rx.cond(S.place_closed != "", closed),
        spacing="2", width="100%")


def _move_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Move to stage"),
        rx.dialog.description(rx.cond(S.place_stage != "", rx.text("Now in ", rx.text.strong(S.place_stage), " · ",
                                                                    S.place_funnel), "Not in a stage yet."),
                              size="2"),
        rx.cond(S.move_conflict != "", rx.callout(S.move_conflict, icon="triangle-alert", color_scheme="amber",
                                                  role="alert", margin_top="0.75rem")),
        rx.vstack(
            rx.el.label("Stage", html_for="move-stage", style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
            rx.select.root(rx.select.trigger(placeholder="Choose a stage", id="move-stage", aria_label="Stage",
                                             width="100%"),
                           rx.select.content(rx.foreach(S.stage_choices, lambda c: rx.select.item(
                               c.label, value=c.value, disabled=c.value == S.place_stage_id))),
                           value=S.move_to, on_change=S.set_move_to),
            field_error(S.move_error),
            rx.cond(S.move_to_lost, rx.vstack(
                rx.el.label("Lost reason", html_for="move-reason",
                            style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
                rx.select.root(rx.select.trigger(placeholder="Why was it lost?", id="move-reason",
                                                 aria_label="Lost reason", width="100%"),
                               rx.select.content(rx.foreach(S.reason_choices, lambda o: rx.select.item(
                                   o.label, value=o.value))),
                               value=S.move_reason, on_change=S.set_move_reason),
                field_error(S.reason_error), spacing="1", width="100%")),
            spacing="1", width="100%", margin_top="0.75rem"),
        rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Move", on_click=S.confirm_move), justify="end", margin_top="1rem")),
        open=S.move_open, on_open_change=S.set_move_open)


def stage_card(card) -> rx.Component:
    """``card(title, *children)``: the page's own card frame. Keyed by the lead's code, so
    opening another lead's page mounts (and reads) it again."""
    body = rx.cond(
        S.place_funnel != "",
        rx.vstack(_where(), rx.button(rx.icon("columns-3", size=14), "Move to stage", variant="soft", size="2",
                                      on_click=S.open_move, disabled=S.stage_choices.length() == 0),
                  spacing="3", width="100%"),
        rx.text("Not in a funnel: it shows on no board.", size="2", color_scheme="gray"))
    return rx.box(card("Stage", body, _move_dialog()), on_mount=S.load, key=LeadDetailState.code, width="100%")
