"""notifications

The bell's notifications, the e-mail/SMS outbox with its attempts, templates and
employees' preferences, the runner's lease, and each follow-up's reminder choice.
A setting's value grows from 200 to 2,000 characters: the SMS gateway's URL and body
templates are settings too.
Follow-ups planned before this migration get the default reminder (30 minutes
before); those already due are marked as told, so upgrading sends no backlog.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""
from datetime import datetime, timedelta, timezone
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0018'
down_revision: Union[str, None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('runner_lease',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('holder', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_finished_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('notification_preference',
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('employee_id', 'event', 'channel')
    )
    op.create_table('notification_template',
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('body', sa.Text(), server_default='', nullable=False),
    sa.Column('dlt_template_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('event', 'channel')
    )
    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('body', sa.Text(), server_default='', nullable=False),
    sa.Column('link', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('read_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], ),
    sa.ForeignKeyConstraint(['recipient_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index('ix_notification_recipient_newest', ['recipient_id', 'id'], unique=False)
        batch_op.create_index('ix_notification_unread', ['recipient_id'], unique=False, sqlite_where=sa.text('read_at IS NULL'), postgresql_where=sa.text('read_at IS NULL'))

    op.create_table('outbox_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('to', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('text', sa.Text(), server_default='', nullable=False),
    sa.Column('html', sa.Text(), server_default='', nullable=False),
    sa.Column('template_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('claimed_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_message_due', ['status', 'next_attempt_at'], unique=False)

    op.create_table('outbox_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['outbox_message.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('outbox_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_attempt_message_id'), ['message_id'], unique=False)

    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.add_column(sa.Column('remind_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('remind_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('reminded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('overdue_notified_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('escalated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index('ix_follow_up_overdue_due', ['due_at'], unique=False, sqlite_where=sa.text("status = 'planned' AND overdue_notified_at IS NULL"), postgresql_where=sa.text("status = 'planned' AND overdue_notified_at IS NULL"))
        batch_op.create_index('ix_follow_up_escalation_due', ['due_at'], unique=False, sqlite_where=sa.text("status = 'planned' AND escalated_at IS NULL"), postgresql_where=sa.text("status = 'planned' AND escalated_at IS NULL"))
        batch_op.create_index('ix_follow_up_reminder_due', ['remind_at'], unique=False, sqlite_where=sa.text("status = 'planned' AND reminded_at IS NULL AND remind_at IS NOT NULL"), postgresql_where=sa.text("status = 'planned' AND reminded_at IS NULL AND remind_at IS NOT NULL"))
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.alter_column('value', existing_type=sqlmodel.sql.sqltypes.AutoString(length=200),
                              type_=sqlmodel.sql.sqltypes.AutoString(length=2000), existing_nullable=False)
    _default_reminders(op.get_bind())


def _default_reminders(bind) -> None:
    """30 minutes before, as new follow-ups get; nothing owed for what is already due."""
    now, UTC = datetime.now(timezone.utc), sqlmodel.sql.sqltypes.UTCDateTime()
    follow_up = sa.table("follow_up", sa.column("id", sa.Integer), sa.column("due_at", UTC),
                         sa.column("status", sa.String), sa.column("remind_minutes", sa.Integer),
                         sa.column("remind_at", UTC), sa.column("reminded_at", UTC),
                         sa.column("overdue_notified_at", UTC), sa.column("escalated_at", UTC))
    rows = bind.execute(sa.select(follow_up.c.id, follow_up.c.due_at)).all()
    later, due = [], []
    for id_, due_at in rows:
        (later if due_at > now else due).append({"b_id": id_, "b_at": due_at - timedelta(minutes=30)})
    if later:
        bind.execute(follow_up.update().where(follow_up.c.id == sa.bindparam("b_id")).values(
            remind_minutes=30, remind_at=sa.bindparam("b_at")), later)
    if due:
        bind.execute(follow_up.update().where(follow_up.c.id == sa.bindparam("b_id")).values(
            remind_minutes=30, remind_at=sa.bindparam("b_at"), reminded_at=now, overdue_notified_at=now,
            escalated_at=now), due)



def downgrade() -> None:
    # The delivery settings are the only values that may be longer than 200 characters.
    op.execute(sa.text("DELETE FROM setting WHERE key LIKE 'notify%'"))
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.alter_column('value', existing_type=sqlmodel.sql.sqltypes.AutoString(length=2000),
                              type_=sqlmodel.sql.sqltypes.AutoString(length=200), existing_nullable=False)
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_reminder_due', sqlite_where=sa.text("status = 'planned' AND reminded_at IS NULL AND remind_at IS NOT NULL"), postgresql_where=sa.text("status = 'planned' AND reminded_at IS NULL AND remind_at IS NOT NULL"))
        batch_op.drop_index('ix_follow_up_escalation_due')
        batch_op.drop_index('ix_follow_up_overdue_due')
        batch_op.drop_column('escalated_at')
        batch_op.drop_column('overdue_notified_at')
        batch_op.drop_column('reminded_at')
        batch_op.drop_column('remind_at')
        batch_op.drop_column('remind_minutes')

    with op.batch_alter_table('outbox_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_attempt_message_id'))

    op.drop_table('outbox_attempt')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_message_due')

    op.drop_table('outbox_message')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index('ix_notification_unread', sqlite_where=sa.text('read_at IS NULL'), postgresql_where=sa.text('read_at IS NULL'))
        batch_op.drop_index('ix_notification_recipient_newest')

    op.drop_table('notification')
    op.drop_table('notification_template')
    op.drop_table('notification_preference')
    op.drop_table('runner_lease')
