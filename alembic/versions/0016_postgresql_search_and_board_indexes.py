"""PostgreSQL search indexes; the board's totals index with the lead's id; lead source contact

Contact and lead search is a substring test on the lower-cased ``search_text``
(``LIKE '%term%'``). SQLite answers terms of 3+ characters from its FTS5
trigram tables (0003, 0004); PostgreSQL had no index for it and read every row
(a sequential scan of 100,000 contacts per keystroke). Here PostgreSQL gets its
own: the ``pg_trgm`` extension and a GIN trigram index on ``contact.search_text``
and ``lead.search_text``, which serve the very same LIKE (so both engines give
the same rows: the index only narrows, PostgreSQL rechecks each row against the
pattern). The lead list's own-text test for leads whose contact the viewer may
not see (``lower(code)`` / ``lower(title)``) is a filter on rows the index has
already found and needs none.

``pg_trgm`` is a trusted extension (PostgreSQL 13+): a role with CREATE on the
database may create it without being a superuser (docs/operations.md). The
trigram indexes are not in the models (SQLite has no GIN), so autogenerate skips
them by name (``migrations.UNMANAGED_INDEXES``). Downgrading drops them and
keeps the extension, which other objects may use.

On both engines ``ix_lead_board_totals`` gets the lead's id as its last column.
A manager's or executive's board totals test each lead's id (the leads they
follow); SQLite's indexes hold the rowid anyway, but PostgreSQL's did not, so
it read all 100,000 leads from the table (~100 ms) instead of the index alone
(~25 ms; benchmarks/board_server.py --postgres).

On both engines ``lead.source_contact_id`` gets an index: the lead list's filter
"source: this contact" read every lead whose source is a contact (30,000 of
100,000) to find a handful (50-200 ms on both engines).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-09
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0016'
down_revision: Union[str, None] = '0015'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEXES = {'ix_contact_search_trgm': 'contact', 'ix_lead_search_trgm': 'lead'}


BOARD_TOTALS = ['funnel_id', 'stage_id', 'estimated_value', 'assigned_to_id', 'created_by_id', 'priority_id',
                'source_kind', 'stage_entered_at']


def upgrade() -> None:
    op.drop_index('ix_lead_board_totals', table_name='lead')
    op.create_index('ix_lead_board_totals', 'lead', [*BOARD_TOTALS, 'id'])
    op.create_index('ix_lead_source_contact_id', 'lead', ['source_contact_id'])
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    for name, table in INDEXES.items():
        op.create_index(name, table, ['search_text'], postgresql_using='gin',
                        postgresql_ops={'search_text': 'gin_trgm_ops'})


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for name, table in INDEXES.items():
            op.drop_index(name, table_name=table)
    op.drop_index('ix_lead_source_contact_id', table_name='lead')
    op.drop_index('ix_lead_board_totals', table_name='lead')
    op.create_index('ix_lead_board_totals', 'lead', BOARD_TOTALS)
