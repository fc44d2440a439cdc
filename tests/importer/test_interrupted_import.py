"""An import whose process is killed while it writes: nothing of it is in the database, the
job is reported interrupted at once and marked failed for good when the server starts, and
the file can be reviewed and submitted again. A job still being written is left alone."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlmodel import Session, select

from hoffice_app.importer import jobs
from hoffice_app.importer import submit as submitting
from hoffice_app.importer.check import review as reviewing
from hoffice_app.importer.write import claim
from hoffice_app.models import ImportJob, Notification
from tests.importer.helpers import count_contacts, review, row, xlsx

ROOT = Path(__file__).resolve().parents[2]
# The import, in its own process, parked inside its transaction after its first chunk.
PARKED_SUBMIT = """
import sys, time
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.org import find_by_code
from hoffice_app.importer import submit
from hoffice_app.importer.write import commit

real, calls = commit.Writer.write, []
def parked(self, chunk):
    calls.append(1)
    if len(calls) == 2:
        time.sleep(60)
    return real(self, chunk)
commit.Writer.write = parked
with unit_of_work() as s:
    admin = actor_of(find_by_code(s, "E01"))
submit.submit(int(sys.argv[1]), admin, now=utcnow())
"""


def _ten_reviewed(session, admin, now, tmp_path, monkeypatch) -> int:
    monkeypatch.setattr(reviewing, "CHUNK", 3)  # several chunks: the kill comes after some rows were written
    path = xlsx(tmp_path / "ten.xlsx", [row(name=f"Person {i}", contact_type="Customer", email=f"p{i}@example.com")
                                        for i in range(10)])
    job_id, summary, _view = review(session, admin, path, now)
    assert summary.valid == 10
    return job_id


def _folder(job_id: int, engine):
    with Session(engine) as s:
        return jobs.job_dir(s.get(ImportJob, job_id))


def _kill_while_writing(job_id: int, engine) -> None:
    env = {**os.environ, "DATABASE_URL": str(engine.url)}
    child = subprocess.Popen([sys.executable, "-c", PARKED_SUBMIT, str(job_id)], cwd=ROOT, env=env)
    progress = _folder(job_id, engine) / "progress.json"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if progress.exists() and json.loads(progress.read_text() or "{}").get("done", 0) >= 3:
            break
        time.sleep(0.02)
    assert child.poll() is None, "the import ended before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_a_killed_import_left_nothing_and_is_marked_failed_then_runs_again(session, admin, now, tmp_path, monkeypatch,
                                                                         engine):
    job_id = _ten_reviewed(session, admin, now, tmp_path, monkeypatch)
    before = count_contacts(session)
    _kill_while_writing(job_id, engine)

    session.expire_all()
    assert count_contacts(session) == before  # its three written rows were never committed
    assert session.get(ImportJob, job_id).status == "running"  # nobody is left to say otherwise…
    shown = submitting.progress(session, admin, job_id, now=now)
    assert shown.status == "failed" and "interrupted" in shown.message  # …but the wizard knows at once
    session.rollback()

    assert submitting.recover_interrupted(now=now) == [job_id]  # what the server does when it starts
    session.expire_all()
    job = session.get(ImportJob, job_id)
    assert job.status == "failed" and "nothing was written" in job.message and "submit it again" in job.message
    assert not (jobs.job_dir(job) / "progress.json").exists()
    assert submitting.recover_interrupted(now=now) == []
    [told] = session.exec(select(Notification).where(Notification.recipient_id == admin.id,
                                                     Notification.event == "import_done")).all()
    assert "The import was interrupted" in told.body  # whoever ran it hears of it, once

    view = jobs.headers(session, admin, job_id)
    jobs.review(session, admin, job_id, sheet=view.sheet, mapping={c.index: c.field for c in view.columns if c.field},
                now=now)
    session.commit()
    assert submitting.submit(job_id, admin, now=now).created == 10
    session.expire_all()
    assert count_contacts(session) == before + 10


def test_a_job_being_written_is_not_taken_for_interrupted(session, admin, now, tmp_path, monkeypatch):
    job_id = _ten_reviewed(session, admin, now, tmp_path, monkeypatch)
    job = session.get(ImportJob, job_id)
    job.status, job.started_at = "running", now
    session.commit()
    with claim.holding(jobs.job_dir(job)):  # as submit does, in this or another process
        assert submitting.recover_interrupted(now=now) == []
        assert submitting.progress(session, admin, job_id, now=now).status == "running"
    session.expire_all()
    assert session.get(ImportJob, job_id).status == "running"
