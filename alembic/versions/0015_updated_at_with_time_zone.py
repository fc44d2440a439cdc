"""updated_at with time zone

Migration 0010 added ``updated_at`` to master entries, settings, funnels and stages
as a plain ``DateTime``, where the models (and every other time column) use
``UTCDateTime``: with time zone. SQLite stores both the same way, but PostgreSQL
made them ``timestamp without time zone``, which drops the zone of the aware times
the app writes (they were kept as the server's local time) and left the schema
differing from the models. Here they become ``timestamp with time zone``; the
values already there are read in the session's time zone, the one they were
written in. Nothing to do on SQLite.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0015'
down_revision: Union[str, None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = ('master_entry', 'setting', 'funnel', 'funnel_stage')


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        return
    for table in TABLES:
        op.alter_column(table, 'updated_at', type_=sqlmodel.sql.sqltypes.UTCDateTime(), existing_type=sa.DateTime(),
                        existing_nullable=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        return
    for table in TABLES:
        op.alter_column(table, 'updated_at', type_=sa.DateTime(), existing_type=sqlmodel.sql.sqltypes.UTCDateTime(),
                        existing_nullable=True)
