"""A simulated user of the load test: one browser tab, the page it is on, and the actions
of the issue's mix, each timed from the first event sent until the browser would show the
result.

When an action is done is read from what the server sends, as the page would show it
(Reflex 0.10 sends no "done" marker, and nothing at all for an event that changes nothing):
- a page opened (on_load_internal): the root state's ``is_hydrated`` turning true, which
  Reflex sends after the page's on_load handlers ran — except where the rows come from a
  search the on_load handler chains after that (contact and lead lists): there, the rows;
- a contact search (set_text): the list's rows;
- a move (drag_start + drop, the board's own handlers, then a marker event, see MARKER): a
  toast before the marker's answer saying someone moved it meanwhile (a conflict, not an
  error) or anything else (an error); otherwise, once the card shows in its new column with
  a newer version, acknowledged. The move carries the version this tab last saw, from the
  board columns the server sent it, exactly as the browser's card does.
Any error toast, a redirect to /login, a closed socket or no answer within ACTION_TIMEOUT is
an error.
"""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from reflex.state import OnLoadInternalState, State
from reflex_base.utils.format import format_event_handler

from benchmarks._ws_client import Tab, TabClosed
from hoffice_app.pages.contacts.list_state import ContactListState
from hoffice_app.pages.funnel.rows import ID, VERSION
from hoffice_app.pages.funnel.state import BoardState
from hoffice_app.pages.leads.list_state import LeadListState

ACTION_TIMEOUT = 60.0
ROOT = State.get_full_name()
BOARD = BoardState.get_full_name()
CONTACTS = ContactListState.get_full_name()
LEADS = LeadListState.get_full_name()
ON_LOAD = format_event_handler(OnLoadInternalState.event_handlers["on_load_internal"])
DRAG_START = format_event_handler(BoardState.event_handlers["drag_start"])
DROP = format_event_handler(BoardState.event_handlers["drop"])
SET_TEXT = format_event_handler(ContactListState.event_handlers["set_text"])
# Sent after a drop: Reflex's own leaf handler that the page load ends with, which always answers
# (an assignment is sent even when equal) and runs after the drop (one queue per tab), so its
# answer says the drop's own answer, toast included, has arrived.
MARKER = format_event_handler(OnLoadInternalState.event_handlers["set_is_hydrated"])
HYDRATED, ROWS, HEADS = "is_hydrated_rx_state_", "rows_rx_state_", "heads_rx_state_"
MIX = {"open board": 25, "move card": 25, "search contacts": 20, "open lead": 15, "open lead list": 15}
WORDS = ("pat", "shah", "mehta", "desai", "joshi", "iyer", "nair", "reddy", "rao", "patil", "singh", "gupta",
         "rajesh", "priya", "neha", "amit", "kavita", "sunil", "textiles", "traders", "pharma", "steel", "agro",
         "infotech", "shree", "sai", "balaji", "krishna", "royal", "supreme", "galaxy", "metro")


@dataclass
class Sample:
    kind: str
    ms: float
    outcome: str  # ok | conflict | error
    done_at: float  # perf_counter when it ended
    why: str = ""


@dataclass
class Recorder:
    samples: list[Sample] = field(default_factory=list)
    acked_moves: list[tuple[int, int, int]] = field(default_factory=list)  # lead, to stage, actor
    pushes: int = 0  # board updates the server pushed unasked (other people's moves)

    def add(self, kind: str, started: float, outcome: str, ended: float, why: str = "") -> None:
        self.samples.append(Sample(kind, (ended - started) * 1000, outcome, ended, why))


def _toast(update: dict) -> str:
    """'conflict', 'error' or '' for the frontend events of one update."""
    for ev in update.get("events") or ():
        if ev.get("name") == "_redirect" and "/login" in str(ev.get("payload")):
            return "error"
        if ev.get("name") == "_call_function" and "__toast" in (text := str(ev.get("payload"))):
            return "conflict" if "meanwhile" in text else "error"
    return ""


