"""login throttle counts per account, with a window per count

Failed log-ins were counted per identifier and per address, both locking
after five: one employee's typos locked out the whole office behind its one
NAT address. They are now counted per account at an address, per account,
and per address with a much higher limit within 15 minutes, which needs the
time each count began (``first_failed_at``).

The old counts are dropped rather than converted: their keys mean something
else now, and an old address lock would still refuse the office. The longest
wait they could hold was 15 minutes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0012'
down_revision: Union[str, None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("DELETE FROM login_throttle")
    with op.batch_alter_table('login_throttle') as batch:
        batch.add_column(sa.Column('first_failed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False))


def downgrade() -> None:
    op.execute("DELETE FROM login_throttle")
    with op.batch_alter_table('login_throttle') as batch:
        batch.drop_column('first_failed_at')
