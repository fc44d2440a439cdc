"""One listener per server process: a thread that receives every piece of news and
hands it to the callbacks subscribed to its topic.

On PostgreSQL it LISTENs on its own connection, so news arrives the moment the
change commits, from any worker, the CLI or a job. On SQLite (one server process)
it reads the announcement rows newer than the last it saw, every POLL_SECONDS, and
removes rows older than KEEP. After a lost connection it reconnects and tells every
subscriber "look again" (news with key None), because news may have passed meanwhile.

Callbacks run on the listener's thread and must be quick (hand the news to an event
loop; never touch the database there). A failing callback is logged and skipped.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine, make_url

from hoffice_app.domain.live.announce import CHANNEL, News
from hoffice_app.models import Announcement

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5
KEEP = timedelta(minutes=10)  # an SQLite announcement older than this is removed
PRUNE_EVERY = 60.0
RETRY_SECONDS = (0.5, 1, 2, 5)
Callback = Callable[[News], None]


class Listener:
    def __init__(self, engine: Engine):
        self._engine = engine
        self._subscribers: dict[str, list[Callback]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    def subscribe(self, topic: str, callback: Callback) -> Callable[[], None]:
        """Call ``callback`` with each piece of news on ``topic``; returns the unsubscribe."""
        with self._lock:
            self._subscribers.setdefault(topic, []).append(callback)
        self.start()

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers.get(topic, []):
                    self._subscribers[topic].remove(callback)
        return unsubscribe

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="hoffice-live", daemon=True)
                self._thread.start()

    def wait_ready(self, timeout: float = 10) -> bool:
        """Whether the listener is listening (news committed from now on reaches it)."""
        return self._ready.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def deliver(self, news: News) -> None:
        with self._lock:
            callbacks = list(self._subscribers.get(news.topic, []))
        for callback in callbacks:
            try:
                callback(news)
            except Exception:  # one viewer's failure must not stop the others' news
                log.exception("live news callback failed")

    def _resync(self) -> None:
        with self._lock:
            topics = list(self._subscribers)
        for topic in topics:
            self.deliver(News(topic, None))

    def _run(self) -> None:
        receive = self._listen_postgres if self._engine.dialect.name == "postgresql" else self._poll_table
        failures = 0
        while not self._stop.is_set():
            try:
                receive(resync=failures > 0)
                return
            except Exception:
                log.warning("live listener lost its connection; reconnecting", exc_info=True)
                self._ready.clear()
                self._stop.wait(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])
                failures += 1

    def _listen_postgres(self, *, resync: bool) -> None:
        import psycopg  # only on PostgreSQL

        url = make_url(self._engine.url).set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                             application_name="hoffice-live") as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self._ready.set()
            if resync:
                self._resync()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=1.0):
                    self._receive(note.payload)

    def _poll_table(self, *, resync: bool) -> None:
        with self._engine.connect() as conn:
            last = conn.execute(select(func.coalesce(func.max(Announcement.id), 0))).scalar_one()
        self._ready.set()
        if resync:
            self._resync()
        pruned = time.monotonic()
        while not self._stop.wait(POLL_SECONDS):
            with self._engine.connect() as conn:
                rows = conn.execute(select(Announcement.id, Announcement.payload).where(Announcement.id > last)
                                    .order_by(Announcement.id)).all()
                if time.monotonic() - pruned > PRUNE_EVERY:
                    pruned = time.monotonic()
                    conn.execute(delete(Announcement).where(Announcement.at < datetime.now(timezone.utc) - KEEP))
                    conn.commit()
            for row_id, payload in rows:
                last = row_id
                self._receive(payload)

    def _receive(self, payload: str) -> None:
        try:
            news = News.from_json(payload)
        except (ValueError, KeyError, TypeError):
            log.warning("unreadable live news ignored: %.200s", payload)
            return
        self.deliver(news)


_process: list[Listener] = []


def listener(engine: Engine) -> Listener:
    """This process's listener for ``engine``'s database (started on first subscribe)."""
    if not _process or _process[0]._engine is not engine:
        if _process:
            _process.pop().stop()
        _process.append(Listener(engine))
    return _process[0]


def _forget_after_fork() -> None:
    """A forked worker has no listener thread: it starts its own on first use."""
    _process.clear()


os.register_at_fork(after_in_child=_forget_after_fork)
