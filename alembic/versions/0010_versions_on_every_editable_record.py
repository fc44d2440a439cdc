"""versions on every editable record

Lead already carried a version (bumped by stage moves). Contacts, employees,
master entries, settings, funnels and stages get one too, and each of them (lead
included) remembers who saved it last, so a save against a record changed
meanwhile can say who changed it and when (masters, settings, funnels and stages
also get ``updated_at``). See models/versioned.py.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: Union[str, None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

NEW_VERSION = ('contact', 'employee', 'master_entry', 'setting', 'funnel', 'funnel_stage')
NEW_UPDATED_AT = ('master_entry', 'setting', 'funnel', 'funnel_stage')
ALL = ('lead', *NEW_VERSION)


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: SQLite's copy would drop the expression
    # indexes (ix_lead_title_lower), which it cannot reflect.
    for table in ALL:
        if table in NEW_VERSION:
            op.add_column(table, sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        if op.get_bind().dialect.name == 'sqlite':  # SQLite adds a reference only inline
            op.execute(f'ALTER TABLE {table} ADD COLUMN updated_by_id INTEGER REFERENCES employee (id)')
        else:
            op.add_column(table, sa.Column('updated_by_id', sa.Integer(), nullable=True))
            op.create_foreign_key(f'fk_{table}_updated_by_id', table, 'employee', ['updated_by_id'], ['id'])
        if table in NEW_UPDATED_AT:
            op.add_column(table, sa.Column('updated_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in ALL:
        with op.batch_alter_table(table) as batch:
            if table in NEW_UPDATED_AT:
                batch.drop_column('updated_at')
            batch.drop_column('updated_by_id')
            if table in NEW_VERSION:
                batch.drop_column('version')
