"""Masters: every pick-list of the product in one table, plus key/value settings.

One table keeps one screen and one set of rules (case-insensitive unique names,
ordering, deactivation, parent -> child) for all of them; ``kind`` says which
list a row belongs to (see ``domain/master_kinds.py``).
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class MasterEntry(SQLModel, table=True):
    __tablename__ = "master_entry"
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


class Setting(SQLModel, table=True):
    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(default="", max_length=200)
