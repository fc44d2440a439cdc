"""product lines on leads

A lead's products become lines: a quantity (existing rows: 1), a unit price (existing rows:
none, not quoted yet) and their order on the lead (existing rows: 0; the first line's
category is the lead's main category). The product master's optional code needs no change:
``master_entry.code`` exists since 0001.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
# the file 0020_insights_indexes.py, whose revision id is '0020'
down_revision: Union[str, None] = '0020'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('lead_product', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quantity', sa.Numeric(12, 3), nullable=False, server_default=sa.text('1')))
        batch_op.add_column(sa.Column('unit_price', sa.Numeric(16, 2), nullable=True))
        batch_op.add_column(sa.Column('position', sa.Integer(), nullable=False, server_default=sa.text('0')))


def downgrade() -> None:
    with op.batch_alter_table('lead_product', schema=None) as batch_op:
        batch_op.drop_column('position')
        batch_op.drop_column('unit_price')
        batch_op.drop_column('quantity')
