"""With several backend workers on PostgreSQL, an import job row is claimed by one of
them, and a second claimer moves on at once instead of waiting for the first one's
transaction (write/claim.py: FOR UPDATE SKIP LOCKED)."""
from __future__ import annotations

import pytest
from sqlmodel import Session

from hoffice_app.importer.write import claim
from hoffice_app.models import ImportJob, JobStatus
from tests import databases
from tests.importer.helpers import review, row, xlsx

pytestmark = pytest.mark.skipif(
    not databases.ON_POSTGRES,
    reason="row locks are PostgreSQL's: SQLite has one writer at a time, so a second claimer waits for the "
           "database lock whatever the query, and the compare-and-set UPDATE keeps the claim single there")


def _reviewed_jobs(session, admin, now, tmp_path, count: int) -> list[int]:
    return [review(session, admin, xlsx(tmp_path / f"j{i}.xlsx", [row(name=f"P{i}", contact_type="Customer")]),
                   now)[0] for i in range(count)]


def _second_connection(engine) -> Session:
    """Another worker's transaction; were it to wait on a row lock, it fails after 2 s instead
    of hanging the test (the first transaction, in this same thread, cannot end meanwhile)."""
    other = Session(engine)
    other.connection().exec_driver_sql("SET lock_timeout = '2s'")
    return other


def test_a_job_being_claimed_is_skipped_by_another_claimer(engine, session, admin, now, tmp_path):
    first_job, second_job = _reviewed_jobs(session, admin, now, tmp_path, 2)
    first, other = Session(engine), _second_connection(engine)
    try:
        assert claim.claim_reviewed(first, first_job, started_at=now)  # not committed yet: the row stays locked
        assert not claim.claim_reviewed(other, first_job, started_at=now)  # skipped, no wait
        assert claim.claim_reviewed(other, second_job, started_at=now)  # the other jobs stay free
        first.commit()
        other.commit()
        assert not claim.claim_reviewed(other, first_job, started_at=now)  # claimed once, for good
    finally:
        first.close()
        other.close()
    session.expire_all()
    assert [session.get(ImportJob, j).status for j in (first_job, second_job)] == [JobStatus.RUNNING] * 2


def test_workers_recovering_at_once_take_different_jobs(engine, session, admin, now, tmp_path):
    jobs = _reviewed_jobs(session, admin, now, tmp_path, 3)
    for job_id in jobs:
        session.get(ImportJob, job_id).status = JobStatus.RUNNING
    session.commit()
    first, other = Session(engine), _second_connection(engine)
    try:
        taken = [j.id for j in claim.lock_running(first)]
        assert taken == jobs
        assert claim.lock_running(other) == []  # every running job is being looked at: nothing to wait for
        first.rollback()
        assert [j.id for j in claim.lock_running(other)] == jobs
    finally:
        first.close()
        other.close()
