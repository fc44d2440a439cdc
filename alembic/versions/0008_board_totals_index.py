"""board totals index

benchmarks/board_server.py at 100,000 open leads in one funnel: the column
totals (GROUP BY stage) read every lead's row, ~170-210 ms; with this covering
index they read the index only, ~10-30 ms, for every role and board filter.
It holds the creation date too, so a column whose few matching leads are
scattered through a big stage is paged from the index (see board.column_cards).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0008'
down_revision: Union[str, None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_lead_board_totals', 'lead', ['funnel_id', 'stage_id', 'estimated_value', 'assigned_to_id',
                                                      'created_by_id', 'priority_id', 'source_kind', 'created_at'])


def downgrade() -> None:
    op.drop_index('ix_lead_board_totals', table_name='lead')
