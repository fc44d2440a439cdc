"""Lead attachments and the document library.

The bytes live in a private folder (``storage_root()``, by default
``data/files/``), never under ``assets/`` or Reflex's public upload folder,
under a random name: the user's filename is only ever a display label.
Every file is checked (size, extension allow-list, a light look at its first
bytes), written atomically, and removed again if its row is not committed.

Who sees a document: its uploader, and whoever can see a lead it is attached
to (admins see every lead, hence every attached document, and the whole
library). The library, attaching from it and downloads all use that one rule.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from sqlalchemy import event, exists, func, or_, true
from sqlmodel import Session, select

from hoffice_app.db import PROJECT_ROOT
from hoffice_app.domain.common import Actor, NotFound, ValidationError, require_actor
from hoffice_app.domain.documents.views import DocumentView, size_label, to_views
from hoffice_app.domain.leads import get_visible, visible_clause
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.models import Document, Lead, LeadAttachment

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_NAME = 255
NOT_FOUND = "No such file, or it is not shared with you."
ALLOWED_LABEL = "PDF, images, Office documents, text, CSV and ZIP"

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls / .ppt
ZIP = b"PK\x03\x04"
# extension: (content type, "does not look like …" label, accepted leading bytes; None = text)
FORMATS: dict[str, tuple[str, str, tuple[bytes, ...] | None]] = {
    ".pdf": ("application/pdf", "a PDF", (b"%PDF-",)),
    ".png": ("image/png", "a PNG image", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", "a JPEG image", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", "a JPEG image", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", "a GIF image", (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", "a WebP image", (b"RIFF",)),
    ".txt": ("text/plain", "a text file", None),
    ".csv": ("text/csv", "a CSV file", None),
    ".doc": ("application/msword", "a Word document", (OLE2, b"{\\rtf")),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", (ZIP,)),
    ".xls": ("application/vnd.ms-excel", "an Excel workbook", (OLE2,)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", (ZIP,)),
    ".ppt": ("application/vnd.ms-powerpoint", "a PowerPoint presentation", (OLE2,)),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
              "a PowerPoint presentation", (ZIP,)),
    ".odt": ("application/vnd.oasis.opendocument.text", "an OpenDocument text", (ZIP,)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet", (ZIP,)),
    ".zip": ("application/zip", "a ZIP archive", (ZIP, b"PK\x05\x06", b"PK\x07\x08")),
}
ALLOWED = frozenset(FORMATS)
_KEY = re.compile(r"[0-9a-f]{32}")
_PENDING = "hoffice_uncommitted_files"


# ---------------------------------------------------------------- storage

def public_folders() -> list[Path]:
    folders = [PROJECT_ROOT / "assets", PROJECT_ROOT / ".web", PROJECT_ROOT / "uploaded_files",
               Path.cwd() / "uploaded_files"]
    if os.environ.get("REFLEX_UPLOADED_FILES_DIR"):
        folders.append(Path(os.environ["REFLEX_UPLOADED_FILES_DIR"]))
    return [f.expanduser().resolve() for f in folders]


def storage_root() -> Path:
    """The private folder holding the bytes: ``HOFFICE_FILES_DIR`` or ``data/files/``."""
    configured = os.environ.get("HOFFICE_FILES_DIR", "").strip()
    root = (Path(configured).expanduser() if configured else PROJECT_ROOT / "data" / "files").resolve()
    for public in public_folders():
        if root == public or public in root.parents:
            raise RuntimeError(f"The file store {root} is inside the public folder {public}; "
                               "set HOFFICE_FILES_DIR to a private folder.")
    return root


def _path_for(storage_key: str) -> Path:
    if not _KEY.fullmatch(storage_key):
        raise ValueError(f"bad storage key {storage_key!r}")
    return storage_root() / storage_key[:2] / storage_key


def _write(data: bytes) -> tuple[str, Path]:
    """Write under a fresh random key: temp file in the same folder, fsync, os.replace."""
    key = secrets.token_hex(16)
    path = _path_for(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return key, path


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _keep_committed(session: Session) -> None:
    session.info.get(_PENDING, []).clear()


def _drop_uncommitted(session: Session, transaction) -> None:
    if transaction.parent is None:
        for path in session.info.get(_PENDING, []):
            _remove(path)
        session.info.get(_PENDING, []).clear()


def _remove_unless_committed(session: Session, path: Path) -> None:
    """Delete ``path`` when the session's transaction ends without a commit (rollback, close)."""
    if _PENDING not in session.info:
        session.info[_PENDING] = []
        event.listen(session, "after_commit", _keep_committed)
        event.listen(session, "after_transaction_end", _drop_uncommitted)
    session.info[_PENDING].append(path)


