"""This server process's open tabs that show a bell, fed by its one listener (domain/live).

Each tab's bell task joins with its employee id and its tab's token and gets a queue.
News for an employee's bell reaches only that employee's tabs on this process, so a
notification costs nothing to anyone else. A tab that joins again (a page change
mounts the bell again) ends its previous task by handing it ``None``.
"""
from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from hoffice_app.db import get_engine
from hoffice_app.domain import live

_lock = threading.Lock()


@dataclass(frozen=True)
class _Tab:
    employee_id: int
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue


_tabs: dict[str, _Tab] = {}  # the tab's client token → its bell task's queue
_listening: list[object] = []  # the listener these tabs' subscription belongs to


def join(employee_id: int, tab: str) -> asyncio.Queue:
    """The queue the tab's bell news arrives on (call from its event loop)."""
    listener = live.listener(get_engine())
    queue: asyncio.Queue = asyncio.Queue()
    with _lock:
        if not _listening or _listening[0] is not listener:  # first bell of this process (or a new engine)
            _listening[:] = [listener]
            listener.subscribe(live.NOTIFY, _bell_news)
            listener.subscribe(live.SESSIONS, _bell_news)
        old = _tabs.get(tab)
        _tabs[tab] = _Tab(employee_id, asyncio.get_running_loop(), queue)
    if old is not None:
        _put(tab, old, None)
    return queue


def leave(tab: str, queue: asyncio.Queue) -> None:
    with _lock:
        if tab in _tabs and _tabs[tab].queue is queue:
            del _tabs[tab]


def open_bells() -> int:
    with _lock:
        return len(_tabs)


def _put(tab: str, target: _Tab, news) -> None:
    try:
        target.loop.call_soon_threadsafe(target.queue.put_nowait, news)
    except RuntimeError:  # that tab's event loop has closed: the tab is gone
        leave(tab, target.queue)


def _bell_news(news: live.News) -> None:
    with _lock:
        targets = [(k, t) for k, t in _tabs.items() if news.key is None or t.employee_id == news.key]
    for tab, target in targets:
        _put(tab, target, news)
