"""Announce / listen: how a change made anywhere (a board move in a browser, the
CLI, a background job, on any server worker) reaches the pages that show it live,
with one listener per server process instead of one poll per open page.

``announce`` writes a piece of news in the change's own transaction — on PostgreSQL a
NOTIFY, on SQLite a row of ``announcement`` — so a rolled-back change announces
nothing and a committed one is announced by whoever made it. ``listener()`` is the
process's one listener (a thread: PostgreSQL LISTEN, or a poll of the table on
SQLite) that hands each piece of news to the callbacks subscribed to its topic. The
live board and the notification bell use it.
"""
from .announce import CHANNEL, FUNNEL, NOTIFY, SESSIONS, News, announce
from .listener import Listener, listener

__all__ = ["announce", "CHANNEL", "FUNNEL", "Listener", "listener", "News", "NOTIFY", "SESSIONS"]
