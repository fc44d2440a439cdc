"""Notifications: what the bell shows, what waits to be sent by e-mail or SMS, and the
choices (templates, preferences) that decide both.

Every row here is written in the transaction of the change that causes it, so a
rolled-back save notifies no one; the dispatcher (domain/notify) sends the outbox's
rows afterwards, records each attempt, and retries until a day has passed.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Column, Index, Text, text
from sqlmodel import Field, SQLModel


class Notification(SQLModel, table=True):
    """One line of an employee's bell: newest first, unread until they open or dismiss it."""

    __tablename__ = "notification"
    __table_args__ = (
        Index("ix_notification_recipient_newest", "recipient_id", "id"),
        # The bell's count reads only unread rows: a partial index keeps it small at millions of rows.
        Index("ix_notification_unread", "recipient_id", sqlite_where=text("read_at IS NULL"),
              postgresql_where=text("read_at IS NULL")),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    recipient_id: int = Field(foreign_key="employee.id")
    event: str = Field(max_length=40)  # a notify.Event value
    lead_id: Optional[int] = Field(default=None, foreign_key="lead.id")
    title: str = Field(max_length=200)
    body: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    link: str = Field(default="", max_length=300)  # a path inside the app, e.g. /leads/L000123
    created_at: datetime
    read_at: Optional[datetime] = None


class OutboxMessage(SQLModel, table=True):
    """An e-mail or SMS waiting to be sent, being sent, sent or given up on.

    ``key`` is unique: the same cause (an event for one recipient on one channel) queues one
    message however often it is retried, and an e-mail's Message-ID is built from it, so a
    message re-sent after a crash is recognisable as the same one."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_due", "status", "next_attempt_at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(max_length=160, unique=True)
    channel: str = Field(max_length=10)  # email | sms
    event: str = Field(max_length=40)
    lead_id: Optional[int] = Field(default=None, foreign_key="lead.id")
    to: str = Field(max_length=320)  # an e-mail address, or a mobile number in E.164
    subject: str = Field(default="", max_length=300)
    text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    html: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    template_id: str = Field(default="", max_length=40)  # the SMS template's DLT id, where one applies
    status: str = Field(default="queued", max_length=10)  # queued | sending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime
    claimed_until: Optional[datetime] = None  # a dispatcher is sending it until then
    last_error: str = Field(default="", max_length=500)
    created_at: datetime
    sent_at: Optional[datetime] = None


class OutboxAttempt(SQLModel, table=True):
    """One try at sending a message, with the server's answer: the Outbox screen shows them."""

    __tablename__ = "outbox_attempt"

    id: Optional[int] = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="outbox_message.id", index=True)
    at: datetime
    ok: bool
    answer: str = Field(default="", max_length=500)


class NotificationTemplate(SQLModel, table=True):
    """The wording of one event on one channel, as the administrator last saved it (the
    built-in wording applies where no row exists)."""

    __tablename__ = "notification_template"

    event: str = Field(primary_key=True, max_length=40)
    channel: str = Field(primary_key=True, max_length=10)  # in_app | email | sms
    subject: str = Field(default="", max_length=300)
    body: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    dlt_template_id: str = Field(default="", max_length=40)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    updated_at: Optional[datetime] = None


class NotificationPreference(SQLModel, table=True):
    """An employee's own choice for one event on one channel; without a row the company's
    default applies."""

    __tablename__ = "notification_preference"

    employee_id: int = Field(primary_key=True, foreign_key="employee.id")
    event: str = Field(primary_key=True, max_length=40)
    channel: str = Field(primary_key=True, max_length=10)
    enabled: bool


class RunnerLease(SQLModel, table=True):
    """Scheduled work runs one at a time across workers: a worker takes the lease by a
    conditional update, and a lease whose holder died runs out by itself."""

    __tablename__ = "runner_lease"

    name: str = Field(primary_key=True, max_length=40)
    holder: str = Field(default="", max_length=80)
    until: Optional[datetime] = None
    last_finished_at: Optional[datetime] = None
