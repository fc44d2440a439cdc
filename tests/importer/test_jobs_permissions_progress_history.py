"""Jobs are their importer's (administrators see all); progress and history survive a reload."""
import pytest

from hoffice_app.domain.common import NotFound, ValidationError
from hoffice_app.importer import jobs
from hoffice_app.importer import submit as submitting
from hoffice_app.importer.write import claim
from tests.importer.helpers import review, row, run, upload, xlsx


def test_another_executive_cannot_see_or_use_my_import(session, admin, executive, manager, now, tmp_path):
    job_id, _s, _v = review(session, executive, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]),
                            now)
    with pytest.raises(NotFound):
        jobs.issues(session, manager, job_id, kind="invalid")
    with pytest.raises(NotFound):
        submitting.progress(session, manager, job_id)
    with pytest.raises(NotFound):
        submitting.submit(job_id, manager, now=now)
    assert submitting.progress(session, admin, job_id).status == "reviewed"  # administrators see every job


def test_history_newest_first_with_counts_and_who(session, admin, executive, now, tmp_path):
    run(session, executive, xlsx(tmp_path / "mine.xlsx", [row(name="A", contact_type="Customer")]), now)
    run(session, admin, xlsx(tmp_path / "boss.xlsx", [row(name="B", contact_type="Customer"),
                                                      row(name="", contact_type="Customer")]), now)
    mine = submitting.history(session, executive)
    assert [(j.file_name, j.who, j.status, j.created) for j in mine] == [("mine.xlsx", "Neha Joshi", "done", 1)]
    everyone = submitting.history(session, admin)
    assert [j.file_name for j in everyone] == ["boss.xlsx", "mine.xlsx"]
    assert (everyone[0].total, everyone[0].valid, everyone[0].invalid) == (2, 1, 1)


def test_progress_after_submit_reports_the_summary_and_sheets(session, admin, now, tmp_path):
    job_id, summary = run(session, admin, xlsx(tmp_path / "p.xlsx", [row(name="A", contact_type="Customer"),
                                                                    row(name="", contact_type="Customer")]), now)
    state = submitting.progress(session, admin, job_id)
    assert state.status == "done" and state.done == state.total == 1 and state.seconds_left is None
    assert state.summary == summary and state.has_result and state.has_errors
    assert submitting.sheet_path(session, admin, job_id, "result").name == "result.xlsx"
    with pytest.raises(ValidationError):
        submitting.sheet_path(session, admin, job_id, "secrets")


def test_progress_while_running_estimates_time_left(session, admin, now, tmp_path):
    from datetime import timedelta

    from hoffice_app.models import ImportJob

    job_id, _s, _v = review(session, admin, xlsx(tmp_path / "r.xlsx", [row(name="A", contact_type="Customer")]), now)
    job = session.get(ImportJob, job_id)
    job.status, job.started_at = "running", now
    session.commit()
    submitting._write_progress(jobs.job_dir(job), 2000, 10000)
    with claim.holding(jobs.job_dir(job)):  # as the writing submit holds it
        state = submitting.progress(session, admin, job_id, now=now + timedelta(seconds=10))
    assert (state.status, state.done, state.total, state.seconds_left) == ("running", 2000, 10000, 40)


def test_a_file_outside_the_import_folder_is_refused(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "outside.xlsx", [row(name="A", contact_type="Customer")])
    with pytest.raises(ValidationError):
        jobs.start_job(session, admin, stored_path=path, file_name="outside.xlsx", now=now)
    assert jobs.start_job(session, admin, stored_path=upload(path), file_name="x.xlsx", now=now)


def test_review_refuses_bad_policy_and_inactive_key_account_manager(session, admin, now, tmp_path):
    job_id, _s, view = review(session, admin, xlsx(tmp_path / "k.xlsx", [row(name="A", contact_type="Customer")]),
                              now)
    mapping = {c.index: c.field for c in view.columns if c.field}
    with pytest.raises(ValidationError):
        jobs.review(session, admin, job_id, sheet=view.sheet, mapping=mapping, policy="merge", now=now)
    with pytest.raises(ValidationError):
        jobs.review(session, admin, job_id, sheet=view.sheet, mapping=mapping, key_account_manager_id=999, now=now)
    with pytest.raises(ValidationError) as err:
        jobs.review(session, admin, job_id, sheet=view.sheet, mapping={3: "name"}, now=now)
    assert "Type Of Contact" in str(err.value)
