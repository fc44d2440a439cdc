"""A job's files live in a folder named by a random id on its row: a job that gets an
older job's number (a new or restored database) never sees that job's files, a job
serves no file outside its folder, and deleting a job removes its files."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, text

from hoffice_app.domain.common import NotFound, ValidationError
from hoffice_app.importer import folders, jobs
from hoffice_app.importer import submit as submitting
from hoffice_app.models import ImportIssue, ImportJob, JobStatus
from tests.importer.helpers import read_xlsx, row, run, xlsx


def _forget_jobs(session) -> None:
    """What a restored (older) database looks like to the import folder: no job rows, files still there."""
    session.execute(delete(ImportIssue))
    session.execute(delete(ImportJob))
    if session.get_bind().dialect.name == "postgresql":  # its sequence, as restored, is behind those files too
        session.execute(text("SELECT setval(pg_get_serial_sequence('import_job', 'id'), 1, false)"))
    session.commit()


def test_a_job_with_a_reused_number_serves_its_own_result_sheet(session, admin, now, tmp_path):
    first, _s = run(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="Older Data Set", contact_type="Customer")]),
                    now)
    assert len(read_xlsx(submitting.sheet_path(session, admin, first, "result"))) == 2
    _forget_jobs(session)
    second, summary = run(session, admin, xlsx(tmp_path / "b.xlsx", [
        row(name="Newer One", contact_type="Customer"), row(name="Newer Two", contact_type="Vendor")]), now)
    assert second == first and summary.created == 2  # the same number, as after a restore
    names = [r[3] for r in read_xlsx(submitting.sheet_path(session, admin, second, "result"))[1:]]
    assert names == ["Newer One", "Newer Two"]


def test_each_job_gets_a_fresh_random_folder(session, admin, now, tmp_path):
    one, _s = run(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]), now)
    two, _s = run(session, admin, xlsx(tmp_path / "b.xlsx", [row(name="B", contact_type="Customer")]), now)
    a, b = session.get(ImportJob, one), session.get(ImportJob, two)
    assert a.folder != b.folder and a.folder != f"job-{one}"
    assert jobs.job_dir(a) != jobs.job_dir(b) and folders.owns(a, a.stored_path)  # the upload is the job's


def test_a_sheet_outside_the_jobs_folder_is_never_served(session, admin, now, tmp_path):
    job_id, _s = run(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]), now)
    stranger = tmp_path / "elsewhere.xlsx"
    stranger.write_bytes(b"not this job's")
    job = session.get(ImportJob, job_id)
    job.result_path = job.errors_path = str(stranger)
    session.add(job)
    session.commit()
    for which in ("result", "errors"):
        with pytest.raises(NotFound):
            submitting.sheet_path(session, admin, job_id, which)


def test_deleting_a_job_removes_its_files_once_committed(session, admin, now, tmp_path):
    job_id, _s = run(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]), now)
    folder = jobs.job_dir(session.get(ImportJob, job_id))
    assert any(folder.iterdir())
    jobs.delete_job(session, admin, job_id)
    assert folder.exists()  # nothing removed before the commit: a rollback keeps the job whole
    session.commit()
    assert not folder.exists() and session.get(ImportJob, job_id) is None
    with pytest.raises(NotFound):
        jobs.delete_job(session, admin, job_id)


def test_a_running_job_cannot_be_deleted(session, admin, now, tmp_path):
    job_id, _s = run(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]), now)
    job = session.get(ImportJob, job_id)
    job.status = JobStatus.RUNNING
    session.add(job)
    session.commit()
    with pytest.raises(ValidationError):
        jobs.delete_job(session, admin, job_id)
