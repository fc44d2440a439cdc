"""What the server does as it starts: an import a killed server left "running" is marked failed
before anyone is served (durably, not only on the page that happens to read it)."""
import gc
import logging

from hoffice_app import startup
from hoffice_app.models import ImportJob
from tests.contact_factory import demo, engine  # noqa: F401  (a migrated, seeded file per test)


def test_the_app_runs_the_recovery_when_it_starts():
    from hoffice_app.hoffice_app import app

    assert startup.recover_interrupted_imports in app.get_lifespan_tasks()


def test_a_job_left_running_is_marked_failed_and_logged(session, now, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("HOFFICE_IMPORTS_DIR", str(tmp_path / "imports"))
    job = ImportJob(created_by_id=1, file_name="people.xlsx", stored_path="", created_at=now, status="running",
                    started_at=now, valid=10)
    session.add(job)
    session.commit()
    with caplog.at_level(logging.WARNING, logger="hoffice_app.startup"):
        startup.recover_interrupted_imports()
    session.expire_all()
    assert session.get(ImportJob, job.id).status == "failed"
    assert f"Interrupted imports marked failed: {job.id} " in caplog.text


def test_what_the_server_built_to_start_is_frozen_last():
    """A full garbage collection pass skips what lives as long as the process (a 50 ms pause every
    so often otherwise); the step runs last, so the other steps' objects are frozen too."""
    from hoffice_app.hoffice_app import app

    assert app.get_lifespan_tasks()[-1] is startup.freeze_startup_objects
    try:
        startup.freeze_startup_objects()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
