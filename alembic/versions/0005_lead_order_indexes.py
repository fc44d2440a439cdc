"""lead order indexes

benchmarks/leads_search.py at 100,000 leads: "All Leads" newest first, deep
pages and title order sorted whole tables; with these two indexes the overall
p95 went from 90 to 70 ms.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_lead_created', 'lead', ['created_at', 'id'])
    op.create_index('ix_lead_title_lower', 'lead', [sa.text('lower(title)'), 'id'])


def downgrade() -> None:
    op.drop_index('ix_lead_title_lower', table_name='lead')
    op.drop_index('ix_lead_created', table_name='lead')
