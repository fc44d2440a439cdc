"""Contacts (companies and people) and everything that hangs off one.

Repeating details (e-mails, phones, addresses, aliases, categories, divisions,
privacy list) live in child tables; ``search_text`` is a lower-cased digest of
code, name, aliases, e-mails and phone digits kept in step by the domain layer,
so one indexed-free scan answers "find by any of these" quickly.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import Column, Index, Numeric, Text, func, text
from sqlmodel import Field, SQLModel

from hoffice_app.models.versioned import version_column

_CONTACT_VERSION = version_column()


class Contact(SQLModel, table=True):
    __tablename__ = "contact"
    __mapper_args__ = {"version_id_col": _CONTACT_VERSION}
    # (name_key, id, is_private): the list's default order and its privacy test from one index.
    __table_args__ = (Index("ix_contact_name_order", "name_key", "id", "is_private"),
                      Index("ix_contact_created_order", "created_at", "id"))

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=12, unique=True, index=True)
    title_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)
    contact_type_id: int = Field(foreign_key="master_entry.id", index=True)
    is_customer: bool = Field(default=False, index=True)  # False: prospect
    designation: str = Field(default="", max_length=100)
    country: str = Field(default="IN", max_length=2)  # ISO 3166 alpha-2; phones are parsed for it
    reference_kind: str = Field(default="", max_length=10)  # "" | contact | employee | campaign
    reference_contact_id: Optional[int] = Field(default=None, foreign_key="contact.id")
    reference_employee_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    reference_campaign_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    industry_id: Optional[int] = Field(default=None, foreign_key="master_entry.id", index=True)
    segment_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    date_of_birth: Optional[date] = None
    anniversary: Optional[date] = None
    gender: str = Field(default="", max_length=10)  # "" | male | female | other
    date_of_death: Optional[date] = None
    website: str = Field(default="", max_length=200)
    skype: str = Field(default="", max_length=100)
    linkedin: str = Field(default="", max_length=200)
    instagram: str = Field(default="", max_length=200)
    facebook: str = Field(default="", max_length=200)
    youtube: str = Field(default="", max_length=200)
    twitter: str = Field(default="", max_length=200)
    pan: str = Field(default="", max_length=30)
    aadhaar: str = Field(default="", max_length=30)
    gst_registration_type: str = Field(default="", max_length=15)  # Regular | Consumer | Composition | Unregistered
    gstin: str = Field(default="", max_length=30)
    sez_type: str = Field(default="", max_length=20)  # Deemed export | Government entity | SEZ
    cin: str = Field(default="", max_length=21)
    transporter_id: str = Field(default="", max_length=20)
    tds_applicable: bool = False
    tds_section: str = Field(default="", max_length=20)
    vat_number: str = Field(default="", max_length=30)
    cst_number: str = Field(default="", max_length=30)
    st_number: str = Field(default="", max_length=30)
    tan_number: str = Field(default="", max_length=10)
    credit_limit_amount: Optional[Decimal] = Field(default=None, sa_column=Column(Numeric(16, 2)))
    credit_limit_days: Optional[int] = None
    default_discount_pct: Optional[Decimal] = Field(default=None, sa_column=Column(Numeric(5, 2)))
    price_list_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    sales_group: str = Field(default="", max_length=60)
    class_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    default_invoice_type: str = Field(default="", max_length=20)  # Sales Invoice | Service Invoice
    lock_for_sales: bool = False
    annual_revenue: Optional[Decimal] = Field(default=None, sa_column=Column(Numeric(18, 2)))
    business_contact_type: str = Field(default="", max_length=10)  # "" | partner | end_user
    time_zone: str = Field(default="", max_length=64)
    currency: str = Field(default="", max_length=3)
    notification_channel: str = Field(default="email", max_length=10)  # email | sms | both | none
    client_login: bool = False
    key_account_manager_id: Optional[int] = Field(default=None, foreign_key="employee.id", index=True)
    remarks: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    is_private: bool = Field(default=False)
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    created_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    created_at: datetime
    updated_at: datetime
    version: int = Field(default=1, sa_column=_CONTACT_VERSION)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # who saved it last


class ContactEmail(SQLModel, table=True):
    __tablename__ = "contact_email"

    id: Optional[int] = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    email: str = Field(max_length=254)  # as entered, domain lower-cased
    email_key: str = Field(max_length=254, index=True)  # all lower-case: what duplicates compare
    is_primary: bool = False


MOBILE_ONLY = text("kind = 'mobile'")


class ContactPhone(SQLModel, table=True):
    __tablename__ = "contact_phone"
    # Numbers are looked up only as mobiles (duplicate checks, a lead's contact): the index
    # holds the mobiles alone, two of a fully filled row's five numbers (less to write on import)
    __table_args__ = (Index("ix_contact_phone_mobile", "number", sqlite_where=MOBILE_ONLY,
                            postgresql_where=MOBILE_ONLY),)

    id: Optional[int] = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    kind: str = Field(max_length=10)  # mobile | office | other
    number: str = Field(max_length=20)  # E.164
    is_primary: bool = False


class ContactAddress(SQLModel, table=True):
    __tablename__ = "contact_address"

    id: Optional[int] = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    address_type_id: Optional[int] = Field(default=None, foreign_key="master_entry.id")
    line1: str = Field(default="", max_length=200)
    line2: str = Field(default="", max_length=200)
    area: str = Field(default="", max_length=100)
    district: str = Field(default="", max_length=100)
    city: str = Field(default="", max_length=100, index=True)
    state: str = Field(default="", max_length=100, index=True)  # upper-case
    country: str = Field(default="IN", max_length=2)
    pin: str = Field(default="", max_length=12)
    is_default: bool = False


class ContactAlias(SQLModel, table=True):
    __tablename__ = "contact_alias"

    id: Optional[int] = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    alias: str = Field(max_length=200)


class ContactCategory(SQLModel, table=True):
    __tablename__ = "contact_category"

    contact_id: int = Field(foreign_key="contact.id", primary_key=True)
    category_id: int = Field(foreign_key="master_entry.id", primary_key=True, index=True)


class ContactDivision(SQLModel, table=True):
    __tablename__ = "contact_division"

    contact_id: int = Field(foreign_key="contact.id", primary_key=True)
    division_id: int = Field(foreign_key="master_entry.id", primary_key=True, index=True)


class ContactPrivacy(SQLModel, table=True):
    """Employees who may see a private contact (admins always may)."""

    __tablename__ = "contact_privacy"

    contact_id: int = Field(foreign_key="contact.id", primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", primary_key=True, index=True)


class ContactAssociation(SQLModel, table=True):
    """"<contact> is <relation> of <related contact>" (e.g. Employee of a company)."""

    __tablename__ = "contact_association"
    __table_args__ = (Index("uq_association", "contact_id", "related_contact_id", "relation_id", unique=True),)

    id: Optional[int] = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    related_contact_id: int = Field(foreign_key="contact.id", index=True)
    relation_id: int = Field(foreign_key="master_entry.id")
    created_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    created_at: datetime


# The city filter compares lower(city); this index answers it without a scan.
Index("ix_contact_address_city_lower", func.lower(ContactAddress.city), ContactAddress.contact_id)
