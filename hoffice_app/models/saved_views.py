"""Saved list views: a named set of a list's filters, per employee (domain/common/saved_views.py),
one table per list with the same columns."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import Text
from sqlmodel import Field, SQLModel


class SavedView(SQLModel):
    """The columns every saved views table has."""

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    name: str = Field(max_length=80)
    filters: str = Field(sa_type=Text)  # JSON


class SavedLeadView(SavedView, table=True):
    """A named set of lead list filters."""

    __tablename__ = "saved_lead_view"


class SavedContactView(SavedView, table=True):
    """A named set of contact list filters."""

    __tablename__ = "saved_contact_view"
