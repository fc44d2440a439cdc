"""Putting a backup back: only into an empty database, only a revision this code knows.

Everything that can refuse is checked before anything is written: the manifest
and every file's SHA-256, the revision (a backup from newer code has a
migration this code lacks: its schema would be read wrongly, so it is
refused), the database (no employees, contacts or leads) and the two folders
(no files). Then the files go in, then the database; a failure on the way
removes the files placed. An older backup is migrated up afterwards, exactly
as ``db upgrade`` would. Stop the app while restoring.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sqlalchemy import func, inspect, literal, update

from hoffice_app.backup import postgres, sqlite
from hoffice_app.backup.layout import (
    BackupRefused,
    holds_files,
    is_archive,
    read_manifest,
    unpack,
    verify,
)
from hoffice_app.db import get_engine, unit_of_work
from hoffice_app.domain.documents import storage_root
from hoffice_app.importer import jobs
from hoffice_app.migrations import head_revision, is_known, upgrade
from hoffice_app.models import ImportJob

DATA_TABLES = ("employee", "contact", "lead")


def _refuse_unless_empty(engine) -> None:
    with engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        found = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() for t in DATA_TABLES if t in present}
    held = ", ".join(f"{n:,} {t}{'s' if n != 1 else ''}" for t, n in found.items() if n)
    if held:
        raise BackupRefused(f"The target database already holds data ({held}); a backup is restored only into an "
                            "empty database. Point DATABASE_URL at a new database (or move the file aside) "
                            "and run restore again.")


def _refuse_unless_no_files(*folders: Path) -> None:
    for folder in folders:
        if holds_files(folder):
            raise BackupRefused(f"{folder} already holds files; restore into empty folders (move it aside, or set "
                                "HOFFICE_FILES_DIR / HOFFICE_IMPORTS_DIR to new ones) and run restore again.")


def _check_revision(manifest: dict) -> str:
    revision = manifest.get("alembic_revision")
    if not revision:
        raise BackupRefused("The backup does not say which migration its database is at; it cannot be restored.")
    if not is_known(revision):
        raise BackupRefused(f"This backup comes from a newer version of H-Office (its database is at migration "
                            f"{revision}, this code knows up to {head_revision()}). Upgrade the app, then restore.")
    return revision


def _place_files(folder: Path, manifest: dict, roots: dict[str, Path], placed: list[Path]) -> None:
    for entry in manifest["files"]:
        prefix, rel = entry["path"].split("/", 1)
        target = roots[prefix] / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / entry["path"], target)
        placed.append(target)


def _load_database(engine, folder: Path, manifest: dict) -> dict[str, int]:
    dialect = manifest["database"]["dialect"]
    if dialect != engine.dialect.name:
        raise BackupRefused(f"This is a {dialect} backup; DATABASE_URL points to {engine.dialect.name}. "
                            "Restore it into the same kind of database.")
    copy = folder / manifest["database"]["path"]
    if dialect == "sqlite":
        target = sqlite.path_of(engine.url)
        engine.dispose()  # no pooled connection keeps a view of the old file
        sqlite.restore_into(copy, target)
        return sqlite.file_counts(target)
    postgres.restore(engine, copy)
    return postgres.table_counts(engine)


def _move_import_paths(old_root: str, new_root: Path) -> None:
    """Import jobs store absolute paths into the import folder; restored under another
    folder, they are re-pointed (the files were copied there with the same layout)."""
    old, new = old_root.rstrip("/") + "/", str(new_root).rstrip("/") + "/"
    if old == new:
        return
    with unit_of_work() as session:
        for column in (ImportJob.stored_path, ImportJob.result_path, ImportJob.errors_path):
            session.execute(update(ImportJob).where(func.substr(column, 1, len(old)) == old)
                            .values({column.key: literal(new) + func.substr(column, len(old) + 1)}))


def restore_backup(source: str | Path) -> dict:
    """Restore ``source`` (a backup folder or .tar.gz) into the configured database and
    folders; returns what was restored (revisions, counts, files)."""
    source = Path(source).expanduser().resolve()
    if not source.exists():
        raise BackupRefused(f"There is no backup at {source}.")
    roots = {"files": storage_root(), "imports": jobs.storage_dir()}
    # Unpacked beside the data it becomes (room for it there), not in a small /tmp, nor inside a root.
    beside = roots["imports"].parent
    inside = any(beside == root or root in beside.parents for root in roots.values())
    with tempfile.TemporaryDirectory(prefix=".hoffice-restore-", dir=None if inside else beside) as tmp:
        folder = unpack(source, Path(tmp)) if source.is_file() and is_archive(source) else source
        manifest = read_manifest(folder)
        verify(folder, manifest)
        revision = _check_revision(manifest)
        engine = get_engine()
        _refuse_unless_empty(engine)
        _refuse_unless_no_files(*roots.values())
        placed: list[Path] = []
        try:
            _place_files(folder, manifest, roots, placed)
            counts = _load_database(engine, folder, manifest)
        except BaseException:
            for path in placed:
                path.unlink(missing_ok=True)
            raise
    if counts != manifest["tables"]:
        differ = sorted(t for t in set(counts) | set(manifest["tables"]) if counts.get(t) != manifest["tables"].get(t))
        raise BackupRefused(f"The restored database differs from the backup's manifest in {', '.join(differ[:5])}; "
                            "do not use it. Restore again into a new database.")
    upgrade()
    _move_import_paths(manifest["sources"]["imports"], roots["imports"])
    return {"created_at": manifest["created_at"], "from_revision": revision, "to_revision": head_revision(),
            "tables": len(counts), "rows": sum(counts.values()), "files": len(manifest["files"]),
            "documents_without_file": manifest.get("documents_without_file", [])}
