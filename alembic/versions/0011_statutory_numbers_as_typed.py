"""PAN, GSTIN and Aadhaar kept as typed, up to 30 characters

Their format checks only warn (docs/import-spec.md); a value of the wrong length
is kept as typed, so the columns hold up to 30 characters (SQLite never enforced
the old 10/20/12; PostgreSQL would have refused the import's write).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: Union[str, None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD = {'pan': 10, 'aadhaar': 12, 'gstin': 20}
# SQLite's batch copy of contact drops its triggers: the full-text index's (from 0003) are made again.
FTS_TRIGGERS = [
    "CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN "
    "INSERT INTO contact_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN "
    "INSERT INTO contact_fts(contact_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER contact_fts_update AFTER UPDATE OF search_text ON contact BEGIN "
    "INSERT INTO contact_fts(contact_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO contact_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]


def _resize(new: dict[str, int], old: dict[str, int]) -> None:
    with op.batch_alter_table('contact') as batch:
        for column in OLD:
            batch.alter_column(column, type_=sa.String(length=new[column]),
                               existing_type=sa.String(length=old[column]), existing_nullable=False)
    if op.get_bind().dialect.name == 'sqlite':
        for statement in FTS_TRIGGERS:
            op.execute(statement)


def upgrade() -> None:
    _resize(dict.fromkeys(OLD, 30), OLD)


def downgrade() -> None:
    _resize(OLD, dict.fromkeys(OLD, 30))
