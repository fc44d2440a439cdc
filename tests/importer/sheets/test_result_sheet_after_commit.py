"""The result sheet is written after the commit (importer/result_sheet.py): the summary
does not wait for it, a download waits for it or writes it, a failure or a restart only
makes it "on demand", and nothing else is held meanwhile."""
import os
import threading
import time

from sqlmodel import select

from hoffice_app.importer import jobs
from hoffice_app.importer import submit as submitting
from hoffice_app.importer.sheets import result_after_commit as result_sheet
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.models import Contact, ImportJob
from tests.importer.helpers import read_xlsx, row, run, xlsx


def code_named(session, name: str) -> str:
    return session.exec(select(Contact.code).where(Contact.name == name)).one()


def _big(monkeypatch, gate=None):
    """Imports count as big (sheet written in the background, here by the thread itself)."""
    monkeypatch.setattr(parallel, "MIN_ROWS", 1)
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "0")
    if gate is not None:
        real = result_sheet.write_rows

        def gated(*args):
            gate(*args)
            real(*args)
        monkeypatch.setattr(result_sheet, "write_rows", gated)


WRITE_ROWS = result_sheet.write_rows
TWO = ([["Asha Traders", "Customer"], ["Bela Exports", "Vendor"]], ["Name", "Type Of Contact"])


def test_a_big_imports_result_sheet_is_written_just_after_its_summary(session, admin, now, tmp_path, monkeypatch):
    release = threading.Event()
    _big(monkeypatch, gate=lambda *a: release.wait(10))
    path = xlsx(tmp_path / "b.xlsx", [row(name=f"Person {i}", contact_type="Customer") for i in range(3)])
    job_id, summary = run(session, admin, path, now)
    assert summary.created == 3
    state = submitting.progress(session, admin, job_id)
    assert state.status == "done" and state.result_pending and not state.has_result
    target = submitting.sheet_target(session, admin, job_id, "result")  # in a transaction: never waits
    assert not target.path.exists()
    release.set()
    sheet = read_xlsx(target.ready())  # waits for the build under way
    name = sheet[0].index("Name")
    assert [line[name] for line in sheet[1:]] == ["Person 0", "Person 1", "Person 2"]
    state = submitting.progress(session, admin, job_id)
    assert state.has_result and not state.result_pending


def test_a_result_sheet_not_written_before_a_restart_is_written_when_downloaded(session, admin, now, tmp_path):
    job_id, _summary = run(session, admin, xlsx(tmp_path / "r.xlsx", *TWO), now)
    first = read_xlsx(submitting.sheet_path(session, admin, job_id, "result"))
    submitting.sheet_path(session, admin, job_id, "result").unlink()  # the server stopped before writing it
    assert submitting.progress(session, admin, job_id).result_pending
    assert read_xlsx(submitting.sheet_path(session, admin, job_id, "result")) == first
    assert [line[0] for line in first[1:]] == [code_named(session, "Asha Traders"),
                                               code_named(session, "Bela Exports")]


def test_a_failed_or_forgotten_build_leaves_the_sheet_on_demand(session, admin, now, tmp_path, monkeypatch):
    def boom(*_args):
        raise OSError("disk full")
    _big(monkeypatch, gate=boom)
    job_id, summary = run(session, admin, xlsx(tmp_path / "f.xlsx", *TWO), now)
    assert summary.created == 2  # the contacts are in, whatever happens to the sheet
    folder = jobs.job_dir(session.get(ImportJob, job_id))
    deadline = time.monotonic() + 10
    while not (folder / result_sheet.FAILED).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    state = submitting.progress(session, admin, job_id)
    assert state.has_result and not state.result_pending  # a download button, no endless "preparing"
    monkeypatch.setattr(result_sheet, "write_rows", WRITE_ROWS)  # the disk has room again
    assert len(read_xlsx(submitting.sheet_path(session, admin, job_id, "result"))) == 3  # written on demand
    assert not (folder / result_sheet.FAILED).exists()
    (folder / result_sheet.RESULT).unlink()  # a build that died with its process, 10 minutes ago
    old = time.time() - result_sheet.STALE_SECONDS - 1
    os.utime(folder / result_sheet.CODES, (old, old))
    assert result_sheet.state(folder) == "on_demand"


def test_the_command_line_hands_over_a_big_imports_result_sheet(session, admin, now, tmp_path, monkeypatch):
    from hoffice_app.importer import run as cli_run

    _big(monkeypatch, gate=lambda *a: time.sleep(0.5))  # still being written when import_file has the summary
    out = tmp_path / "out.xlsx"
    summary = cli_run.import_file(xlsx(tmp_path / "c.xlsx", *TWO), result_out=out, now=now)
    assert summary["created"] == 2 and "result_sheet_error" not in summary
    assert [line[1] for line in read_xlsx(out)[1:]] == ["Asha Traders", "Bela Exports"]
