"""Employees (the users of the app), their sessions and login throttling."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from hoffice_app.models.versioned import version_column

_EMPLOYEE_VERSION = version_column()


class Employee(SQLModel, table=True):
    __tablename__ = "employee"
    __mapper_args__ = {"version_id_col": _EMPLOYEE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True, index=True)
    name: str = Field(max_length=120)
    # Stored lower-case so log-in and uniqueness ignore case.
    email: str = Field(max_length=254, unique=True, index=True)
    mobile: str = Field(default="", max_length=20)
    role: str = Field(max_length=20)  # admin | manager | executive
    reports_to_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    active: bool = Field(default=True)
    away_from: Optional[date] = None  # assignment rules skip an employee away on these days
    away_to: Optional[date] = None
    password_hash: str = Field(default="", max_length=200)
    created_at: datetime
    updated_at: datetime
    version: int = Field(default=1, sa_column=_EMPLOYEE_VERSION)
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # who saved it last


class EmployeeDivision(SQLModel, table=True):
    __tablename__ = "employee_division"

    employee_id: int = Field(foreign_key="employee.id", primary_key=True)
    division_id: int = Field(foreign_key="master_entry.id", primary_key=True)


class AuthSession(SQLModel, table=True):
    """A log-in. Only a SHA-256 of the token is kept, so a leaked database
    cannot be replayed as live sessions."""

    __tablename__ = "auth_session"

    id: Optional[int] = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    created_at: datetime
    last_seen_at: datetime
    revoked_at: Optional[datetime] = None
    client_ip: str = Field(default="", max_length=64)


class LoginTicket(SQLModel, table=True):
    """A password checked, its session not yet opened: the one-time ticket a page exchanges,
    within a minute, for the HttpOnly session cookie (domain/auth/tickets.py). Only a
    SHA-256 of the ticket is kept."""

    __tablename__ = "login_ticket"

    id: Optional[int] = Field(default=None, primary_key=True)
    ticket_hash: str = Field(max_length=64, unique=True, index=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    created_at: datetime
    client_ip: str = Field(default="", max_length=64)


class LoginThrottle(SQLModel, table=True):
    """Failed log-ins counted under one key: an account at an address, an account, or an
    address (domain/auth/throttle.py says which limits apply)."""

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True, max_length=300)
    failures: int = Field(default=0)
    # When this count began: the address limit is "so many failures within 15 minutes".
    first_failed_at: datetime
    last_failed_at: datetime
    locked_until: Optional[datetime] = None
