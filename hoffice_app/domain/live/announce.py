"""Writing news of a change, inside the change's transaction."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlmodel import Session

from hoffice_app.models import Announcement

CHANNEL = "hoffice_live"
FUNNEL = "funnel"  # news of a funnel's leads; the key is the funnel id
SESSIONS = "sessions"  # an employee's sessions were ended; the key is the employee id
NOTIFY = "notify"  # an employee's bell has something new; the key is the employee id
# PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; bigger news goes without
# its details, which tells listeners "something changed under this key: look again".
MAX_NOTIFY_BYTES = 7_900


@dataclass(frozen=True)
class News:
    """What changed: ``topic`` says who cares ("funnel"), ``key`` which one (a funnel
    id), ``data`` the details (None: refresh from the database; also what a listener
    hands out with key None after it may have missed news, e.g. a lost connection)."""

    topic: str
    key: int | str | None
    data: dict | None = None

    def to_json(self) -> str:
        return json.dumps({"topic": self.topic, "key": self.key, "data": self.data}, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "News":
        raw = json.loads(text)
        return cls(raw["topic"], raw.get("key"), raw.get("data"))


def announce(session: Session, news: News) -> None:
    """Queue ``news`` for every listener; it is delivered when (and only if) the
    session's transaction commits."""
    text = news.to_json()
    if session.get_bind().dialect.name == "postgresql":
        if len(text.encode()) > MAX_NOTIFY_BYTES:
            text = News(news.topic, news.key).to_json()
        session.execute(select(func.pg_notify(CHANNEL, text)))
    else:
        session.add(Announcement(topic=news.topic, payload=text, at=datetime.now(timezone.utc)))
