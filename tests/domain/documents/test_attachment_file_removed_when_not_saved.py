"""A stored file lives exactly as long as its row: a database error or a rollback removes it."""
import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from hoffice_app import db
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))
    return tmp_path / "files"


def stored(files):
    return [p for p in files.rglob("*") if p.is_file()] if files.exists() else []


@pytest.fixture
def lead_id(session, executive, now):
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    session.commit()
    return lead.id


def test_database_error_removes_the_written_file(session, executive, now, lead_id, files, monkeypatch):
    def broken(*_args, **_kwargs):
        raise IntegrityError("INSERT", {}, Exception("disk full"))
    monkeypatch.setattr(documents.lead_events, "record", broken)
    with pytest.raises(IntegrityError):
        documents.store_and_attach(session, executive, lead_id, "quote.pdf", PDF, now=now)
    assert stored(files) == []


def test_rollback_removes_the_file(session, executive, now, lead_id, files):
    documents.store_and_attach(session, executive, lead_id, "quote.pdf", PDF, now=now)
    assert len(stored(files)) == 1
    session.rollback()
    assert stored(files) == []


def test_failed_unit_of_work_removes_the_file(executive, now, lead_id, files):
    with pytest.raises(RuntimeError), db.unit_of_work() as s:
        documents.store_and_attach(s, executive, lead_id, "quote.pdf", PDF, now=now)
        raise RuntimeError("something later in the handler failed")
    assert stored(files) == []


def test_committed_unit_of_work_keeps_the_file(engine, executive, now, lead_id, files):
    with db.unit_of_work() as s:
        view = documents.store_and_attach(s, executive, lead_id, "quote.pdf", PDF, now=now)
    with Session(engine) as s:
        path, name, _type = documents.open_for_download(s, executive, view.id)
    assert path.read_bytes() == PDF and name == "quote.pdf"
    assert stored(files) == [path]
