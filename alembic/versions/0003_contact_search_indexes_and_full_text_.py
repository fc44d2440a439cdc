"""contact search indexes and full-text table

Measured at 100,000 contacts (benchmarks/contacts_search.py): a LIKE over
search_text walked the whole name index (p95 ~210 ms), the privacy OR picked a
plan that sorted ~96k rows, and newest-first had no index. This adds a trigram
full-text table mirroring contact.search_text (SQLite only; PostgreSQL keeps
the LIKE path), the order indexes, and lower(city) for the city filter.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

FTS_SQL = [
    "CREATE VIRTUAL TABLE contact_fts USING fts5(search_text, content='contact', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN "
    "INSERT INTO contact_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN "
    "INSERT INTO contact_fts(contact_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER contact_fts_update AFTER UPDATE OF search_text ON contact BEGIN "
    "INSERT INTO contact_fts(contact_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO contact_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO contact_fts(contact_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_is_private'))
        batch_op.drop_index(batch_op.f('ix_contact_name_key'))
        batch_op.create_index('ix_contact_created_order', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_contact_name_order', ['name_key', 'id', 'is_private'], unique=False)
    op.create_index('ix_contact_address_city_lower', 'contact_address', [sa.text('lower(city)'), 'contact_id'])
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_SQL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("contact_fts_insert", "contact_fts_delete", "contact_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS contact_fts")
    op.drop_index('ix_contact_address_city_lower', table_name='contact_address')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_name_order')
        batch_op.drop_index('ix_contact_created_order')
        batch_op.create_index(batch_op.f('ix_contact_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_is_private'), ['is_private'], unique=False)
