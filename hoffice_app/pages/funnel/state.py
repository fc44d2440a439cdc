"""State of /funnel/<id>: the board, moves by drag and drop or the "Move to
stage" menu, the lost-reason question and the moved-meanwhile message."""
from __future__ import annotations

import asyncio

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import board, masters, pipeline
from hoffice_app.domain.board import Column
from hoffice_app.domain.errors import DomainError, NotFound, ValidationError
from hoffice_app.domain.parsing import as_id
from hoffice_app.domain.views import Option
from hoffice_app.state.auth import AuthState


WATCH_SECONDS = 60 * 60  # a board left open refreshes for an hour; opening it again restarts the watch


def _current_revision() -> int:
    with unit_of_work() as session:
        return pipeline.board_revision(session)


class BoardState(AuthState):
    funnel_id: int = 0
    funnel_options: list[Option] = []
    columns: list[Column] = []
    not_found: str = ""
    dragging_id: int = 0
    dragging_version: int = 0
    lost_open: bool = False
    lost_reasons: list[Option] = []
    lost_reason: str = ""
    lost_error: str = ""
    pending: dict[str, int] = {}
    revision: int = 0
    picked_id: int = 0
    picked_version: int = 0
    menu_open: bool = False
    _watch_token: int = 0

    def _reload(self, session, actor) -> None:
        self.revision = pipeline.board_revision(session)
        self.columns = board.board(session, actor, self.funnel_id, now=utcnow())

    @rx.event
    def load(self):
        self.not_found, self.lost_open = "", False
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self.funnel_options = board.funnels(session, actor)
            wanted = as_id(self.router.url.path.rstrip("/").split("/")[-1])
            ids = [int(o.value) for o in self.funnel_options]
            if wanted is None and ids:
                return rx.redirect(f"/funnel/{ids[0]}")
            if wanted not in ids:
                self.not_found, self.columns = "No such funnel.", []
                return
            self.funnel_id = wanted
            self.lost_reasons = masters.options(session, actor, "lost_reason")
            self._reload(session, actor)
        self._watch_token += 1
        return [self.document_title("Funnel"), BoardState.watch(self._watch_token)]

    @rx.event(background=True)
    async def watch(self, token: int):
        """Live board: once a second, a cheap look at the move counter; when
        someone moved a lead, reload this viewer's board (with their own
        visibility). Ends when the viewer leaves the board or opens it again."""
        for _ in range(WATCH_SECONDS):
            await asyncio.sleep(1)
            async with self:
                if token != self._watch_token or not self.router.url.path.startswith(routes.FUNNEL):
                    return
                if self.menu_open or self.lost_open:
                    continue
                seen = self.revision
            current = await rx.run_in_thread(_current_revision)
            if current != seen:
                async with self:
                    if token != self._watch_token:
                        return
                    actor = self.current_actor()
                    if actor is None:
                        return
                    with unit_of_work() as session:
                        self._reload(session, actor)

    @rx.event
    def drag_start(self, lead_id: int, version: int):
        self.dragging_id, self.dragging_version = lead_id, version

    @rx.event
    def drop(self, stage_id: int):
        if self.dragging_id:
            return self._move(self.dragging_id, self.dragging_version, stage_id)

    @rx.event
    def pick_card(self, lead_id: int, version: int, opened: bool):
        """The card whose "Move to stage" menu was opened (by mouse or keyboard).
        While a menu is open the live refresh waits, so the board does not
        shift under the user's hand."""
        self.menu_open = bool(opened)
        if opened:
            self.picked_id, self.picked_version = lead_id, version

    @rx.event
    def move_picked(self, stage_id: int):
        self.menu_open = False
        return self._move(self.picked_id, self.picked_version, stage_id)

    def _move(self, lead_id: int, version: int, stage_id: int, reason: str = ""):
        self.dragging_id = 0
        kind = next((c.kind for c in self.columns if c.stage_id == stage_id), "")
        if kind == "lost" and not reason:
            self.pending = {"lead_id": lead_id, "version": version, "stage_id": stage_id}
            self.lost_reason, self.lost_error, self.lost_open = "", "", True
            return
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                pipeline.move_lead(session, actor, lead_id, stage_id, expected_version=version, now=utcnow(),
                                   lost_reason_id=reason or None)
        except pipeline.MovedMeanwhile as err:
            with unit_of_work() as session:
                self._reload(session, self.require_actor())
            return rx.toast.warning(err.message)
        except ValidationError as err:
            if "lost_reason_id" in err.errors:
                self.lost_error = err.errors["lost_reason_id"]
                return
            return rx.toast.error(err.message)
        except (NotFound, DomainError) as err:
            return rx.toast.error(err.message)
        self.lost_open = False
        with unit_of_work() as session:
            self._reload(session, self.require_actor())

    @rx.event
    def set_lost_open(self, value: bool):
        self.lost_open = value

    @rx.event
    def set_lost_reason(self, value: str):
        self.lost_reason = value

    @rx.event
    def confirm_lost(self):
        if not self.lost_reason:
            self.lost_error = "Choose why the lead was lost."
            return
        p = self.pending
        return self._move(p.get("lead_id", 0), p.get("version", 0), p.get("stage_id", 0), self.lost_reason)
