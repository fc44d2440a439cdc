"""DTOs the import wizard and the CLI get back (never ORM rows)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class FieldOption:
    key: str
    label: str  # the template header
    mandatory: bool


@dataclass
class MappedColumn:
    index: int
    header: str
    field: str  # "" when unmapped
    samples: str = ""  # its first non-empty values in the file, "a · b"


@dataclass
class MappingView:
    sheet: str
    sheets: list[str]
    columns: list[MappedColumn]
    unmatched: list[str]  # headers no field matched
    fields: list[FieldOption]  # for the drop-downs, in template order
    missing_mandatory: list[str]  # labels of mandatory fields no column feeds
    remembered: bool  # the mapping came from an earlier file with these headers
    rows: int  # data rows found (empty rows not counted)


@dataclass
class ReviewSummary:
    total: int
    valid: int
    invalid: int
    duplicate: int
    to_create: int
    to_update: int
    warnings: int


@dataclass
class JobView:
    """One import as the wizard reopens it (after a reload or from another tab)."""

    id: int
    file_name: str
    status: str  # a JobStatus
    sheet: str
    policy: str
    key_account_manager_id: int | None
    counts: dict[str, int]  # total, valid, invalid, duplicate, to_create, to_update, warnings


@dataclass
class IssueRow:
    row_number: int
    kind: str  # invalid | duplicate | warning
    problems: list[tuple[str, str, str]]  # (column, value, reason)
    summary: str


@dataclass
class ImportSummary:
    total: int
    valid: int
    invalid: int
    duplicate: int
    created: int
    updated: int
    warnings: int = 0
    message: str = ""


@dataclass
class JobProgress:
    status: str  # a JobStatus
    done: int
    total: int
    seconds_left: int | None
    summary: ImportSummary | None
    message: str
    has_result: bool
    has_errors: bool
    result_pending: bool = False  # done, the result sheet still being written (a few seconds)


@dataclass
class JobRow:
    id: int
    file_name: str
    who: str
    when: datetime
    status: str
    total: int
    valid: int
    invalid: int
    duplicate: int
    created: int
    updated: int
