"""Named counters for readable codes (C000123, later L000045): allocated in
the same transaction as the row that uses them, in ranges for bulk imports."""
from __future__ import annotations

from sqlmodel import Field, SQLModel


class CodeCounter(SQLModel, table=True):
    __tablename__ = "code_counter"

    name: str = Field(primary_key=True, max_length=20)
    last_value: int = Field(default=0)
