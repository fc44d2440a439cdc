"""The wizard's upload folder: a sheet is copied in pieces and refused past the limit with
nothing left behind; uploads that never became a job go once they are stale, a job's file stays."""
import io
import os
from datetime import timedelta
from pathlib import Path

import pytest

from hoffice_app.db import utcnow
from hoffice_app.importer import jobs, uploads
from hoffice_app.importer.errors import FileRefused
from hoffice_app.models import ImportJob
from tests.importer.helpers import row, xlsx


class CountingReader(io.BytesIO):
    """Remembers the largest read, to show the copy never asks for the whole file at once."""

    largest = 0

    def read(self, size=-1):
        piece = super().read(size)
        self.largest = max(self.largest, len(piece))
        return piece


def test_a_sheet_is_copied_in_pieces_under_a_random_name():
    source = CountingReader(b"x" * (3 * uploads.PIECE + 5))
    stored = uploads.keep(source, ".CSV", max_bytes=10 * 2**20)
    assert stored.parent == jobs.storage_dir() / "uploads" and stored.suffix == ".csv"
    assert stored.stat().st_size == 3 * uploads.PIECE + 5
    assert source.largest == uploads.PIECE


def test_a_sheet_over_the_limit_is_refused_and_nothing_is_kept():
    source = CountingReader(b"x" * (5 * uploads.PIECE))
    with pytest.raises(FileRefused) as refused:
        uploads.keep(source, ".xlsx", max_bytes=2 * uploads.PIECE)
    assert refused.value.message == "The file is over 2 MB; split it into smaller files and import them one by one."
    assert list(uploads.folder().iterdir()) == []
    assert source.tell() <= 3 * uploads.PIECE  # stopped reading soon after the limit


def _age(path, hours):
    then = path.stat().st_mtime - hours * 3600
    os.utime(path, (then, then))
    return path


def test_stale_uploads_that_never_became_a_job_are_removed(session, executive, now, tmp_path):
    orphan = _age(uploads.keep(io.BytesIO(b"a,b\n"), ".csv", max_bytes=100), hours=7)
    fresh = uploads.keep(io.BytesIO(b"a,b\n"), ".csv", max_bytes=100)
    sheet = xlsx(tmp_path / "s.xlsx", [row(name="A", contact_type="Customer")])
    kept = uploads.keep(sheet.open("rb"), ".xlsx", max_bytes=10 * 2**20)
    job_id = jobs.start_job(session, executive, stored_path=kept, file_name="s.xlsx", now=now)
    session.commit()
    stored = Path(session.get(ImportJob, job_id).stored_path)  # a job takes its upload into its own folder
    _age(stored, hours=30)

    assert uploads.sweep(session, now=utcnow()) == 1
    assert not orphan.exists() and fresh.exists() and stored.exists()


def test_the_stale_age_is_six_hours(session):
    younger = _age(uploads.keep(io.BytesIO(b"1"), ".csv", max_bytes=10), hours=5)
    assert uploads.STALE_AFTER == timedelta(hours=6)
    assert uploads.sweep(session, now=utcnow()) == 0 and younger.exists()
