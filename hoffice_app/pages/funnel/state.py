"""State of /funnel/<id>: the board, its filters, "load more" per column, and
the live board. Moves (drag and drop, the "Move to stage" menu, the
lost-reason question) live in moves.py; applying news of others' moves in news.py.

Each column's cards are a var of their own (``col_0``, ``col_1`` …, one per
stage slot up to MAX_STAGES, cards as compact rows: see rows.py) and the headers are one small
list, so a move re-sends only the two columns it touched and the headers,
never the whole board: a slot is assigned only when its cards changed.
"""
from __future__ import annotations

import asyncio
import functools
import time

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.filters import ANY
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain import live
from hoffice_app.domain.common import Option, as_id
from hoffice_app.domain.funnel import (
    MAX_STAGES,
    BoardFilter,
    ColumnHead,
    Viewer,
    board,
    board_totals,
    card_for,
    heads,
    viewer,
)
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.org import employees
from hoffice_app.pages.funnel import viewers
from hoffice_app.pages.funnel.moves import BoardMoves
from hoffice_app.pages.funnel.news import BoardNews
from hoffice_app.pages.funnel.rows import card_rows
from hoffice_app.state.auth import AuthState, actor_of_token
from hoffice_app.state.custom_filters import CfChoice

WATCH_SECONDS = 60 * 60  # a board left open stays live for an hour; opening it again restarts the watch
# Ended sessions are announced (news "sessions"): the board checks at once. Without news
# (a session that timed out) it checks this often, without counting as activity.
SESSION_RECHECK_SECONDS = 60
REFRESH_GAP_SECONDS = 1.0  # refreshes from the database: at most one per board per second
SLOTS = tuple(f"col_{i}" for i in range(MAX_STAGES))
FILTER_KEYS = ("assigned_to_id", "priority_id", "product_id", "source_kind")


def _funnels_with_open(actor) -> list[Option]:
    with unit_of_work() as session:
        return board.funnels_with_open(session, actor)


