"""document category

A document in the library may belong to a category, an entry of the master list
"document category" (Settings → Documents), so the Documents page can be filtered by it.
Nullable: the files stored before have none, and a category is never required.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0023'
down_revision: Union[str, None] = '0022'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':  # SQLite adds a reference only inline (no table copy)
        op.execute('ALTER TABLE document ADD COLUMN category_id INTEGER REFERENCES master_entry (id)')
    else:
        op.add_column('document', sa.Column('category_id', sa.Integer(), nullable=True))
        op.create_foreign_key('fk_document_category_id', 'document', 'master_entry', ['category_id'], ['id'])
    op.create_index(op.f('ix_document_category_id'), 'document', ['category_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_document_category_id'), table_name='document')
    with op.batch_alter_table('document') as batch:
        batch.drop_column('category_id')
