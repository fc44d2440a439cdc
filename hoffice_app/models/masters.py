"""Masters: every pick-list of the product in one table, plus key/value settings.

One table keeps one screen and one set of rules (case-insensitive unique names,
ordering, deactivation, parent -> child) for all of them; ``kind`` says which
list a row belongs to (see ``domain/master_kinds.py``).
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from hoffice_app.models.versioned import version_column

_ENTRY_VERSION = version_column()


class MasterEntry(SQLModel, table=True):
    __tablename__ = "master_entry"
    __mapper_args__ = {"version_id_col": _ENTRY_VERSION}
    __table_args__ = (UniqueConstraint("kind", "name_key", name="uq_master_kind_name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40, index=True)
    name: str = Field(max_length=120)
    # Lower-cased, whitespace-collapsed name: what uniqueness is checked on.
    name_key: str = Field(max_length=120)
    code: Optional[str] = Field(default=None, max_length=20)
    parent_id: Optional[int] = Field(default=None, foreign_key="master_entry.id", index=True)
    position: int = Field(default=0)
    active: bool = Field(default=True)
    body: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))
    version: int = Field(default=1, sa_column=_ENTRY_VERSION)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # who saved it last
    updated_at: Optional[datetime] = None


_SETTING_VERSION = version_column()


class Setting(SQLModel, table=True):
    __tablename__ = "setting"
    __mapper_args__ = {"version_id_col": _SETTING_VERSION}

    key: str = Field(primary_key=True, max_length=60)
    # 2,000: an SMS gateway's URL or body template (with its DLT fields) passes 200 characters.
    value: str = Field(default="", max_length=2000)
    version: int = Field(default=1, sa_column=_SETTING_VERSION)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # who saved it last
    updated_at: Optional[datetime] = None
