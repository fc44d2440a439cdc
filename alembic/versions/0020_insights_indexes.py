"""insights indexes

benchmarks/insights.py at 100,000 leads and 300,000 follow-ups: each insights view read far
more than its period. A month's follow-ups were found by walking every follow-up (or every one
of a person's), the leads won or lost in it by reading every won and lost lead, the moves out
of a stage by reading the whole stage-change log, the leads assigned in it by grouping every
done follow-up first, and the dashboard read every open lead's row three times. These let
each query start from its period, or read the open leads from an index alone:

- ``ix_follow_up_due``: follow-ups by due time, with what the tables count (status,
  assignee, completion, lead), so a period's follow-ups and the overdue ones are read from the
  index alone;
- ``ix_lead_stage_closed``: leads won or lost in a period (their stage, then the close);
- ``ix_lead_assigned_at``: leads assigned in a period;
- ``ix_stage_change_from_at``: moves out of a stage in a period (time in stage, "left");
- ``ix_lead_open_entered``: the open leads with what the dashboard sums (stage, value) and
  whose they are, oldest in their stage first, so the dashboard's totals read the index only
  and its stuck leads are the first few of it.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0020'
down_revision: Union[str, None] = '0019'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEXES = {
    'ix_follow_up_due': ('follow_up', ['due_at', 'status', 'assignee_id', 'completed_at', 'lead_id']),
    'ix_lead_stage_closed': ('lead', ['stage_id', 'closed_at']),
    'ix_lead_assigned_at': ('lead', ['assigned_at']),
    'ix_stage_change_from_at': ('stage_change', ['from_stage_id', 'at']),
    'ix_lead_open_entered': ('lead', ['is_open', 'stage_entered_at', 'id', 'stage_id', 'estimated_value',
                                      'assigned_to_id', 'created_by_id']),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in reversed(INDEXES.items()):
        op.drop_index(name, table_name=table)
