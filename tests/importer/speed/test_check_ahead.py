"""A big sheet's rows are checked while the mapping step stages them (speed/ahead.py). The
review uses those checks only when they are the ones it would make: the same mapping, the
same masters and settings, the same contacts; otherwise it checks the sheet again. Either
way its outcome is what a review without checking ahead gives."""
from __future__ import annotations

import pytest
from sqlmodel import select

from hoffice_app.importer import jobs
from hoffice_app.importer.read import spool
from hoffice_app.importer.speed import ahead
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.models import ImportIssue, MasterEntry
from tests.contact_factory import make_contact
from tests.importer.helpers import review, row, upload, xlsx


def _rows() -> list[list]:
    out = [row(name=f"Person {i}", contact_type="Customer", email=f"p{i}@example.com", mobile=str(9327058100 + i),
               category="Dealers") for i in range(30)]
    out[4] = row(name="", contact_type="Customer", email="bad@")  # invalid whatever happens
    out[10] = row(name="Grower", contact_type="Customer", category="Growers")  # no such category (yet)
    return out


@pytest.fixture
def ahead_on(monkeypatch):
    """Every sheet is "big": staged in chunks of 7 rows, checked ahead by two workers."""
    monkeypatch.setattr(parallel, "MIN_ROWS", 0)
    monkeypatch.setattr(parallel, "WARM_BYTES", 0)
    monkeypatch.setattr(spool, "STAGE_CHUNK", 7)
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "2")
    yield
    ahead.forget()


@pytest.fixture
def checked_again(monkeypatch):
    """How many times the review sent the sheet to the workers itself."""
    calls = []
    real = parallel.checked_chunks

    def counted(*args):
        calls.append(args)
        return real(*args)
    monkeypatch.setattr(parallel, "checked_chunks", counted)
    return calls


def _problems(session, job_id: int) -> list[tuple]:
    return [tuple(r) for r in session.exec(select(ImportIssue.row_number, ImportIssue.summary)
                                           .where(ImportIssue.job_id == job_id).order_by(ImportIssue.row_number))]


def _mapping_step(session, admin, path, now):
    job_id = jobs.start_job(session, admin, stored_path=upload(path), file_name=path.name, now=now)
    view = jobs.headers(session, admin, job_id, now=now)
    return job_id, view, {c.index: c.field for c in view.columns if c.field}


@pytest.mark.parametrize("in_memory", [ahead.IN_MEMORY, 0], ids=["held-in-memory", "waiting-in-a-file"])
def test_the_checks_made_while_staging_give_the_review_it_would_make_alone(session, admin, now, tmp_path, in_memory,
                                                                         monkeypatch, ahead_on, checked_again):
    monkeypatch.setattr(ahead, "IN_MEMORY", in_memory)
    path = xlsx(tmp_path / "a.xlsx", _rows())
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "0")
    alone_job, alone, _v = review(session, admin, path, now)
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "2")
    checked_again.clear()
    job_id, view, mapping = _mapping_step(session, admin, path, now)
    summary = jobs.review(session, admin, job_id, sheet=view.sheet, mapping=mapping, policy="update", now=now)
    assert checked_again == []  # every answer came from the checks made ahead
    assert summary == alone and (summary.total, summary.invalid) == (30, 2)
    assert _problems(session, job_id) == _problems(session, alone_job)
    assert parallel._busy.acquire(blocking=False)  # the workers are free again
    parallel._busy.release()
    assert not list(tmp_path.rglob("*.ahead"))  # the answers' file went once they were used


def test_a_changed_mapping_is_checked_again(session, admin, now, tmp_path, ahead_on, checked_again):
    job_id, view, mapping = _mapping_step(session, admin, xlsx(tmp_path / "m.xlsx", _rows()), now)
    started = [w.proc.pid for w in parallel._pool()]
    without_email = {i: key for i, key in mapping.items() if key != "email"}
    summary = jobs.review(session, admin, job_id, sheet=view.sheet, mapping=without_email, now=now)
    assert len(checked_again) == 1
    assert [w.proc.pid for w in parallel._workers] == started  # the checks ahead were let finish, not killed
    assert summary.invalid == 2
    assert [text for _n, text in _problems(session, job_id)][0] == "Name: Enter the contact's name."  # no e-mail


def test_a_master_added_after_the_mapping_step_counts(session, admin, now, tmp_path, ahead_on, checked_again):
    job_id, view, mapping = _mapping_step(session, admin, xlsx(tmp_path / "g.xlsx", _rows()), now)
    session.add(MasterEntry(kind="contact_category", name="Growers", name_key="growers", position=99))
    session.flush()
    summary = jobs.review(session, admin, job_id, sheet=view.sheet, mapping=mapping, now=now)
    assert len(checked_again) == 1
    assert summary.invalid == 1  # only the row without a name: "Growers" is a category now


def test_a_contact_saved_after_the_mapping_step_is_found_as_a_duplicate(session, admin, now, tmp_path, ahead_on,
                                                                       checked_again):
    job_id, view, mapping = _mapping_step(session, admin, xlsx(tmp_path / "c.xlsx", _rows()), now)
    make_contact(session, admin, now, "Early Bird", emails=["p7@example.com"])
    session.commit()  # the workers read it through connections of their own
    summary = jobs.review(session, admin, job_id, sheet=view.sheet, mapping=mapping, now=now)
    assert len(checked_again) == 1
    assert summary.duplicate == 1


def test_deleting_the_job_stops_its_checks_and_frees_the_workers(session, admin, now, tmp_path, ahead_on):
    job_id, _view, _mapping = _mapping_step(session, admin, xlsx(tmp_path / "d.xlsx", _rows()), now)
    jobs.delete_job(session, admin, job_id)
    assert ahead.take(job_id) is None
    assert parallel._busy.acquire(blocking=False)
    parallel._busy.release()


def test_the_workers_yield_a_core_to_the_process_reading_the_sheet(ahead_on):
    """Checking ahead must not slow the staging it overlaps (nor the app's own pages): the
    workers run at a lower priority than this process."""
    import os

    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert all(os.getpriority(os.PRIO_PROCESS, w.proc.pid) >= mine + parallel.NICER for w in parallel._pool())
