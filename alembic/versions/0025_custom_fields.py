"""custom fields

Fields an administrator adds to leads or contacts are rows, not columns: ``custom_field``
(label, stable key, type, required, default, help, form section and order, active, who may
edit), ``custom_field_option`` (a select's choices) and one typed value table per record kind
(``lead_custom_value``, ``contact_custom_value``: the value in the column of its type, one row
per chosen option of a multi-select). Adding, renaming or switching off a field afterwards
needs no migration, on SQLite as on PostgreSQL. The keys (field, option, record) find a
select's records; the number and date indexes serve the lists' filters.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0025'
down_revision: Union[str, None] = '0024'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('custom_field',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('label_key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('default_value', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('help_text', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('section', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('edit_roles', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('record', 'key', name='uq_custom_field_key'),
    sa.UniqueConstraint('record', 'label_key', name='uq_custom_field_label')
    )
    op.create_table('custom_field_option',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('field_id', sa.Integer(), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('label_key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['field_id'], ['custom_field.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('field_id', 'label_key', name='uq_custom_option_label')
    )
    with op.batch_alter_table('custom_field_option', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custom_field_option_field_id'), ['field_id'], unique=False)

    op.create_table('contact_custom_value',
    sa.Column('field_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('text_value', sa.Text(), nullable=True),
    sa.Column('number_value', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('date_value', sa.Date(), nullable=True),
    sa.Column('moment_value', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('bool_value', sa.Boolean(), nullable=True),
    sa.Column('ref_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ),
    sa.ForeignKeyConstraint(['field_id'], ['custom_field.id'], ),
    sa.PrimaryKeyConstraint('field_id', 'option_id', 'contact_id')
    )
    with op.batch_alter_table('contact_custom_value', schema=None) as batch_op:
        batch_op.create_index('ix_contact_custom_date', ['field_id', 'date_value', 'contact_id'], unique=False)
        batch_op.create_index('ix_contact_custom_number', ['field_id', 'number_value', 'contact_id'], unique=False)
        batch_op.create_index('ix_contact_custom_record', ['contact_id'], unique=False)

    op.create_table('lead_custom_value',
    sa.Column('field_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('text_value', sa.Text(), nullable=True),
    sa.Column('number_value', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('date_value', sa.Date(), nullable=True),
    sa.Column('moment_value', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('bool_value', sa.Boolean(), nullable=True),
    sa.Column('ref_id', sa.Integer(), nullable=True),
    sa.Column('lead_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['field_id'], ['custom_field.id'], ),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], ),
    sa.PrimaryKeyConstraint('field_id', 'option_id', 'lead_id')
    )
    with op.batch_alter_table('lead_custom_value', schema=None) as batch_op:
        batch_op.create_index('ix_lead_custom_date', ['field_id', 'date_value', 'lead_id'], unique=False)
        batch_op.create_index('ix_lead_custom_number', ['field_id', 'number_value', 'lead_id'], unique=False)
        batch_op.create_index('ix_lead_custom_record', ['lead_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('lead_custom_value', schema=None) as batch_op:
        batch_op.drop_index('ix_lead_custom_record')
        batch_op.drop_index('ix_lead_custom_number')
        batch_op.drop_index('ix_lead_custom_date')

    op.drop_table('lead_custom_value')
    with op.batch_alter_table('contact_custom_value', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_custom_record')
        batch_op.drop_index('ix_contact_custom_number')
        batch_op.drop_index('ix_contact_custom_date')

    op.drop_table('contact_custom_value')
    with op.batch_alter_table('custom_field_option', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custom_field_option_field_id'))

    op.drop_table('custom_field_option')
    op.drop_table('custom_field')
