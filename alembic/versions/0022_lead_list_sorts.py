"""lead list sorts

The lead list sorts by priority (the priority master's order), by stage (funnels, then their
stages, in their order), by estimated value and by next follow-up, each both ways with blanks
last. domain/leads/sorting.py pages these a segment at a time (one priority, one stage, the
leads with a value, the blanks), each segment read in order from an index instead of sorting
every matching lead:

- ``ix_lead_priority_created``: one priority's leads, newest first (by stage, the existing
  ``ix_lead_stage_created`` does the same);
- ``ix_lead_value``: leads by estimated value (the blanks are the index's first entries);
- ``ix_lead_followup``: leads by next follow-up, in every quick view (``ix_lead_next_followup``
  serves open leads only).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0022'
down_revision: Union[str, None] = '0021'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEXES = {
    'ix_lead_priority_created': ['priority_id', 'created_at', 'id'],
    'ix_lead_value': ['estimated_value', 'id'],
    'ix_lead_followup': ['next_followup_at', 'id'],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, 'lead', columns)


def downgrade() -> None:
    for name in reversed(INDEXES):
        op.drop_index(name, table_name='lead')