class BoardState(BoardNews, BoardMoves, AuthState):
    funnel_id: int = 0
    funnel_options: list[Option] = []
    heads: list[ColumnHead] = []
    # One var per column slot, col_0 … col_{MAX_STAGES - 1}: a move re-sends only the columns it touched.
    # (The class body is a plain namespace: its __annotations__ and vars() take the new names; the
    # annotation is a string, as every annotation in this module is under `from __future__ import annotations`.)
    for _slot in SLOTS:
        __annotations__[_slot] = "list[list[str]]"
        vars()[_slot] = []
    del _slot
    not_found: str = ""
    filters: dict[str, str] = {}
    mine: bool = False
    following: bool = False
    assignee_options: list[Option] = []
    priority_options: list[Option] = []
    product_options: list[Option] = []
    select_fields: list[CfChoice] = []  # the leads' active select fields: a drop-down each ("cf_<key>" filters)
    _stage_ids: list[int] = []
    _shown: dict[int, int] = {}
    _watch_token: int = 0
    _paused: bool = False  # a card's "Move to stage" list has the focus

    @rx.var
    def active_filters(self) -> int:
        return sum(1 for v in self.filters.values() if v and v != ANY) + int(self.mine) + int(self.following)

    def _filter(self) -> BoardFilter:
        values = {k: ("" if v == ANY else v) for k, v in self.filters.items() if k in FILTER_KEYS}
        custom = [cf.CustomFilter(field=k[3:], op="any_of", value=v) for k, v in sorted(self.filters.items())
                  if k.startswith("cf_") and v and v != ANY]
        return BoardFilter(mine=self.mine, following=self.following, custom=cf.encode_filters(custom), **values)

    def _refresh(self, session, actor) -> None:
        """Reload heads and every column, assigning only what changed."""
        self._viewer, self._currency = viewer(session, actor), app_settings.get(session, "default_currency")
        self._totals, cards = board_totals(session, actor, self.funnel_id, self._filter(), now=utcnow(),
                                           shown=self._shown)
        fresh = heads(self._totals, self._currency)
        self._stage_ids = [h.stage_id for h in fresh]
        if self.heads != fresh:
            self.heads = fresh
        for i, slot in enumerate(SLOTS):
            fresh = card_rows(cards[i]) if i < len(cards) else []
            if getattr(self, slot) != fresh:
                setattr(self, slot, fresh)

    @rx.event
    def load(self):
        self.not_found, self._paused = "", False
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self.funnel_options = board.funnels(session, actor)  # the names first; count_open adds the counts
            wanted = as_id(self.router.url.path.rstrip("/").split("/")[-1])
            ids = [int(o.value) for o in self.funnel_options]
            if wanted is None and ids:
                # /funnel shows the first funnel in place: a redirect answered after the user had
                # already clicked elsewhere would pull them back to the board.
                wanted = ids[0]
            if wanted not in ids:
                self.not_found, self.heads = "No such funnel, or it was switched off.", []
                return
            if wanted != self.funnel_id:
                self.funnel_id, self._shown = wanted, {}
            self.priority_options = masters.options(session, actor, "lead_priority")
            self.product_options = masters.options(session, actor, "product")
            self.assignee_options = employees.employee_options(session, actor)
            self.select_fields = [CfChoice(key=f.key, label=f.label, kind=f.kind,
                                           options=[Option(value=v, label=t) for v, t in f.options])
                                  for f in cf.filter_fields(session, "lead") if f.kind in cf.WITH_OPTIONS]
            self.lost_reasons = masters.options(session, actor, "lost_reason")
            self._refresh(session, actor)
        self._watch_token += 1
        counts = [BoardState.count_open] if len(self.funnel_options) > 1 else []  # no picker, nothing to count
        return [self.document_title("Funnel"), BoardState.watch(self._watch_token), *counts]

    @rx.event(background=True)
    async def count_open(self):
        """The picker's open leads per funnel as this viewer may see them ("Sales (1,204 open)"),
        counted in a thread after the board shows: one GROUP BY over every lead (~35-80 ms at
        100,000 leads) would otherwise hold the board's first paint and the event loop."""
        async with self:
            actor = self.current_actor()
        if actor is None:
            return
        counted = await rx.run_in_thread(functools.partial(_funnels_with_open, actor))
        async with self:
            if [o.value for o in counted] == [o.value for o in self.funnel_options]:
                self.funnel_options = counted

    def _reload(self):
        with unit_of_work() as session:
            self._refresh(session, self.require_actor())

    @rx.event
    def pick_funnel(self, value: str):
        return rx.redirect(routes.funnel(value))

    @rx.event
    def set_filter(self, key: str, value: str):
        self.filters = self.filters | {key: value}
        self._shown = {}
        self._reload()

    @rx.event
    def set_mine(self, value: bool):
        self.mine, self._shown = bool(value), {}
        self._reload()

    @rx.event
    def set_following(self, value: bool):
        self.following, self._shown = bool(value), {}
        self._reload()

    @rx.event
    def clear_filters(self):
        self.filters, self.mine, self.following, self._shown = {}, False, False, {}
        self._reload()

    @rx.event
    def load_more(self, slot: int):
        """The next page of one column, appended: only that column travels."""
        if not 0 <= slot < len(self._stage_ids):
            return
        stage_id, name = self._stage_ids[slot], SLOTS[slot]
        loaded = list(getattr(self, name))
        count = next((h.count for h in self.heads if h.stage_id == stage_id), None)
        with unit_of_work() as session:
            more = board.more_cards(session, self.require_actor(), stage_id, self._filter(), now=utcnow(),
                                    offset=len(loaded), matches=count)
        setattr(self, name, loaded + card_rows(more))
        self._shown = self._shown | {stage_id: len(loaded) + len(more)}

    @rx.event(background=True)
    async def watch(self, token: int):
        """Live board: waits for news from this process's listener (viewers.py) — no
        query while nothing happens, and none per board for a move (news.py applies it).
        Other changes to the funnel's leads refresh the board from the database, at most
        once a second however many arrive. News that an employee's sessions ended makes
        the board check its own at once and send the viewer to /login; a session that
        timed out is noticed within SESSION_RECHECK_SECONDS. Ends when the viewer leaves
        the board or opens it again."""
        async with self:
            actor = self.current_actor()
            if actor is None or token != self._watch_token:
                return
            funnel_id, who = self.funnel_id, self._viewer
        board_id, queue = viewers.join(funnel_id, actor.id)
        try:
            return await self._follow(token, queue, who)
        finally:
            viewers.leave(board_id)

    async def _follow(self, token: int, queue: asyncio.Queue, who: Viewer | None):
        ends = time.monotonic() + WATCH_SECONDS
        recheck = time.monotonic() + SESSION_RECHECK_SECONDS
        refreshed, stale = 0.0, False
        while (now := time.monotonic()) < ends:
            wait = min(recheck, refreshed + REFRESH_GAP_SECONDS if stale else ends) - now
            batch = []
            try:
                batch.append(await asyncio.wait_for(queue.get(), timeout=max(wait, 0.01)))
                while not queue.empty():
                    batch.append(queue.get_nowait())
            except asyncio.TimeoutError:
                pass
            # A move of a lead this viewer may not see is dropped here, before taking the tab's
            # state (its lock, and with Redis a read and write of it): most moves concern
            # few of the open boards, and those others pay nothing for them.
            batch = [news for news in batch if not (who and news.topic == live.FUNNEL and news.data
                                                    and card_for(news.data, who, BoardFilter()) is None)]
            check = any(news.topic == live.SESSIONS for news in batch) or time.monotonic() >= recheck
            if not batch and not check and not stale:
                continue
            async with self:
                if token != self._watch_token or not self.router.url.path.startswith(routes.FUNNEL):
                    return
                busy, cookie = self._paused or self.lost_open, self.session_token()
                for news in batch:
                    if news.topic != live.FUNNEL:
                        continue
                    if news.data is None or busy:
                        stale = True  # while a card's menu is open the board must not shift
                    else:
                        self._apply_move(news.data)
                if stale and not busy and time.monotonic() - refreshed >= REFRESH_GAP_SECONDS:
                    actor = self.current_actor()
                    if actor is None:
                        return AuthState.session_ended
                    with unit_of_work() as session:
                        self._refresh(session, actor)
                    refreshed, stale = time.monotonic(), False
            if check:
                recheck = time.monotonic() + SESSION_RECHECK_SECONDS
                if await rx.run_in_thread(functools.partial(actor_of_token, cookie, touch=False)) is None:
                    return AuthState.session_ended
