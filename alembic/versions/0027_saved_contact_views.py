"""saved contact views: the contact list's filters under a name, per employee

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0027'
down_revision: Union[str, None] = '0026'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('saved_contact_view',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('employee_id', sa.Integer(), nullable=False),
                    sa.Column('name', sa.String(length=80), nullable=False),
                    sa.Column('filters', sa.Text(), nullable=False),
                    sa.ForeignKeyConstraint(['employee_id'], ['employee.id']),
                    sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_saved_contact_view_employee_id', 'saved_contact_view', ['employee_id'])


def downgrade() -> None:
    op.drop_index('ix_saved_contact_view_employee_id', table_name='saved_contact_view')
    op.drop_table('saved_contact_view')
