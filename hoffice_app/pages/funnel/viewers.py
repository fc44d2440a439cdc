"""This server process's open boards, fed by its one listener (domain/live).

Each open board's watch task joins here with the funnel it shows and its viewer's
employee id, and gets a queue. The listener's thread hands each piece of news to the
queues it concerns — a funnel's news to that funnel's boards, a session's news to its
employee's boards, "look again" (key None) to all — through their event loop. So the
database is read once per process per piece of news (or not at all, on PostgreSQL),
never once per open board.
"""
from __future__ import annotations

import asyncio
import itertools
import threading
from dataclasses import dataclass

from hoffice_app.db import get_engine
from hoffice_app.domain import live

_lock = threading.Lock()
_ids = itertools.count(1)


@dataclass(frozen=True)
class _Board:
    funnel_id: int
    employee_id: int
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue


_boards: dict[int, _Board] = {}
_listening: list[object] = []  # the listener these boards' subscriptions belong to


def join(funnel_id: int, employee_id: int) -> tuple[int, asyncio.Queue]:
    """A watch id and the queue the board's news arrives on (call from its event loop)."""
    listener = live.listener(get_engine())
    with _lock:
        if not _listening or _listening[0] is not listener:  # first board of this process (or a new engine)
            _listening[:] = [listener]
            listener.subscribe(live.FUNNEL, _funnel_news)
            listener.subscribe(live.SESSIONS, _session_news)
        board_id, queue = next(_ids), asyncio.Queue()
        _boards[board_id] = _Board(funnel_id, employee_id, asyncio.get_running_loop(), queue)
    return board_id, queue


def leave(board_id: int) -> None:
    with _lock:
        _boards.pop(board_id, None)


def open_boards() -> int:
    with _lock:
        return len(_boards)


def _hand(news: live.News, wanted) -> None:
    with _lock:
        targets = [(k, b) for k, b in _boards.items() if news.key is None or wanted(b)]
    for board_id, board in targets:
        try:
            board.loop.call_soon_threadsafe(board.queue.put_nowait, news)
        except RuntimeError:  # that board's event loop has closed: the board is gone
            leave(board_id)


def _funnel_news(news: live.News) -> None:
    _hand(news, lambda b: b.funnel_id == news.key)


def _session_news(news: live.News) -> None:
    _hand(news, lambda b: b.employee_id == news.key)
