"""The wizard's upload folder (``<imports dir>/uploads/``): where a sheet is kept from the
moment it arrives until ``jobs.start_job`` records it, and what is left there when that never
happens.

A sheet is copied in 1 MB pieces and refused as soon as it passes the size limit, so a big
file never sits whole in memory. Files that no job points to are removed once they are
``STALE_AFTER`` old (6 hours): at start-up and whenever a new upload is accepted
(``hoffice_app.http.uploads``). Staging a sheet takes seconds to minutes, so a file that old
belongs to an upload whose request died (a crash, a restart, an error) and nobody will ever
open it. A file a job points to is never removed here.
"""
from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session, select

from hoffice_app.importer.errors import FileRefused
from hoffice_app.importer.jobs import storage_dir
from hoffice_app.models import ImportJob

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(hours=6)
PIECE = 1 << 20


def folder() -> Path:
    path = storage_dir() / "uploads"
    path.mkdir(exist_ok=True, mode=0o700)
    return path


def too_big(max_bytes: int) -> FileRefused:
    return FileRefused(f"The file is over {max_bytes // 2**20} MB; split it into smaller files and "
                       "import them one by one.")


def keep(source: BinaryIO, suffix: str, *, max_bytes: int) -> Path:
    """Copies an uploaded file under a random name; FileRefused (and nothing kept) once it
    passes ``max_bytes``."""
    stored = folder() / f"{uuid.uuid4().hex}{suffix.lower()}"
    written = 0
    try:
        with stored.open("xb") as out:
            while piece := source.read(PIECE):
                written += len(piece)
                if written > max_bytes:
                    raise too_big(max_bytes)
                out.write(piece)
    except BaseException:
        stored.unlink(missing_ok=True)
        raise
    return stored


def sweep(session: Session, *, now: datetime, older_than: timedelta = STALE_AFTER) -> int:
    """Removes the uploads no job points to that are older than ``older_than``; how many went."""
    cutoff = (now - older_than).timestamp()
    stale = [path for path in folder().iterdir() if path.is_file() and path.stat().st_mtime < cutoff]
    if not stale:
        return 0
    paths = [str(path.resolve()) for path in stale]
    kept = set(session.exec(select(ImportJob.stored_path).where(ImportJob.stored_path.in_(paths))).all())
    removed = 0
    for path, name in zip(stale, paths):
        if name not in kept:
            path.unlink(missing_ok=True)
            removed += 1
    if removed:
        log.info("removed %d upload(s) older than %s that never became an import", removed, older_than)
    return removed


def sweep_folder(session: Session, *, now: datetime) -> int:
    """``sweep`` that never fails its caller (start-up, an arriving upload): a folder that cannot be
    read is logged, not raised."""
    try:
        return sweep(session, now=now)
    except OSError:
        log.warning("could not clean the upload folder", exc_info=True)
        return 0