# ---------------------------------------------------------------- checks

def clean_filename(name: str) -> str:
    """The display name: last path component, no control or bidi characters, at most 255 characters."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join("" if unicodedata.category(c).startswith("C") else "_" if c in '<>:"|?*' else c for c in name)
    name = " ".join(name.split()).strip(". ")
    if len(name) > MAX_NAME:
        stem, ext = os.path.splitext(name)
        ext = ext if len(ext) <= 16 else ""
        name = stem[:MAX_NAME - len(ext)].rstrip(". ") + ext
    return name


def _looks_executable(data: bytes) -> bool:
    head = data[:64]
    if head.startswith((b"\x7fELF", b"#!", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
                        b"\xcf\xfa\xed\xfe")):
        return True
    # "MZ" alone is also how some text starts; a DOS/Windows program header has binary bytes.
    return head.startswith(b"MZ") and (b"\x00" in head or len(data) < 64)


def _is_text(data: bytes) -> bool:
    head = data[:8192]
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head


def check_file(filename: str, data: bytes) -> tuple[str, str]:
    """(display name, content type) of an acceptable file, or ValidationError({"file": …})."""
    name = clean_filename(filename)
    if not data:
        raise ValidationError({"file": "The file is empty."})
    if len(data) > MAX_BYTES:
        size, limit = size_label(len(data)), size_label(MAX_BYTES)
        size = f"just over {size}" if size == limit else size
        raise ValidationError({"file": f"This file is {size}; the limit is {limit}."})
    ext = os.path.splitext(name)[1].lower()
    if ext not in FORMATS:
        kind = f"Files of type {ext}" if ext else "Files without an extension"
        raise ValidationError({"file": f"{kind} cannot be attached. Allowed: {ALLOWED_LABEL}."})
    if _looks_executable(data):
        raise ValidationError({"file": "This file looks like a program; programs cannot be attached."})
    content_type, label, magic = FORMATS[ext]
    fits = _is_text(data) if magic is None else data.startswith(magic)
    if ext == ".webp":
        fits = fits and data[8:12] == b"WEBP"
    if ext == ".xls" and not fits:
        fits = _is_text(data)  # spreadsheets exported as HTML/XML by other programs
    if not fits:
        raise ValidationError({"file": f"This file does not look like {label}."})
    return name, content_type


# ---------------------------------------------------------------- who sees what

def _visible_documents(session: Session, actor: Actor):
    """A WHERE clause on Document: uploaded by the actor or attached to a lead they can see."""
    require_actor(actor)
    if actor.is_admin:
        return true()
    attached = exists().where(LeadAttachment.document_id == Document.id, Lead.id == LeadAttachment.lead_id,
                              visible_clause(session, actor))
    return or_(Document.uploaded_by_id == actor.id, attached)


def _get_document(session: Session, actor: Actor, document_id: int) -> Document:
    doc = session.exec(select(Document).where(Document.id == document_id,
                                              _visible_documents(session, actor))).first()
    if doc is None:
        raise NotFound(NOT_FOUND)
    return doc


def _touch(session: Session, lead: Lead, actor: Actor, text: str, now: datetime) -> None:
    lead_events.record(session, lead.id, actor.id, "attachment", text, at=now)
    lead.updated_at = now
    session.add(lead)


# ---------------------------------------------------------------- operations

def store_and_attach(session: Session, actor: Actor, lead_id: int, filename: str, data: bytes, *,
                     now: datetime) -> DocumentView:
    """Check the file, store it privately, add it to the library and attach it to the lead."""
    lead = get_visible(session, actor, lead_id=lead_id)
    name, content_type = check_file(filename, data)
    key, path = _write(data)
    _remove_unless_committed(session, path)
    try:
        doc = Document(filename=name, content_type=content_type, size=len(data),
                       sha256=hashlib.sha256(data).hexdigest(), storage_key=key, uploaded_by_id=actor.id,
                       uploaded_at=now)
        session.add(doc)
        session.flush()
        session.add(LeadAttachment(lead_id=lead.id, document_id=doc.id, attached_by_id=actor.id, attached_at=now))
        _touch(session, lead, actor, f"Attached {name}", now)
        session.flush()
    except BaseException:
        _remove(path)
        raise
    return to_views(session, [doc])[0]


def attach_existing(session: Session, actor: Actor, lead_id: int, document_id: int, *,
                    now: datetime) -> DocumentView:
    """Attach a library document the actor may see."""
    lead = get_visible(session, actor, lead_id=lead_id)
    doc = _get_document(session, actor, document_id)
    if session.get(LeadAttachment, (lead.id, doc.id)) is not None:
        raise ValidationError({"file": f"{doc.filename} is already attached to this lead."})
    session.add(LeadAttachment(lead_id=lead.id, document_id=doc.id, attached_by_id=actor.id, attached_at=now))
    _touch(session, lead, actor, f"Attached {doc.filename}", now)
    session.flush()
    return to_views(session, [doc])[0]


def detach(session: Session, actor: Actor, lead_id: int, document_id: int, *, now: datetime) -> None:
    """Take the document off the lead; it stays in the library."""
    lead = get_visible(session, actor, lead_id=lead_id)
    link = session.get(LeadAttachment, (lead.id, document_id))
    if link is None:
        raise NotFound("That file is not attached to this lead.")
    doc = session.get(Document, document_id)
    session.delete(link)
    _touch(session, lead, actor, f"Removed attachment {doc.filename}", now)
    session.flush()


def lead_documents(session: Session, actor: Actor, lead_id: int) -> list[DocumentView]:
    lead = get_visible(session, actor, lead_id=lead_id)
    docs = session.exec(select(Document).join(LeadAttachment, LeadAttachment.document_id == Document.id)
                        .where(LeadAttachment.lead_id == lead.id)
                        .order_by(LeadAttachment.attached_at.desc(), Document.id.desc())).all()
    return to_views(session, list(docs))


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def library(session: Session, actor: Actor, text: str = "", limit: int = 50) -> list[DocumentView]:
    """Documents the actor may see, newest first; every word of ``text`` must appear in the name."""
    stmt = select(Document).where(_visible_documents(session, actor))
    for word in (text or "").casefold().split()[:6]:
        stmt = stmt.where(func.lower(Document.filename).like(f"%{_escape_like(word)}%", escape="\\"))
    stmt = stmt.order_by(Document.uploaded_at.desc(), Document.id.desc()).limit(max(1, min(int(limit), 200)))
    return to_views(session, list(session.exec(stmt).all()))


def open_for_download(session: Session, actor: Actor, document_id: int) -> tuple[Path, str, str]:
    """(path on disk, display filename, content type) of a document the actor may see."""
    doc = _get_document(session, actor, document_id)
    path = _path_for(doc.storage_key)
    if not path.is_file():
        log.error("document %s: stored file %s is missing", doc.id, path)
        raise NotFound(NOT_FOUND)
    return path, doc.filename, doc.content_type