class User:
    """One employee in one tab."""

    action_timeout = ACTION_TIMEOUT  # the quick run waits less for an overloaded server

    def __init__(self, employee_id: int, token: str, port: int, origin: str, funnel_id: int, recorder: Recorder,
                 rng: random.Random):
        self.employee_id, self.funnel_id, self.rec, self.rng = employee_id, funnel_id, recorder, rng
        self.tab = Tab(port, cookie=f"hoffice_session={token}", origin=origin, on_update=self._on_update)
        self.page = ""
        self.heads: list[dict] = []
        self.columns: dict[int, list[list[str]]] = {}
        self.watchers: list = []  # predicates of other tasks waiting on this tab (CPU-per-move viewers)
        self._waiting: tuple[asyncio.Future, object] | None = None
        self._last_word = ""

    # --- what the server sends ----------------------------------------------------------

    def _on_update(self, tab: Tab, update: dict, at: float) -> None:
        delta = update.get("delta") or {}
        board = delta.get(BOARD)
        if board:
            if HEADS in board:
                self.heads = board[HEADS]
            for key, value in board.items():
                if key.startswith("col_"):
                    self.columns[int(key[4:].split("_", 1)[0])] = value
            if self._waiting is None:
                self.rec.pushes += 1
        for watcher in list(self.watchers):
            watcher(self, at)
        if self._waiting is not None:
            future, decide = self._waiting
            outcome = decide(update, delta)
            if outcome and not future.done():
                future.set_result((outcome, at))

    def card(self, lead_id: int) -> tuple[int, int] | None:
        """(slot, version) of a lead on this tab's board, if shown."""
        for slot, rows in self.columns.items():
            for row in rows:
                if row[ID] == str(lead_id):
                    return slot, int(row[VERSION])
        return None

    # --- actions ------------------------------------------------------------------------

    async def _act(self, kind: str, sends: list[tuple[str, dict, str, dict | None]], done, decide=None) -> str:
        """Send ``sends`` and wait until ``done(delta)`` (or a toast) says the result is shown;
        ``decide(update, delta) -> outcome or ""`` replaces that rule where it is not enough."""
        future = asyncio.get_running_loop().create_future()
        self._waiting = (future, decide or (lambda update, delta: _toast(update) or ("ok" if done(delta) else "")))
        started = time.perf_counter()
        try:
            for name, payload, path, query in sends:
                await self.tab.emit(name, payload, path, query)
            outcome, ended = await asyncio.wait_for(future, self.action_timeout)
            why = "" if outcome == "ok" else "toast"
        except asyncio.TimeoutError:
            outcome, ended, why = "error", time.perf_counter(), f"no answer within {self.action_timeout:.0f} s"
        except (TabClosed, OSError) as err:
            outcome, ended, why = "error", time.perf_counter(), f"socket: {err}"
        finally:
            self._waiting = None
        if self.tab.closed and outcome == "ok":
            outcome, why = "error", self.tab.closed
        self.rec.add(kind, started, outcome, ended, why)
        return outcome

    async def connect(self) -> str:
        """Open the app on the board, as a browser opening the funnel does."""
        self.page = f"/funnel/{self.funnel_id}"
        future = asyncio.get_running_loop().create_future()
        self._waiting = (future, lambda update, d: "ok" if d.get(ROOT, {}).get(HYDRATED) is True else "")
        started = time.perf_counter()
        try:
            await self.tab.connect(self.page)
            outcome, ended = await asyncio.wait_for(future, self.action_timeout)
        except (asyncio.TimeoutError, TabClosed, OSError) as err:
            outcome, ended = "error", time.perf_counter()
            self.rec.add("connect", started, outcome, ended, str(err) or type(err).__name__)
            return outcome
        finally:
            self._waiting = None
        self.rec.add("connect", started, outcome, ended)
        return outcome

    async def open_page(self, kind: str, path: str, query: dict | None, done) -> str:
        self.page = path
        return await self._act(kind, [(ON_LOAD, {}, path, query)], done)

    async def open_board(self) -> str:
        return await self.open_page("open board", f"/funnel/{self.funnel_id}", {"funnel_id": str(self.funnel_id)},
                                    lambda d: d.get(ROOT, {}).get(HYDRATED) is True)

    async def open_lead(self) -> str:
        codes = [row[1] for rows in self.columns.values() for row in rows[:10]]
        if not codes:
            return await self.open_board()
        code = self.rng.choice(codes)
        return await self.open_page("open lead", f"/leads/{code}", {"lead_code": code},
                                    lambda d: d.get(ROOT, {}).get(HYDRATED) is True)

    async def open_lead_list(self) -> str:
        return await self.open_page("open lead list", "/leads", None, lambda d: ROWS in d.get(LEADS, {}))

    async def search_contacts(self) -> str:
        if self.page != "/contacts":
            if await self.open_page("open contacts", "/contacts", None, lambda d: ROWS in d.get(CONTACTS, {})) != "ok":
                return "error"
        word = self.rng.choice([w for w in WORDS if w != self._last_word])
        self._last_word = word
        return await self._act("search contacts", [(SET_TEXT, {"value": word}, "/contacts", None)],
                               lambda d: ROWS in d.get(CONTACTS, {}))

    def pick_move(self) -> tuple[int, int, int, int] | None:
        """(lead id, version seen, from stage, to stage): a card near the top of an open column,
        to the next open stage (or the previous one from the last)."""
        kinds = [h.get("kind") for h in self.heads]
        open_slots = [i for i, kind in enumerate(kinds) if kind == "open"]
        candidates = [i for i in open_slots if self.columns.get(i)]
        if len(open_slots) < 2 or not candidates:
            return None
        slot = self.rng.choice(candidates)
        row = self.rng.choice(self.columns[slot][:10])
        target = slot + 1 if slot + 1 in open_slots else slot - 1
        return int(row[ID]), int(row[VERSION]), self.heads[slot]["stage_id"], self.heads[target]["stage_id"]

    async def move_card(self) -> str:
        if not self.page.startswith("/funnel"):
            if await self.open_board() != "ok":
                return "error"
        picked = self.pick_move()
        if picked is None:
            return "skipped"
        lead_id, version, _from_stage, to_stage = picked
        target_slot = next(i for i, h in enumerate(self.heads) if h["stage_id"] == to_stage)
        seen = {"toast": "", "marker": False}

        def decide(update: dict, delta: dict) -> str:
            """A refused move re-sends the board (which may already show the card where this user
            wanted it: someone else put it there) BEFORE its toast, so nothing is decided until the
            marker sent after the drop comes back: by then the drop's toast, if any, has arrived."""
            seen["toast"] = seen["toast"] or _toast(update)
            seen["marker"] = seen["marker"] or delta.get(ROOT, {}).get(HYDRATED) is True
            if not seen["marker"]:
                return ""
            if seen["toast"]:
                return seen["toast"]
            card = self.card(lead_id)
            return "ok" if card and card[0] == target_slot and card[1] > version else ""

        path, query = f"/funnel/{self.funnel_id}", {"funnel_id": str(self.funnel_id)}
        outcome = await self._act("move card", [(DRAG_START, {"lead_id": str(lead_id), "version": str(version)},
                                                 path, query), (DROP, {"stage_id": to_stage}, path, query),
                                                (MARKER, {"value": True}, path, query)], None, decide)
        if outcome == "ok":
            self.rec.acked_moves.append((lead_id, to_stage, self.employee_id))
        return outcome

    async def act(self, kind: str) -> str:
        return await {"open board": self.open_board, "move card": self.move_card,
                      "search contacts": self.search_contacts, "open lead": self.open_lead,
                      "open lead list": self.open_lead_list}[kind]()

    async def run(self, stop: asyncio.Event, interval: tuple[float, float]) -> None:
        """Think, act, repeat until ``stop`` is set (the action under way is finished first)."""
        kinds, weights = list(MIX), list(MIX.values())
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), self.rng.uniform(*interval))
                return
            except asyncio.TimeoutError:
                pass
            if self.tab.closed:
                self.rec.add("connection", time.perf_counter(), "error", time.perf_counter(), self.tab.closed)
                return
            await self.act(self.rng.choices(kinds, weights)[0])

    async def leave(self) -> None:
        """Off the board, then close the tab: a navigation ends the board's live refresh on the
        server at once (Reflex cancels the page's on_load chain, the watch included, on a newer
        navigation or a disconnect), so the next phase starts without this one's boards."""
        if not self.tab.closed:
            try:
                await self.tab.emit(ON_LOAD, {}, "/login", None)
                await asyncio.sleep(0.05)
            except (TabClosed, OSError):
                pass
        await self.tab.close()
