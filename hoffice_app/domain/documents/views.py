"""What the UI sees of a stored file: the DocumentView DTO and its labels."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, select

from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Document, Employee

DOWNLOAD_URL = "/files/documents/{id}"


@dataclass
class DocumentView:
    id: int
    filename: str
    size_label: str
    content_type: str
    uploaded_by: str
    uploaded_at: str
    download_url: str


def size_label(size: int) -> str:
    """1024-based, one decimal, no trailing ".0": "512 bytes", "3.4 KB", "1.2 MB", "10 MB"."""
    if size < 1024:
        return "1 byte" if size == 1 else f"{size} bytes"
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    text = f"{value:.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {unit}"


def download_url(document_id: int) -> str:
    return DOWNLOAD_URL.format(id=document_id)


def _local(value: datetime | None, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:  # SQLite hands back naive UTC on some paths
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(zone).strftime("%d %b %Y, %H:%M")


def to_views(session: Session, documents: list[Document]) -> list[DocumentView]:
    """DTOs for ``documents`` (one query for the uploaders' names), times in the company's zone."""
    ids = {d.uploaded_by_id for d in documents}
    names = dict(session.exec(select(Employee.id, Employee.name).where(Employee.id.in_(ids))).all()) if ids else {}
    try:
        zone = ZoneInfo(app_settings.get(session, "default_timezone"))
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return [DocumentView(id=d.id, filename=d.filename, size_label=size_label(d.size), content_type=d.content_type,
                         uploaded_by=names.get(d.uploaded_by_id, ""),
                         uploaded_at=_local(d.uploaded_at, zone),
                         download_url=download_url(d.id))
            for d in documents]


@dataclass
class LeadLink:
    """A lead that uses a document, only ever one the viewer may see."""

    code: str
    title: str


@dataclass
class LibraryRow:
    """One line of the Documents page."""

    id: int
    filename: str
    size_label: str
    category: str
    uploaded_by: str
    uploaded_at: str
    download_url: str
    leads: list[LeadLink]


@dataclass
class LibraryPage:
    total: int
    rows: list[LibraryRow]
