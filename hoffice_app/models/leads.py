"""Leads (the label may read Inquiry or Opportunity), their follow-ups,
followers, products, attachments and timeline."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Optional

from sqlalchemy import Column, Index, Numeric, Text, func, text
from sqlmodel import Field, SQLModel

from hoffice_app.models.versioned import version_column

_LEAD_VERSION = version_column()


class Lead(SQLModel, table=True):
    __tablename__ = "lead"
    __mapper_args__ = {"version_id_col": _LEAD_VERSION}
    __table_args__ = (Index("ix_lead_open_created", "is_open", "created_at", "id"),
                      Index("ix_lead_assigned_open", "assigned_to_id", "is_open", "created_at"),
                      Index("ix_lead_created_by", "created_by_id", "created_at"),
                      Index("ix_lead_next_followup", "is_open", "next_followup_at"),
                      Index("ix_lead_created", "created_at", "id"),
                      # the lead list filtered by stage, newest first
                      Index("ix_lead_stage_created", "stage_id", "created_at", "id"),
                      # a board column in its order, last into the stage first (funnel/board.py)
                      Index("ix_lead_stage_board", "stage_id", "stage_entered_at", "id"),
                      # covers the board's GROUP BY totals with every board filter but product, and a
                      # column's order, so a column with few matching leads is paged from the index alone;
                      # the id too, which the visibility test reads (SQLite's indexes hold it anyway)
                      Index("ix_lead_board_totals", "funnel_id", "stage_id", "estimated_value", "assigned_to_id",
                            "created_by_id", "priority_id", "source_kind", "stage_entered_at", "id"),
                      # insights: leads won or lost in a period, and assigned in one (migration 0020)
                      Index("ix_lead_stage_closed", "stage_id", "closed_at"),
                      Index("ix_lead_assigned_at", "assigned_at"),
                      # the lead list sorted by priority, value or next follow-up, a segment at a time
                      # (domain/leads/sorting.py; migration 0022)
                      Index("ix_lead_priority_created", "priority_id", "created_at", "id"),
                      Index("ix_lead_value", "estimated_value", "id"),
                      Index("ix_lead_followup", "next_followup_at", "id"),
                      # the dashboard's open-lead totals from the index alone, oldest in their stage first
                      Index("ix_lead_open_entered", "is_open", "stage_entered_at", "id", "stage_id", "estimated_value",
                            "assigned_to_id", "created_by_id"))

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=12, unique=True, index=True)
    title: str = Field(max_length=200)
    title_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    contact_id: int = Field(foreign_key="contact.id", index=True)
    contact_address_id: Optional[int] = Field(default=None, foreign_key="contact_address.id")
    assigned_to_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    created_by_id: int = Field(foreign_key="employee.id")
    assigned_at: Optional[datetime] = None
    product_category_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    status_id: Optional[int] = Field(default=None, foreign_key="master_entry.id", index=True)
    priority_id: Optional[int] = Field(default=None, foreign_key="master_entry.id", index=True)
    lead_type_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    estimated_value: Optional[Decimal] = Field(default=None, sa_column=Column(Numeric(16, 2)))
    source_kind: str = Field(default="", max_length=10)  # "" | contact | employee | friend | campaign
    # indexed: the lead list's "source: this contact" filter (else every lead of the kind is read)
    source_contact_id: Optional[int] = Field(default=None, foreign_key="contact.id", index=True)
    source_employee_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    source_campaign_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    knowledge_template_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    description: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    is_open: bool = Field(default=True)
    funnel_id: Optional[int] = Field(default=None, foreign_key="funnel.id")
    stage_id: Optional[int] = Field(default=None, foreign_key="funnel_stage.id")
    stage_entered_at: Optional[datetime] = None
    lost_reason_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    closed_at: Optional[datetime] = None
    # Bumped by every save, move and import (see models/versioned.py): a save or move made
    # against an older version is refused or merged (two people, one lead).
    version: int = Field(default=1, sa_column=_LEAD_VERSION)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # who saved it last
    next_followup_at: Optional[datetime] = None  # earliest planned follow-up, kept by the domain
    # Revoke policies: a manager's "hold" exempts the lead; the last activity (an edit, a follow-up,
    # a note, a stage move: every timeline line) is what "no activity for D days" measures.
    on_hold: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    last_activity_at: Optional[datetime] = None
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    created_at: datetime
    updated_at: datetime


# Sorting by title (case-insensitive) pages from this index instead of sorting every row.
Index("ix_lead_title_lower", func.lower(Lead.title), Lead.id)


class LeadProduct(SQLModel, table=True):
    """A product line of a lead: how many, at what unit price (none when not quoted yet), and
    its place in the lead's list (the first line's category is the lead's main category)."""

    __tablename__ = "lead_product"
    # a product's leads from the index alone: the board's and the lead list's product filter
    # lists them without reading a line (migration 0024)
    __table_args__ = (Index("ix_lead_product_product_lead", "product_id", "lead_id"),)

    lead_id: int = Field(foreign_key="lead.id", primary_key=True)
    product_id: int = Field(foreign_key="master_entry.id", primary_key=True)
    quantity: Decimal = Field(default=Decimal(1), sa_column=Column(Numeric(12, 3), nullable=False,
                                                                   server_default=text("1")))
    unit_price: Optional[Decimal] = Field(default=None, sa_column=Column(Numeric(16, 2), nullable=True))
    position: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})


