"""Making a backup while the app keeps running.

Order matters: the database is copied FIRST, then the folders. A document's
file is written (and fsynced) before its row is committed, so every document
row in the copy already has its file on disk when the folders are copied; the
other way round, a document saved between the two steps would have a row but
no file. A file added after the database copy is carried along unreferenced,
which is harmless. The manifest still lists any document row whose file is
missing, rather than hiding it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from hoffice_app.backup import postgres, sqlite
from hoffice_app.backup.layout import (
    FORMAT,
    FORMAT_VERSION,
    PG_DUMP,
    SQLITE_COPY,
    BackupRefused,
    Listing,
    copy_folder,
    is_archive,
    pack,
    sha256_of,
    write_manifest,
)
from hoffice_app.db import PROJECT_ROOT, get_engine
from hoffice_app.domain.documents import storage_root
from hoffice_app.importer import jobs
from hoffice_app.migrations import head_revision

APP_NAME = "H-Office Leads & Contacts"


def code_revision() -> str:
    """The commit the running code was checked out at, when it is a git checkout."""
    try:
        done = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _target(out: Path) -> Path:
    out = out.expanduser().resolve()
    if out.exists() and (out.is_file() or any(out.iterdir())):
        raise BackupRefused(f"{out} already exists; choose a new name (a backup never overwrites anything).")
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def _database(staging: Path) -> dict:
    engine = get_engine()
    if engine.dialect.name == "sqlite":
        copy = staging / SQLITE_COPY
        info = sqlite.snapshot(sqlite.path_of(engine.url), copy)
        info["document_keys"] = sqlite.document_keys(copy)
    elif engine.dialect.name == "postgresql":
        copy = staging / PG_DUMP
        info = postgres.dump(engine, copy)
    else:
        raise BackupRefused(f"Backups support SQLite and PostgreSQL, not {engine.dialect.name}.")
    if not info["revision"]:
        raise BackupRefused("The database has no migration revision; run `python -m hoffice_app db upgrade` first.")
    info["file"] = {"path": copy.name, "size": copy.stat().st_size, "sha256": sha256_of(copy),
                    "dialect": engine.dialect.name}
    return info


def _without_file(keys: list[str], staging: Path) -> list[str]:
    return [key for key in keys if not (staging / "files" / key[:2] / key).is_file()]


def create_backup(out: str | Path, *, now: datetime) -> dict:
    """Write a backup to ``out`` (a folder, or a .tar.gz when the name says so) and return
    its manifest. Nothing carries the final name until the backup is complete."""
    out = _target(Path(out))
    files_root, imports_root = storage_root(), jobs.storage_dir()
    staging = Path(tempfile.mkdtemp(prefix=".hoffice-backup-", dir=out.parent))
    try:
        db = _database(staging)
        listing = Listing()
        copy_folder(files_root, staging / "files", "files", listing)
        copy_folder(imports_root, staging / "imports", "imports", listing)
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "created_at": now.isoformat(),
            "app": {"name": APP_NAME, "code_revision": code_revision(), "alembic_head": head_revision()},
            "alembic_revision": db["revision"], "database": db["file"], "tables": db["tables"],
            "sources": {"files": str(files_root), "imports": str(imports_root)},
            "files": listing.files, "skipped": listing.skipped,
            "documents_without_file": _without_file(db.get("document_keys", []), staging),
        }
        write_manifest(staging, manifest)
        if is_archive(out):
            pack(staging, out)
        else:
            if out.exists():
                out.rmdir()
            os.replace(staging, out)
        return manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)
