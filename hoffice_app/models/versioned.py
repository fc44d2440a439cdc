"""The version counter every editable record carries.

SQLAlchemy's ``version_id_col`` puts ``WHERE version = <as read>`` on each ORM
UPDATE of the row and bumps it: two people (or a person and a job) saving one
record at the same moment cannot both win — the second gets ``StaleDataError``,
which the domain turns into a message (``domain/common/versions.py``). Writes that
bypass the ORM (the importer's bulk UPDATEs) bump it themselves.
"""
from __future__ import annotations

from sqlalchemy import Column, Integer


def version_column() -> Column:
    """A fresh column for one table (a Column belongs to one table only): pass it to
    ``Field(sa_column=…)`` and to ``__mapper_args__ = {"version_id_col": …}``."""
    return Column("version", Integer, nullable=False, server_default="1")