class LeadAssociatedContact(SQLModel, table=True):
    __tablename__ = "lead_associated_contact"

    lead_id: int = Field(foreign_key="lead.id", primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", primary_key=True)


class LeadFollower(SQLModel, table=True):
    """An employee (sees the lead, gets notified) or an external contact (notified)."""

    __tablename__ = "lead_follower"
    __table_args__ = (Index("ix_lead_follower_employee", "employee_id", "lead_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", index=True)
    employee_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    contact_id: Optional[int] = Field(default=None, foreign_key="contact.id")


class LeadAlsoNotify(SQLModel, table=True):
    """Other e-mails or mobiles of the contact to send this lead's messages to."""

    __tablename__ = "lead_also_notify"

    id: Optional[int] = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", index=True)
    channel: str = Field(max_length=10)  # email | mobile
    value: str = Field(max_length=254)


class FollowUpStatus(StrEnum):
    """A follow-up is planned until someone completes it with its outcome."""

    PLANNED = "planned"
    DONE = "done"


class DueState(StrEnum):
    """How a follow-up (or a lead's next one) reads on lists and cards, by the company's clock."""

    OVERDUE = "overdue"
    TODAY = "today"
    PLANNED = "planned"
    DONE = "done"


_OWED_REMINDER = text("status = 'planned' AND reminded_at IS NULL AND remind_at IS NOT NULL")
_OWED_OVERDUE = text("status = 'planned' AND overdue_notified_at IS NULL")
_OWED_ESCALATION = text("status = 'planned' AND escalated_at IS NULL")


class FollowUp(SQLModel, table=True):
    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_assignee_due", "assignee_id", "status", "due_at"),
        # insights: a period's follow-ups and the overdue ones, read from the index alone (migration 0020)
        Index("ix_follow_up_due", "due_at", "status", "assignee_id", "completed_at", "lead_id"),
        # The notification runner's minute scans read only follow-ups still owed a message.
        Index("ix_follow_up_reminder_due", "remind_at", sqlite_where=_OWED_REMINDER, postgresql_where=_OWED_REMINDER),
        Index("ix_follow_up_overdue_due", "due_at", sqlite_where=_OWED_OVERDUE, postgresql_where=_OWED_OVERDUE),
        Index("ix_follow_up_escalation_due", "due_at", sqlite_where=_OWED_ESCALATION,
              postgresql_where=_OWED_ESCALATION),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", index=True)
    kind: str = Field(max_length=10)  # call | meeting | email | visit | whatsapp
    due_at: datetime
    assignee_id: int = Field(foreign_key="employee.id")
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    status: str = Field(default=FollowUpStatus.PLANNED, max_length=10)  # a FollowUpStatus
    outcome: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    completed_at: Optional[datetime] = None
    completed_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    created_by_id: int = Field(foreign_key="employee.id")
    created_at: datetime
    # Reminders: minutes before due_at (0 = at due time, None = no reminder) and when it falls.
    remind_minutes: Optional[int] = None  # set by followups.schedule (30 unless the planner chose)
    remind_at: Optional[datetime] = None
    reminded_at: Optional[datetime] = None  # the reminder was queued
    overdue_notified_at: Optional[datetime] = None  # the assignee was told it is overdue
    escalated_at: Optional[datetime] = None  # their manager was told


class LeadEvent(SQLModel, table=True):
    """One line of the lead's timeline: what happened, who, when."""

    __tablename__ = "lead_event"

    id: Optional[int] = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", index=True)
    at: datetime
    actor_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    kind: str = Field(max_length=20)  # one of leads.timeline.KINDS: created | assigned | status | follow_up_moved | ...
    text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


class Document(SQLModel, table=True):
    """A stored file (the document library). Bytes live under data/files/, never in a public folder."""

    __tablename__ = "document"

    id: Optional[int] = Field(default=None, primary_key=True)
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64, index=True)
    storage_key: str = Field(max_length=100, unique=True)
    uploaded_by_id: int = Field(foreign_key="employee.id")
    uploaded_at: datetime
    category_id: Optional[int] = Field(default=None, foreign_key="master_entry.id", index=True)  # "document category"


class LeadAttachment(SQLModel, table=True):
    __tablename__ = "lead_attachment"

    lead_id: int = Field(foreign_key="lead.id", primary_key=True)
    document_id: int = Field(foreign_key="document.id", primary_key=True, index=True)
    attached_by_id: int = Field(foreign_key="employee.id")
    attached_at: datetime
