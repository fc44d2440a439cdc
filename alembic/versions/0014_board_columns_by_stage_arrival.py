"""board columns by stage arrival

A board column was ordered by the leads' creation date, so an older lead
dropped on a column that already showed 50 newer cards landed beyond the first
page and vanished from view. Columns are now ordered by ``stage_entered_at``
(set on creation and on every move), newest first, ties by id. The two board
indexes follow: ix_lead_stage_board walks a stage in that order, and the
covering ix_lead_board_totals holds the arrival time instead of the creation
date, so a column whose few matching leads are scattered through a big stage
is still paged from the index alone (see funnel/board.column_cards). The lead
list filtered by stage, newest first, read the old (stage_id, created_at)
index; it keeps it as ix_lead_stage_created (without it that list took ~10 ms
more CPU at 100,000 leads). A lead placed on a stage without the time it
entered gets its creation date.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0014'
down_revision: Union[str, None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TOTALS = ['funnel_id', 'stage_id', 'estimated_value', 'assigned_to_id', 'created_by_id', 'priority_id', 'source_kind']


def upgrade() -> None:
    op.execute("UPDATE lead SET stage_entered_at = created_at WHERE stage_id IS NOT NULL AND stage_entered_at IS NULL")
    op.create_index('ix_lead_stage_created', 'lead', ['stage_id', 'created_at', 'id'])
    op.drop_index('ix_lead_stage_board', table_name='lead')
    op.create_index('ix_lead_stage_board', 'lead', ['stage_id', 'stage_entered_at', 'id'])
    op.drop_index('ix_lead_board_totals', table_name='lead')
    op.create_index('ix_lead_board_totals', 'lead', [*TOTALS, 'stage_entered_at'])


def downgrade() -> None:
    op.drop_index('ix_lead_board_totals', table_name='lead')
    op.create_index('ix_lead_board_totals', 'lead', [*TOTALS, 'created_at'])
    op.drop_index('ix_lead_stage_board', table_name='lead')
    op.create_index('ix_lead_stage_board', 'lead', ['stage_id', 'created_at', 'id'])
    op.drop_index('ix_lead_stage_created', table_name='lead')
