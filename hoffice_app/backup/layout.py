"""What a backup holds and how its files are copied, listed and checked.

A backup is a folder, or the same folder packed as a ``.tar.gz``::

    manifest.json        what is inside: revision, counts, every file with its SHA-256
    database.sqlite      SQLite: a consistent copy (the online backup API)
    database.pgdump      PostgreSQL: pg_dump's custom format
    files/…              the attachments and document library (HOFFICE_FILES_DIR)
    imports/…            the import folder as it was (HOFFICE_IMPORTS_DIR)

Every file is listed with its size and SHA-256, so a restore can refuse a
damaged or incomplete backup before it touches anything.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from hoffice_app.domain.common import DomainError

FORMAT = "hoffice-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FOLDERS = ("files", "imports")  # names inside the backup
SQLITE_COPY = "database.sqlite"
PG_DUMP = "database.pgdump"
# Written by the app while it works and never referenced by a row: a document on its way
# in (documents/service._write), a progress file being replaced (importer/submit).
UNFINISHED = (".part", ".tmp")
CHUNK = 1 << 20


class BackupRefused(DomainError):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass
class Listing:
    """The files copied into a backup, and those left out (with why)."""

    files: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)

    def bytes(self) -> int:
        return sum(f["size"] for f in self.files)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def copy_hashed(src: Path, dst: Path) -> tuple[int, str]:
    """Copy one file, hashing it on the way (one read of the source)."""
    digest, size = hashlib.sha256(), 0
    dst.parent.mkdir(parents=True, exist_ok=True)
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while block := fin.read(CHUNK):
            digest.update(block)
            fout.write(block)
            size += len(block)
    shutil.copystat(src, dst)
    return size, digest.hexdigest()


def copy_folder(source: Path, target: Path, prefix: str, listing: Listing) -> None:
    """Copy ``source`` into ``target`` while the app may be writing to it: a file that
    disappears meanwhile (a progress file replaced, an upload given up) is listed as
    skipped instead of failing the backup."""
    if not source.is_dir():
        return
    for folder, _dirs, names in os.walk(source):
        for name in sorted(names):
            path = Path(folder) / name
            rel = path.relative_to(source).as_posix()
            if name.endswith(UNFINISHED):
                listing.skipped.append({"path": f"{prefix}/{rel}", "reason": "unfinished (being written)"})
                continue
            try:
                size, digest = copy_hashed(path, target / rel)
            except FileNotFoundError:
                listing.skipped.append({"path": f"{prefix}/{rel}", "reason": "removed while the backup ran"})
                continue
            listing.files.append({"path": f"{prefix}/{rel}", "size": size, "sha256": digest})


def holds_files(folder: Path) -> bool:
    """Whether a folder has any file at all (empty sub-folders do not count)."""
    return folder.is_dir() and any(names for _f, _d, names in os.walk(folder))


def write_manifest(folder: Path, manifest: dict) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))


def read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as err:
        raise BackupRefused(f"{folder} is not an H-Office backup: its {MANIFEST} is missing or unreadable "
                            f"({type(err).__name__}).") from err
    if manifest.get("format") != FORMAT:
        raise BackupRefused(f"{folder} is not an H-Office backup (its {MANIFEST} says otherwise).")
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupRefused("This backup was written by a newer version of H-Office; upgrade the app first.")
    return manifest


def verify(folder: Path, manifest: dict) -> None:
    """Every listed file is there with its size and SHA-256 (the database copy included)."""
    for entry in [manifest["database"], *manifest["files"]]:
        path = folder / entry["path"]
        if not path.is_file() or path.stat().st_size != entry["size"] or sha256_of(path) != entry["sha256"]:
            raise BackupRefused(f"The backup is damaged or incomplete: {entry['path']} is missing or differs "
                                "from its manifest. Nothing was restored.")


def pack(folder: Path, out: Path) -> None:
    """The folder as ``out`` (.tar.gz), written beside it first so a half-written archive never
    carries the final name."""
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    partial.touch(mode=0o600)  # it holds everyone's data: readable by its owner only
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        for path in sorted(folder.rglob("*")):
            tar.add(path, arcname=path.relative_to(folder).as_posix(), recursive=False)
    os.replace(partial, out)


def unpack(archive: Path, into: Path) -> Path:
    """Extract a .tar.gz safely (no absolute paths, links out of the folder or devices)."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError) as err:
        raise BackupRefused(f"{archive} cannot be read as a backup archive ({err}).") from err
    return into


def is_archive(path: Path) -> bool:
    return path.name.endswith((".tar.gz", ".tgz"))
