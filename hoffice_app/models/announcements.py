"""News of a change for the pages that show it (the live board, later the
notification bell): written in the transaction of the change, so a rolled-back
change announces nothing. On PostgreSQL the news travels by NOTIFY and this
table stays empty; on SQLite each server process reads the rows newer than the
last it saw (domain/live)."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class Announcement(SQLModel, table=True):
    __tablename__ = "announcement"

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(max_length=40)
    payload: str  # JSON
    at: datetime = Field(index=True)
