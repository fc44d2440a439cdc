"""The bell's state: the unread count and the panel's latest notifications, kept live.

The bell mounts with every logged-in page and starts one background task per tab
that waits on this process's queue for the employee (listeners.py): nothing is read
while nothing happens, and a notification for someone else never wakes it.
"""
from __future__ import annotations

import asyncio
import functools
import time

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import live, notify
from hoffice_app.domain.common import DomainError
from hoffice_app.pages.notifications import listeners
from hoffice_app.state.auth import AuthState, actor_of_token

WATCH_SECONDS = 4 * 60 * 60  # a tab left open keeps a live bell for four hours; any page change restarts it
SESSION_RECHECK_SECONDS = 60


def bell_row(item: notify.bell.BellItem) -> dict[str, str | bool | int]:
    return {"id": item.id, "title": item.title, "body": item.body, "link": item.link, "when": item.when,
            "unread": item.unread}


class BellState(AuthState):
    unread: int = 0
    latest: list[dict[str, str | bool | int]] = []
    _watching: int = 0

    @rx.var
    def unread_label(self) -> str:
        return "99+" if self.unread > 99 else str(self.unread)

    @rx.var
    def bell_label(self) -> str:
        return f"Notifications, {self.unread} unread" if self.unread else "Notifications"

    def _read(self, actor) -> None:
        with unit_of_work() as session:
            count = notify.bell.unread_count(session, actor)
            rows = [bell_row(i) for i in notify.bell.latest(session, actor)]
        if count != self.unread:
            self.unread = count
        if rows != self.latest:
            self.latest = rows

    @rx.event
    def start(self):
        """On mount: read the bell and (re)start this tab's live task."""
        actor = self.current_actor()
        if actor is None:
            return
        self._read(actor)
        self._watching += 1
        return BellState.watch(self._watching)

    @rx.event
    def open_item(self, notification_id: int, link: str):
        actor = self.require_actor()
        try:
            with unit_of_work() as session:
                notify.bell.mark_read(session, actor, int(notification_id), now=utcnow())
        except DomainError:
            pass  # gone already: the bell below is read again
        self._read(actor)
        if link:
            return rx.redirect(link)

    @rx.event
    def mark_all_read(self):
        actor = self.require_actor()
        with unit_of_work() as session:
            notify.bell.mark_all_read(session, actor, now=utcnow())
        self._read(actor)

    @rx.event(background=True)
    async def watch(self, token: int):
        async with self:
            actor = self.current_actor()
            if actor is None or token != self._watching:
                return
            tab, cookie = self.router.session.client_token, self.session_token()
        queue = listeners.join(actor.id, tab)
        try:
            return await self._follow(token, queue, cookie)
        finally:
            listeners.leave(tab, queue)

    async def _follow(self, token: int, queue: asyncio.Queue, cookie: str):
        ends = time.monotonic() + WATCH_SECONDS
        recheck = time.monotonic() + SESSION_RECHECK_SECONDS
        while (now := time.monotonic()) < ends:
            batch = []
            try:
                batch.append(await asyncio.wait_for(queue.get(), timeout=max(min(recheck, ends) - now, 0.01)))
                while not queue.empty():
                    batch.append(queue.get_nowait())
            except asyncio.TimeoutError:
                pass
            if None in batch:
                return  # the tab mounted its bell again: that task carries on
            if any(news.topic == live.SESSIONS for news in batch) or time.monotonic() >= recheck:
                recheck = time.monotonic() + SESSION_RECHECK_SECONDS
                if await rx.run_in_thread(functools.partial(actor_of_token, cookie, touch=False)) is None:
                    return
            if not any(news.topic == live.NOTIFY for news in batch):
                continue
            async with self:
                if token != self._watching:
                    return
                actor = self.current_actor()
                if actor is None:
                    return
                self._read(actor)
