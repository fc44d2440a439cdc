"""login tickets

The session token now travels only in an HttpOnly cookie set by a plain HTTP
response. Checking the password happens in a Reflex event, whose answer reaches
page JavaScript; that answer is a one-time ticket (this table, its SHA-256 only),
exchanged within a minute for the session cookie by POST /auth/session.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0013'
down_revision: Union[str, None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('login_ticket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('client_ip', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('login_ticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_ticket_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_ticket_ticket_hash'), ['ticket_hash'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('login_ticket', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_ticket_ticket_hash'))
        batch_op.drop_index(batch_op.f('ix_login_ticket_employee_id'))
    op.drop_table('login_ticket')
