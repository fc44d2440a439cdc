"""Contact imports: one job per uploaded file, the problems its review found
(kept so the wizard can page and filter them, and the error sheet can be
written), and the column mapping remembered per header signature."""
from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum
from typing import Optional

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel


class JobStatus(StrEnum):
    """Where an import job is: uploaded → reviewed → running → done, or failed (then it can
    be reviewed and submitted again; nothing was written)."""

    UPLOADED = "uploaded"
    REVIEWED = "reviewed"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportJob(SQLModel, table=True):
    __tablename__ = "import_job"

    id: Optional[int] = Field(default=None, primary_key=True)
    # The job's private folder under the import storage: random, never the job's number, which
    # restarts with a new or restored database (an older job's files would then be served as this one's).
    folder: str = Field(default_factory=lambda: f"job-{secrets.token_hex(16)}", max_length=64, unique=True, index=True)
    created_by_id: int = Field(foreign_key="employee.id", index=True)
    file_name: str = Field(max_length=255)  # as uploaded: a display label only
    stored_path: str = Field(max_length=1000)  # the private copy the engine reads
    created_at: datetime
    status: str = Field(default=JobStatus.UPLOADED, max_length=10)  # a JobStatus
    sheet: str = Field(default="", max_length=200)
    mapping: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))  # JSON
    policy: str = Field(default="skip", max_length=6)  # skip | update | create
    key_account_manager_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    total: int = 0
    valid: int = 0
    invalid: int = 0
    duplicate: int = 0
    warnings: int = 0
    to_create: int = 0
    to_update: int = 0
    created: int = 0
    updated: int = 0
    done: int = 0  # rows written so far while running
    started_at: Optional[datetime] = None
    finished_at: Optional[datetime] = None
    message: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    result_path: str = Field(default="", max_length=1000)
    errors_path: str = Field(default="", max_length=1000)


class ImportIssue(SQLModel, table=True):
    """An invalid or duplicate row, or a valid row with warnings."""

    __tablename__ = "import_issue"
    __table_args__ = (Index("ix_import_issue_job_kind_row", "job_id", "kind", "row_number"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="import_job.id")
    row_number: int
    kind: str = Field(max_length=10)  # invalid | duplicate | warning
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    problems: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))  # JSON
    cells: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))  # JSON; "" for warnings


class ImportMapping(SQLModel, table=True):
    """The mapping last used for a file with exactly these headers."""

    __tablename__ = "import_mapping"

    signature: str = Field(primary_key=True, max_length=64)
    mapping: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))  # JSON
    updated_by_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    updated_at: datetime
