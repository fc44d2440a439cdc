"""custom values: the number and date indexes hold only numbers and dates

The lists' number and date filters read ``(field, number_value, record)`` and ``(field,
date_value, record)``. As full indexes they got an entry for every value of every type — a
select's, a text's — all of them empty in that column: of an import's 1,100,000 values
(100,000 contacts × 10 fields) 900,000 entries went into each index for nothing. As partial
indexes (``… IS NOT NULL``) a value goes only into the index of its own type; a filter such as
``number_value >= 100`` implies the condition, so both SQLite and PostgreSQL still use them.

On SQLite the value tables also become WITHOUT ROWID: the key (field, option, record) is then
the table itself instead of a second b-tree beside a rowid one. Together, writing 1,100,000
values took 4.2 → 2.4–3.0 s of CPU (a bench of the import's own statements).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0026'
down_revision: Union[str, None] = '0025'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEXES = [(record, kind) for record in ("lead", "contact") for kind in ("number", "date")]


def upgrade() -> None:
    for record, kind in INDEXES:
        op.drop_index(f"ix_{record}_custom_{kind}", table_name=f"{record}_custom_value")
    _rowid(False)
    for record, kind in INDEXES:
        only = sa.text(f"{kind}_value IS NOT NULL")
        op.create_index(f"ix_{record}_custom_{kind}", f"{record}_custom_value",
                        ["field_id", f"{kind}_value", f"{record}_id"], sqlite_where=only, postgresql_where=only)


def downgrade() -> None:
    for record, kind in INDEXES:
        op.drop_index(f"ix_{record}_custom_{kind}", table_name=f"{record}_custom_value")
    _rowid(True)
    for record, kind in INDEXES:
        op.create_index(f"ix_{record}_custom_{kind}", f"{record}_custom_value",
                        ["field_id", f"{kind}_value", f"{record}_id"])


def _rowid(with_rowid: bool) -> None:
    """SQLite: rebuild both value tables with or without a rowid (their rows, keys, foreign keys
    and the record index are copied over). PostgreSQL has no such choice."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for record in ("lead", "contact"):
        with op.batch_alter_table(f"{record}_custom_value", recreate="always",
                                  table_kwargs={"sqlite_with_rowid": with_rowid}):
            pass
