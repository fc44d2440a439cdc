"""announcements

News of a change for the pages that show it live (the funnel board first): a row
written in the change's own transaction, read by one listener per server process.
Used on SQLite; on PostgreSQL the same news travels by NOTIFY and the table stays
empty (hoffice_app/domain/live).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0017'
down_revision: Union[str, None] = '0016'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('announcement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('payload', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_announcement_at', 'announcement', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_announcement_at', table_name='announcement')
    op.drop_table('announcement')
