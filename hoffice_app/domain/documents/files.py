"""The bytes of the document library: the checks every file passes (size, extension
allow-list, a light look at its first bytes, no programs), the private folder they are kept
in under a random name, and storing one as a library document.

A file is written atomically and removed again if its row is not committed; a document
deleted from the library loses its file once the deletion is committed.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from sqlalchemy import event
from sqlmodel import Session

from hoffice_app.db import PROJECT_ROOT
from hoffice_app.domain.common import Actor, ValidationError, require_actor
from hoffice_app.domain.documents.views import size_label
from hoffice_app.models import Document

MAX_BYTES = 10 * 1024 * 1024
MAX_NAME = 255
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


def path_for(storage_key: str) -> Path:
    if not _KEY.fullmatch(storage_key):
        raise ValueError(f"bad storage key {storage_key!r}")
    return storage_root() / storage_key[:2] / storage_key


def _write(data: bytes) -> tuple[str, Path]:
    """Write under a fresh random key: temp file in the same folder, fsync, os.replace."""
    key = secrets.token_hex(16)
    path = path_for(key)
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


# ---------------------------------------------------------------- storing and removing

def store(session: Session, actor: Actor, filename: str, data: bytes, *, now: datetime,
          category_id: int | None = None) -> Document:
    """Check the file, write it privately and add it to the library (flushed, not attached)."""
    require_actor(actor)
    name, content_type = check_file(filename, data)
    key, path = _write(data)
    _remove_unless_committed(session, path)
    try:
        doc = Document(filename=name, content_type=content_type, size=len(data),
                       sha256=hashlib.sha256(data).hexdigest(), storage_key=key, uploaded_by_id=actor.id,
                       uploaded_at=now, category_id=category_id)
        session.add(doc)
        session.flush()
    except BaseException:
        _remove(path)
        raise
    return doc


def discard_file(doc: Document) -> None:
    """Remove ``doc``'s file at once (its row is about to be rolled back)."""
    _remove(path_for(doc.storage_key))


def remove_after_commit(session: Session, doc: Document) -> None:
    """Delete ``doc``'s row now and its file once the deletion is committed (kept on rollback)."""
    path = path_for(doc.storage_key)
    session.delete(doc)
    session.flush()
    event.listen(session, "after_commit", lambda _s: _remove(path), once=True)
