"""Submit writes every valid row or none."""
import pytest
from sqlmodel import select

from hoffice_app.importer import jobs
from hoffice_app.importer import submit as submitting
from hoffice_app.importer.check import review as reviewing
from hoffice_app.importer.write import commit
from hoffice_app.models import CodeCounter, ImportJob, Notification
from tests import databases
from tests.importer.helpers import count_contacts, review, row, xlsx


def test_a_failure_mid_commit_leaves_the_database_as_it_was(session, admin, now, tmp_path, monkeypatch):
    monkeypatch.setattr(reviewing, "CHUNK", 3)  # several chunks, so the failure comes after some writes
    path = xlsx(tmp_path / "ten.xlsx", [row(name=f"Person {i}", contact_type="Customer", email=f"p{i}@example.com")
                                        for i in range(10)])
    job_id, summary, _v = review(session, admin, path, now)
    assert summary.valid == 10
    before = count_contacts(session)
    counter = session.get(CodeCounter, "contact")
    counter_before = counter.last_value if counter else 0
    real_write, calls = commit.Writer.write, []

    def failing(self, chunk):
        calls.append(len(chunk))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real_write(self, chunk)
    monkeypatch.setattr(commit.Writer, "write", failing)
    seen = []
    with pytest.raises(submitting.ImportFailed) as err:
        submitting.submit(job_id, admin, now=now, progress=lambda done, total: seen.append((done, total)))
    assert "nothing was written" in err.value.message and "disk full" in err.value.message
    session.expire_all()
    assert count_contacts(session) == before
    counter = session.get(CodeCounter, "contact")
    # PostgreSQL takes the import's codes in a transaction of their own (codes.allocate_apart): a gap
    gap = 10 if databases.ON_POSTGRES else 0
    assert (counter.last_value if counter else 0) == counter_before + gap
    assert seen[:2] == [(3, 10), (6, 10)]
    job = session.get(ImportJob, job_id)
    assert job.status == "failed" and "nothing was written" in job.message
    state = submitting.progress(session, admin, job_id)
    assert state.status == "failed" and not state.has_result
    assert not (jobs.job_dir(job) / "result.xlsx").exists()
    assert not (jobs.job_dir(job) / "codes.bin").exists()  # nor will it be
    [told] = session.exec(select(Notification).where(Notification.recipient_id == admin.id,
                                                     Notification.event == "import_done")).all()
    assert "ten.xlsx: The import failed and nothing was written" in told.body  # whoever ran it hears of it


def test_after_a_failure_the_file_can_be_reviewed_and_submitted_again(session, admin, now, tmp_path, monkeypatch):
    path = xlsx(tmp_path / "one.xlsx", [row(name="Asha", contact_type="Customer")])
    job_id, _s, view = review(session, admin, path, now)
    real = commit.Writer.write
    monkeypatch.setattr(commit.Writer, "write", lambda self, chunk: 1 / 0)
    with pytest.raises(submitting.ImportFailed):
        submitting.submit(job_id, admin, now=now)
    monkeypatch.setattr(commit.Writer, "write", real)
    session.expire_all()
    mapping = {c.index: c.field for c in view.columns if c.field}
    jobs.review(session, admin, job_id, sheet=view.sheet, mapping=mapping, now=now)
    session.commit()
    assert submitting.submit(job_id, admin, now=now).created == 1


def test_submit_twice_is_refused(session, admin, now, tmp_path):
    from hoffice_app.domain.common import ValidationError

    job_id, _s, _v = review(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]), now)
    submitting.submit(job_id, admin, now=now)
    with pytest.raises(ValidationError):
        submitting.submit(job_id, admin, now=now)


def test_rows_that_became_duplicates_after_review_go_to_the_error_sheet(session, admin, now, tmp_path):
    from tests.contact_factory import make_contact
    from tests.importer.helpers import read_xlsx

    path = xlsx(tmp_path / "late.xlsx", [row(name="Late", contact_type="Customer", email="late@example.com"),
                                         row(name="Fine", contact_type="Customer", email="fine@example.com")])
    job_id, s, _v = review(session, admin, path, now)
    make_contact(session, admin, now, "Quick Colleague", emails=["late@example.com"])
    session.commit()
    summary = submitting.submit(job_id, admin, now=now)
    assert (summary.valid, summary.duplicate, summary.created) == (1, 1, 1)
    errors = read_xlsx(submitting.sheet_path(session, admin, job_id, "errors"))
    assert errors[1][3] == "Late" and "after the review" in errors[1][-1]
    assert session.exec(select(ImportJob.status).where(ImportJob.id == job_id)).one() == "done"
