"""Custom fields: fields an administrator adds to leads or contacts while the app runs.

A field is a row (``custom_field``), its choices rows (``custom_field_option``), and each
record's values rows of a typed value table per record kind (``lead_custom_value``,
``contact_custom_value``). Adding, renaming or switching off a field writes rows, never the
schema, and works the same on SQLite and PostgreSQL. A value sits in the column of its type
(text, number, date, moment, yes/no, option, a referenced employee or contact), so filters
compare numbers as numbers and dates as dates through the indexes below; a multi-select keeps
one row per chosen option.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import Index, Numeric, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from hoffice_app.models.versioned import version_column

_FIELD_VERSION = version_column()
_OPTION_VERSION = version_column()


class CustomField(SQLModel, table=True):
    __tablename__ = "custom_field"
    __mapper_args__ = {"version_id_col": _FIELD_VERSION}
    __table_args__ = (UniqueConstraint("record", "key", name="uq_custom_field_key"),
                      UniqueConstraint("record", "label_key", name="uq_custom_field_label"))

    id: Optional[int] = Field(default=None, primary_key=True)
    record: str = Field(max_length=10)  # "lead" | "contact"
    key: str = Field(max_length=60)  # stable: made from the first label, never changed
    label: str = Field(max_length=80)
    label_key: str = Field(max_length=80)  # lower-cased, spaces collapsed: what uniqueness is checked on
    kind: str = Field(max_length=20)  # customfields.kinds.KINDS
    required: bool = Field(default=False)
    default_value: str = Field(default="", max_length=500)  # as typed on the form, checked like a value
    help_text: str = Field(default="", max_length=300)
    section: str = Field(default="", max_length=60)  # the form section it appears in ("" = "More details")
    position: int = Field(default=0)
    active: bool = Field(default=True)
    edit_roles: str = Field(default="admin,manager,executive", max_length=60)  # who may change its value
    version: int = Field(default=1, sa_column=_FIELD_VERSION)
    created_at: Optional[datetime] = None
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    updated_at: Optional[datetime] = None


class CustomFieldOption(SQLModel, table=True):
    __tablename__ = "custom_field_option"
    __mapper_args__ = {"version_id_col": _OPTION_VERSION}
    __table_args__ = (UniqueConstraint("field_id", "label_key", name="uq_custom_option_label"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    field_id: int = Field(foreign_key="custom_field.id", index=True)
    label: str = Field(max_length=80)
    label_key: str = Field(max_length=80)
    position: int = Field(default=0)
    active: bool = Field(default=True)
    version: int = Field(default=1, sa_column=_OPTION_VERSION)


class _Value(SQLModel):
    """One value of one field on one record. ``option_id`` is 0 for a field without options,
    so (record, field, option) is the key for every kind, a multi-select's several rows too."""

    field_id: int = Field(foreign_key="custom_field.id", primary_key=True)
    option_id: int = Field(default=0, primary_key=True)
    text_value: Optional[str] = Field(default=None, sa_type=Text)
    number_value: Optional[Decimal] = Field(default=None, sa_type=Numeric(20, 4))
    date_value: Optional[date] = None
    moment_value: Optional[datetime] = None
    bool_value: Optional[bool] = None
    ref_id: Optional[int] = None  # an employee's or a contact's id


NO_ROWID = {"sqlite_with_rowid": False}  # SQLite: the key is the table (no second b-tree beside a rowid one)


def _typed_indexes(record: str) -> tuple[Index, Index]:
    """(field, number, record) and (field, date, record), partial: a value enters only the index
    of its own type (a filter such as ``number_value >= 100`` implies the condition)."""
    out = []
    for kind in ("number", "date"):
        only = text(f"{kind}_value IS NOT NULL")
        out.append(Index(f"ix_{record}_custom_{kind}", "field_id", f"{kind}_value", f"{record}_id",
                         sqlite_where=only, postgresql_where=only))
    return tuple(out)


class LeadCustomValue(_Value, table=True):
    __tablename__ = "lead_custom_value"
    # the key (field, option, lead) finds a select's leads; a record's values, a field's
    # numbers and dates (for filters) each have an index, the last two only of those values
    __table_args__ = (Index("ix_lead_custom_record", "lead_id"), *_typed_indexes("lead"), NO_ROWID)

    lead_id: int = Field(foreign_key="lead.id", primary_key=True)


class ContactCustomValue(_Value, table=True):
    __tablename__ = "contact_custom_value"
    __table_args__ = (Index("ix_contact_custom_record", "contact_id"), *_typed_indexes("contact"), NO_ROWID)

    contact_id: int = Field(foreign_key="contact.id", primary_key=True)
