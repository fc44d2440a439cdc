"""Funnels (sales pipelines) with ordered stages, and the log of stage changes."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from hoffice_app.models.versioned import version_column

_FUNNEL_VERSION = version_column()


class Funnel(SQLModel, table=True):
    __tablename__ = "funnel"
    __mapper_args__ = {"version_id_col": _FUNNEL_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    position: int = 0
    active: bool = True
    version: int = Field(default=1, sa_column=_FUNNEL_VERSION)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # who saved it last
    updated_at: Optional[datetime] = None


_STAGE_VERSION = version_column()


class FunnelStage(SQLModel, table=True):
    __tablename__ = "funnel_stage"
    __mapper_args__ = {"version_id_col": _STAGE_VERSION}
    __table_args__ = (UniqueConstraint("funnel_id", "name", name="uq_stage_name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    funnel_id: int = Field(foreign_key="funnel.id", index=True)
    name: str = Field(max_length=80)
    color: str = Field(default="gray", max_length=20)
    probability: int = Field(default=0)  # percent, 0–100
    kind: str = Field(default="open", max_length=10)  # open | won | lost
    days_to_rot: Optional[int] = None
    position: int = 0
    active: bool = True
    version: int = Field(default=1, sa_column=_STAGE_VERSION)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # who saved it last
    updated_at: Optional[datetime] = None


class StageChange(SQLModel, table=True):
    """One move of a lead between stages: from, to, who, when, and how long it
    had been in the previous stage."""

    __tablename__ = "stage_change"
    # insights: moves out of a stage in a period (migration 0020)
    __table_args__ = (Index("ix_stage_change_from_at", "from_stage_id", "at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", index=True)
    from_stage_id: Optional[int] = Field(default=None, foreign_key="funnel_stage.id")
    to_stage_id: int = Field(foreign_key="funnel_stage.id")
    actor_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    at: datetime
    seconds_in_previous: Optional[int] = None
