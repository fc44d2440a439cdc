"""import job folders by a random id

A job's files lived in ``job-<number>``; numbers restart with a new or restored
database, and an older job's result sheet was then served as the new job's.
Each job now names its folder by a random id stored on the row. Existing jobs
keep their folder (``job-<number>``) so their sheets stay downloadable.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: Union[str, None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('import_job') as batch:
        batch.add_column(sa.Column('folder', sa.String(length=64), nullable=False, server_default=''))
    op.execute("UPDATE import_job SET folder = 'job-' || CAST(id AS VARCHAR)")
    with op.batch_alter_table('import_job') as batch:
        batch.alter_column('folder', server_default=None)
        batch.create_index('ix_import_job_folder', ['folder'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('import_job') as batch:
        batch.drop_index('ix_import_job_folder')
        batch.drop_column('folder')
