"""`python -m hoffice_app backup OUT` / `restore IN` as an operator runs them: a backup taken
while the app writes restores to one consistent moment with every file, and a restore refuses
what it must not do (a database that holds data, a backup from newer code, a damaged one)."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import Session, select

from hoffice_app import db
from hoffice_app.db import unit_of_work
from hoffice_app.domain import documents
from hoffice_app.importer import jobs
from hoffice_app.migrations import head_revision, upgrade
from hoffice_app.models import Document, ImportJob
from tests.contact_factory import actor, demo, engine  # noqa: F401  (a migrated, seeded file per test)
from tests.lead_factory import make_lead

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HEAD = head_revision()
UNCHANGED_BY_WRITES = ("employee", "master_entry", "setting", "funnel", "funnel_stage")


def _dirs(root: Path) -> dict[str, str]:
    return {"HOFFICE_FILES_DIR": str(root / "files"), "HOFFICE_IMPORTS_DIR": str(root / "imports")}


def _cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hoffice_app", *args], cwd=PROJECT_ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def source(engine, demo, tmp_path, monkeypatch):  # noqa: F811
    """The seeded database with its two folders, as the app (this process) and the CLI see them."""
    env = {"DATABASE_URL": str(engine.url), **_dirs(tmp_path / "live")}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@pytest.fixture
def fresh(tmp_path):
    """An empty installation: a migrated database nobody has used, and no folders yet."""
    root = tmp_path / "fresh"
    env = {"DATABASE_URL": f"sqlite:///{root / 'restored.db'}", **_dirs(root)}
    live, eng = db.get_engine(), db.make_engine(env["DATABASE_URL"])
    db.set_engine(eng)
    try:
        upgrade()
    finally:
        db.set_engine(live)
        eng.dispose()
    return env


def _file(env) -> Path:
    return Path(env["DATABASE_URL"].split("///", 1)[1])


def _rows(path: Path, table: str, where: str = "") -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f'SELECT * FROM "{table}" {where} ORDER BY 1').fetchall()


def _digest(rows: list[tuple]) -> str:
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _an_import_upload(session, now) -> int:
    """A registered import job whose uploaded sheet sits in the import folder."""
    upload = jobs.storage_dir() / "uploads" / "people.csv"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_text("Name,Type Of Contact\nBackup Person,Customer\n")
    job_id = jobs.start_job(session, actor(session, "E01"), stored_path=upload, file_name="people.csv", now=now)
    session.commit()
    return job_id


class Writer(threading.Thread):
    """Saves a contact and its lead in one transaction, again and again (the domain functions,
    as the app's pages call them), attaching a file every third time; records what committed."""

    def __init__(self, now):
        super().__init__(name="test-writer", daemon=True)
        self.now, self.stop, self.committed, self.error = now, threading.Event(), [], None

    def run(self):
        try:
            while not self.stop.is_set():
                with unit_of_work() as s:
                    who = actor(s, "E03")
                    lead = make_lead(s, who, self.now, contact_name=f"Writer {len(self.committed)}")
                    if len(self.committed) % 3 == 0:
                        documents.store_and_attach(s, who, lead.id, f"quote-{lead.id}.txt",
                                                   f"quote {lead.id}\n".encode(), now=self.now)
                    ids = (lead.contact_id, lead.id)
                self.committed.append(ids)
        except BaseException as err:  # noqa: BLE001 — reported by the test
            self.error = err

    def wait_for(self, n: int) -> None:
        deadline = time.monotonic() + 30
        while len(self.committed) < n and time.monotonic() < deadline and self.error is None:
            time.sleep(0.01)
        assert self.error is None and len(self.committed) >= n, self.error


@pytest.mark.sqlite_only  # SQLite's online backup, read back with sqlite3
def test_backup_taken_while_the_app_writes_restores_one_consistent_moment(source, fresh, session, now, tmp_path):
    job_id = _an_import_upload(session, now)
    writer = Writer(now)
    writer.start()
    try:
        writer.wait_for(6)
        before = len(writer.committed)
        made = _cli(source, "backup", str(tmp_path / "during.tar.gz"))
        during = len(writer.committed) - before
        writer.wait_for(len(writer.committed) + 3)  # and it goes on after the backup
    finally:
        writer.stop.set()
        writer.join(30)
    assert writer.error is None, writer.error
    assert made.returncode == 0, made.stderr
    assert during > 0, "the writer committed nothing while the backup ran"
    assert (tmp_path / "during.tar.gz").stat().st_mode & 0o777 == 0o600  # everyone's data: its owner's eyes only
    with tarfile.open(tmp_path / "during.tar.gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))

    restored = _cli(fresh, "restore", str(tmp_path / "during.tar.gz"))
    assert restored.returncode == 0, restored.stderr
    live, back = _file(source), _file(fresh)

    # Every table has the backup's row count; the copy is whole and at the code's migration.
    with sqlite3.connect(back) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    for table, count in manifest["tables"].items():
        assert len(_rows(back, table)) == count, table

    # One moment: the writer's first k transactions, each whole (contact, lead, file), none after.
    contacts = {cid for (cid, *_r) in _rows(back, "contact")}
    leads = {lid for (lid, *_r) in _rows(back, "lead")}
    k = sum(1 for cid, _lid in writer.committed if cid in contacts)
    assert 6 <= k < len(writer.committed)
    assert all((cid in contacts) == (lid in leads) == (i < k) for i, (cid, lid) in enumerate(writer.committed))

    # The restored rows are the live rows of that moment, byte for byte.
    last_contact, last_lead = writer.committed[k - 1]
    for table, last in (("contact", last_contact), ("lead", last_lead)):
        assert _digest(_rows(back, table)) == _digest(_rows(live, table, f"WHERE id <= {last}")), table
    for table in UNCHANGED_BY_WRITES:
        assert _digest(_rows(back, table)) == _digest(_rows(live, table)), table

    # Every document's file came along, intact; the import's upload is found where the job says.
    docs = _rows(back, "document")
    assert len(docs) >= 2
    with Session(db.make_engine(fresh["DATABASE_URL"])) as s:
        for doc_id, key, digest in s.exec(select(Document.id, Document.storage_key, Document.sha256)):
            path = Path(fresh["HOFFICE_FILES_DIR"]) / key[:2] / key
            assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, doc_id
        stored = s.exec(select(ImportJob.stored_path).where(ImportJob.id == job_id)).one()
    assert Path(stored).is_file() and Path(stored).is_relative_to(Path(fresh["HOFFICE_IMPORTS_DIR"]).resolve())


@pytest.mark.sqlite_only  # SQLite's online backup, read back with sqlite3
def test_restore_refuses_a_database_that_holds_data(source, tmp_path):
    assert _cli(source, "backup", str(tmp_path / "b")).returncode == 0
    before = _digest(_rows(_file(source), "contact"))
    result = _cli(source, "restore", str(tmp_path / "b"))
    assert result.returncode == 1
    assert "already holds data (5 employees" in result.stderr and "empty database" in result.stderr
    assert _digest(_rows(_file(source), "contact")) == before


def _rewrite(backup: Path, revision: str) -> None:
    """Make a backup folder claim (consistently) that its database is at ``revision``."""
    copy = backup / "database.sqlite"
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["alembic_revision"] = revision
    manifest["database"].update(size=copy.stat().st_size, sha256=hashlib.sha256(copy.read_bytes()).hexdigest())
    (backup / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.sqlite_only  # SQLite's online backup, read back with sqlite3
def test_restore_refuses_a_backup_from_newer_code(source, fresh, tmp_path):
    assert _cli(source, "backup", str(tmp_path / "b")).returncode == 0
    _rewrite(tmp_path / "b", "0099")
    result = _cli(fresh, "restore", str(tmp_path / "b"))
    assert result.returncode == 1
    assert "newer version of H-Office" in result.stderr and "0099" in result.stderr, result.stderr
    assert _rows(_file(fresh), "employee") == []


@pytest.mark.sqlite_only  # SQLite's online backup, read back with sqlite3
def test_restore_refuses_a_damaged_backup_before_writing_anything(source, fresh, tmp_path, session, now):
    job_id = _an_import_upload(session, now)
    upload = Path(session.get(ImportJob, job_id).stored_path).relative_to(jobs.storage_dir())  # in the job's folder
    assert _cli(source, "backup", str(tmp_path / "b")).returncode == 0
    (tmp_path / "b" / "imports" / upload).write_text("Name\nSomeone else\n")
    result = _cli(fresh, "restore", str(tmp_path / "b"))
    assert result.returncode == 1 and "damaged or incomplete" in result.stderr, result.stderr
    assert _rows(_file(fresh), "employee") == []
    assert not (Path(fresh["HOFFICE_IMPORTS_DIR"]) / upload).exists()


@pytest.mark.sqlite_only  # SQLite's online backup, read back with sqlite3
def test_restoring_an_older_backup_migrates_it_up(tmp_path, fresh, monkeypatch):
    old = tmp_path / "old.db"
    eng = db.make_engine(f"sqlite:///{old}")
    db.set_engine(eng)
    try:
        upgrade("0007")
        with eng.begin() as conn:
            conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('company_name', 'Old Co')")
    finally:
        db.set_engine(None)
        eng.dispose()
    env = {"DATABASE_URL": f"sqlite:///{old}", **_dirs(tmp_path / "old")}
    assert _cli(env, "backup", str(tmp_path / "old.tar.gz")).returncode == 0
    result = _cli(fresh, "restore", str(tmp_path / "old.tar.gz"))
    assert result.returncode == 0, result.stderr
    assert f"migration 0007 → {HEAD}" in result.stdout
    with sqlite3.connect(_file(fresh)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert ("Old Co",) in conn.execute("SELECT value FROM setting WHERE key = 'company_name'").fetchall()


def test_postgres_backup_without_pg_dump_says_what_to_install(tmp_path):
    env = {"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:9/none", "PATH": str(tmp_path),
           **_dirs(tmp_path)}
    result = _cli(env, "backup", str(tmp_path / "pg.tar.gz"))
    assert result.returncode == 1
    assert "pg_dump was not found" in result.stderr and "postgresql-client" in result.stderr, result.stderr
    assert not (tmp_path / "pg.tar.gz").exists()


PG_URL = os.environ.get("HOFFICE_TEST_POSTGRES_URL", "")  # a server where this user may create databases


@pytest.mark.skipif(not PG_URL, reason="set HOFFICE_TEST_POSTGRES_URL=postgresql+psycopg://user@host:port/db")
def test_postgres_backup_restores_an_older_revision_into_another_database(tmp_path):
    from sqlalchemy import create_engine

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    names = [f"hoffice_backup_{n}_{os.getpid()}" for n in ("src", "dst")]
    with admin.connect() as conn:
        for name in names:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    src, dst = ({"DATABASE_URL": str(admin.url.set(database=n).render_as_string(hide_password=False)),
                 **_dirs(tmp_path / n)} for n in names)
    try:
        eng = db.make_engine(src["DATABASE_URL"])
        db.set_engine(eng)
        upgrade("0007")  # today's seed needs today's schema: the old rows are written as 0007 had them
        with eng.begin() as conn:
            conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('company_name', 'Old Co')")
            conn.exec_driver_sql("INSERT INTO employee (code, name, email, mobile, role, active, password_hash, "
                                 "created_at, updated_at) VALUES ('E01', 'Asha Patel', 'asha@example.com', '', "
                                 "'admin', true, 'x', now(), now())")
        db.set_engine(None)
        eng.dispose()
        assert _cli(dst, "db", "upgrade").returncode == 0
        made = _cli(src, "backup", str(tmp_path / "pg.tar.gz"))
        assert made.returncode == 0, made.stderr
        restored = _cli(dst, "restore", str(tmp_path / "pg.tar.gz"))
        assert restored.returncode == 0, restored.stderr
        assert f"migration 0007 → {HEAD}" in restored.stdout
        back = create_engine(dst["DATABASE_URL"])
        with back.connect() as conn:
            assert conn.exec_driver_sql("SELECT value FROM setting WHERE key = 'company_name'").all() == [("Old Co",)]
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [(HEAD,)]
        back.dispose()
        assert "(1 employee)" in _cli(dst, "restore", str(tmp_path / "pg.tar.gz")).stderr  # not twice
    finally:
        db.set_engine(None)
        with admin.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
