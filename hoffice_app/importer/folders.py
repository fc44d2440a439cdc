"""Where an import keeps its files: one private storage folder, one folder per job inside it.

A job's folder is named by the random id on its row (``ImportJob.folder``), never by
its number: numbers restart with a new or restored database, and an older job's
result sheet was once served as a new job's. Only files inside the job's own folder
are read or served for it (``owns``).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from hoffice_app.db import PROJECT_ROOT
from hoffice_app.domain.common import NotFound
from hoffice_app.models import ImportJob

NOT_FOUND = "No such import, or it is not yours."
FOLDER_NAME = re.compile(r"job-[0-9a-f]{1,64}")


def storage_dir() -> Path:
    """Private folder for uploaded sheets and their results: ``HOFFICE_IMPORTS_DIR``
    or ``data/imports/`` (never a public one; same rule as attachments)."""
    from hoffice_app.domain.documents import public_folders

    configured = os.environ.get("HOFFICE_IMPORTS_DIR", "").strip()
    root = (Path(configured).expanduser() if configured else PROJECT_ROOT / "data" / "imports").resolve()
    for public in public_folders():
        if root == public or public in root.parents:
            raise RuntimeError(f"The import folder {root} is inside the public folder {public}; "
                               "set HOFFICE_IMPORTS_DIR to a private folder.")
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    return root


def job_dir(job: ImportJob) -> Path:
    """The job's own folder (named by the random id on its row, never by its number)."""
    if not FOLDER_NAME.fullmatch(job.folder or ""):
        raise NotFound(NOT_FOUND)  # a row not written by start_job: serve nothing
    folder = storage_dir() / job.folder
    folder.mkdir(exist_ok=True, mode=0o700)
    return folder


def owns(job: ImportJob, path: str | Path) -> bool:
    """True when ``path`` lies inside the job's folder: only such files are read or served."""
    try:
        return job_dir(job) in Path(path).resolve().parents
    except (NotFound, OSError):
        return False
