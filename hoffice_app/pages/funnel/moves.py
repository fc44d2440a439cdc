"""Moving cards on the board: drag and drop, the keyboard-reachable "Move to
stage" menu, the lost-reason question, the moved-meanwhile message and the
toast that confirms a move with "Undo" (the same move back, version-checked).

A mixin (its vars and handlers are copied into BoardState), so the handlers
run on the board's own state. What a drag or an open menu needs to remember
is backend-only: picking up a card sends nothing back to the browser.
"""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import funnel
from hoffice_app.domain.common import DomainError, NotFound, Option, ValidationError
from hoffice_app.domain.funnel import moves as pipeline

UNDO_SECONDS = 8  # how long a move's "Undo" stays offered


class BoardMoves(rx.State, mixin=True):
    lost_open: bool = False
    lost_reasons: list[Option] = []
    lost_reason: str = ""
    lost_error: str = ""
    _dragging: tuple[int, int] = (0, 0)  # lead id, version
    _pending: tuple[int, int, int] = (0, 0, 0)  # lead id, version, stage id

    @rx.event
    def drag_start(self, lead_id: str, version: str):
        self._dragging = (int(lead_id), int(version))

    @rx.event
    def drop(self, stage_id: int):
        lead_id, version = self._dragging
        self._dragging = (0, 0)
        if lead_id:
            return self._move(lead_id, version, stage_id)

    @rx.event
    def pause_live(self, paused: bool):
        """While a card's "Move to stage" list has the focus the live refresh
        waits, so the board does not shift under the user's hand."""
        self._paused = bool(paused)

    @rx.event
    def move_card(self, lead_id: str, version: str, stage_id: str):
        """The "Move to stage" list of a card (keyboard or mouse)."""
        if stage_id:
            return self._move(int(lead_id), int(version), int(stage_id))

    def _move(self, lead_id: int, version: int, stage_id: int, reason: str = ""):
        kind = next((h.kind for h in self.heads if h.stage_id == stage_id), "")
        if kind == "lost" and not reason:
            self._pending = (lead_id, version, stage_id)
            self.lost_reason, self.lost_error, self.lost_open = "", "", True
            return
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                _lead, news, undo = funnel.move_undoably(session, actor, lead_id, stage_id,
                                                         expected_version=version, now=utcnow(),
                                                         lost_reason_id=reason or None)
        except pipeline.MovedMeanwhile as err:
            self._reload()
            return rx.toast.warning(err.message)
        except ValidationError as err:
            if "lost_reason_id" in err.errors:
                self.lost_error = err.errors["lost_reason_id"]
                return
            return rx.toast.error(err.message)
        except (NotFound, DomainError) as err:
            return rx.toast.error(err.message)
        self.lost_open = False
        if news is None:
            self._reload()
        else:  # the board places the card as every other open board does: no second read of the board
            self._apply_move(news.data)
        if undo is not None:
            back = type(self).undo_move(undo.lead_id, undo.version, undo.back_to, undo.lost_reason_id)
            return rx.toast.success(f"Moved {undo.code} to {undo.moved_to}", duration=UNDO_SECONDS * 1000,
                                    action={"label": "Undo", "on_click": back})

    @rx.event
    def undo_move(self, lead_id: int, version: int, back_to: int, lost_reason_id: int):
        """The toast's "Undo": the move back, refused if anyone changed the lead since."""
        try:
            with unit_of_work() as session:
                lead, news = funnel.undo_move(session, self.require_actor(), int(lead_id), version=int(version),
                                              back_to=int(back_to), lost_reason_id=int(lost_reason_id or 0),
                                              now=utcnow())
                code = lead.code
        except pipeline.MovedMeanwhile as err:
            self._reload()
            return rx.toast.warning(err.message)
        except (NotFound, DomainError) as err:
            return rx.toast.error(err.message)
        if news is None:
            self._reload()
        else:
            self._apply_move(news.data)
        stage = next((h.name for h in self.heads if h.stage_id == int(back_to)), "")
        return rx.toast.info(f"Moved {code} back to {stage}." if stage else f"Moved {code} back.")

    @rx.event
    def set_lost_open(self, value: bool):
        self.lost_open = bool(value)

    @rx.event
    def set_lost_reason(self, value: str):
        self.lost_reason = value

    @rx.event
    def confirm_lost(self):
        if not self.lost_reason:
            self.lost_error = self.say("Choose why the lead was lost.")
            return
        lead_id, version, stage_id = self._pending
        return self._move(lead_id, version, stage_id, self.lost_reason)
