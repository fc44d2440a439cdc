"""The bell: an employee's own notifications, newest first, and how many are unread.

Every read is the actor's own rows only (there is no way to name someone else's);
a notification of a lead the reader can no longer see keeps its wording but loses
its link, so the bell never becomes a side door to a lead. The unread count reads
a partial index of unread rows (models/notifications.py), so it stays fast however
many read notifications pile up.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, require_actor
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Lead, Notification

SHOWN_IN_PANEL = 8
PAGE_SIZE = 50


@dataclass(frozen=True)
class BellItem:
    id: int
    title: str
    body: str
    link: str  # "" when the lead is gone from the reader's view
    when: str  # in the company's time zone
    unread: bool


def unread_count(session: Session, actor: Actor) -> int:
    require_actor(actor)
    return session.exec(select(func.count()).select_from(Notification).where(
        Notification.recipient_id == actor.id, Notification.read_at.is_(None))).one()


def _items(session: Session, actor: Actor, rows: list[Notification]) -> list[BellItem]:
    from hoffice_app.domain.leads import visible_clause  # the bell sits below the lead pages it links to

    lead_ids = {row.lead_id for row in rows if row.lead_id}
    seen = set(session.exec(select(Lead.id).where(Lead.id.in_(lead_ids), visible_clause(session, actor)))) \
        if lead_ids else set()
    zone = app_settings.zone(session)
    return [BellItem(row.id, row.title, row.body, row.link if not row.lead_id or row.lead_id in seen else "",
                     row.created_at.astimezone(zone).strftime("%d %b, %H:%M"), row.read_at is None)
            for row in rows]


def latest(session: Session, actor: Actor, *, limit: int = SHOWN_IN_PANEL) -> list[BellItem]:
    """The panel under the bell."""
    require_actor(actor)
    rows = session.exec(select(Notification).where(Notification.recipient_id == actor.id)
                        .order_by(Notification.id.desc()).limit(limit)).all()
    return _items(session, actor, list(rows))


def page(session: Session, actor: Actor, *, before_id: int | None = None, unread_only: bool = False,
         limit: int = PAGE_SIZE) -> tuple[list[BellItem], bool]:
    """The /notifications page, newest first, keyset-paged by id; returns (items, more)."""
    require_actor(actor)
    query = select(Notification).where(Notification.recipient_id == actor.id)
    if before_id:
        query = query.where(Notification.id < before_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    rows = list(session.exec(query.order_by(Notification.id.desc()).limit(limit + 1)).all())
    return _items(session, actor, rows[:limit]), len(rows) > limit


def mark_read(session: Session, actor: Actor, notification_id: int, *, now: datetime) -> None:
    """Mark one of the actor's own notifications read (someone else's reads as not found)."""
    require_actor(actor)
    row = session.get(Notification, notification_id)
    if row is None or row.recipient_id != actor.id:
        raise NotFound("No such notification.")
    if row.read_at is None:
        row.read_at = now
        session.add(row)
        session.flush()


def mark_all_read(session: Session, actor: Actor, *, now: datetime) -> int:
    require_actor(actor)
    result = session.exec(update(Notification).where(Notification.recipient_id == actor.id,
                                                     Notification.read_at.is_(None)).values(read_at=now))
    return result.rowcount or 0
