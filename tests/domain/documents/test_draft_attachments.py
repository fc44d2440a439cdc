"""Files added in the new-lead form are library documents at once and are attached in the
transaction that creates the lead; removed before saving, they are gone; bad files are refused."""
import pytest
from sqlmodel import Session, select

from hoffice_app import db
from hoffice_app.domain import documents, leads
from hoffice_app.domain.common import NotFound, ValidationError
from hoffice_app.models import Document, Lead, LeadAttachment
from tests.contact_factory import actor, demo, engine, make_contact, master_id  # noqa: F401

PDF = b"%PDF-1.7\nquote\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))
    return tmp_path / "files"


def stored(files):
    return [p for p in files.rglob("*") if p.is_file()] if files.exists() else []


def form(session, who, now, title="Printer order"):
    contact = make_contact(session, who, now)
    session.commit()
    return {"title": title, "contact_code": contact.code}


def test_draft_files_are_attached_when_the_lead_is_saved(engine, session, executive, now, files):
    data = form(session, executive, now)
    with db.unit_of_work() as s:
        first = documents.upload_draft(s, executive, "quote.pdf", PDF, now=now)
        second = documents.upload_draft(s, executive, "photo.png", b"\x89PNG\r\n\x1a\n...", now=now)
    with db.unit_of_work() as s:  # what the form's Save does: the lead, then its files, in one transaction
        code = leads.save_from_form(s, executive, data, now=now).code
        assert documents.attach_drafts(s, executive, code, [first.id, second.id, first.id], now=now) == 2
    with Session(engine) as s:
        lead = leads.get_visible(s, executive, code=code)
        names = sorted(d.filename for d in documents.lead_documents(s, executive, lead.id))
        assert names == ["photo.png", "quote.pdf"]
        assert [r.leads[0].code for r in documents.library_page(s, executive).rows] == [code, code]


def test_a_failed_save_attaches_nothing_and_keeps_the_drafts(engine, session, executive, now):
    data = form(session, executive, now)
    with db.unit_of_work() as s:
        draft = documents.upload_draft(s, executive, "quote.pdf", PDF, now=now)
    with pytest.raises(RuntimeError), db.unit_of_work() as s:
        code = leads.save_from_form(s, executive, data, now=now).code
        documents.attach_drafts(s, executive, code, [draft.id], now=now)
        raise RuntimeError("the save failed after the files were attached")
    with Session(engine) as s:
        assert s.exec(select(LeadAttachment)).all() == []
        assert [d.filename for d in documents.draft_documents(s, executive, [draft.id])] == ["quote.pdf"]


def test_someone_elses_document_cannot_be_slipped_into_a_new_lead(engine, session, executive, now):
    karan = actor(session, "E04")
    data = form(session, executive, now)
    with db.unit_of_work() as s:
        theirs = documents.upload_draft(s, karan, "karan.pdf", PDF, now=now)
    with pytest.raises(NotFound), db.unit_of_work() as s:
        code = leads.save_from_form(s, executive, data, now=now).code
        documents.attach_drafts(s, executive, code, [theirs.id], now=now)
    with Session(engine) as s:  # refused as a whole: not even the lead was created
        assert s.exec(select(Lead)).all() == [] and s.exec(select(LeadAttachment)).all() == []
        assert s.exec(select(Document)).one().filename == "karan.pdf"


def test_removed_before_saving_deletes_the_document_and_its_file(engine, executive, now, files):
    with db.unit_of_work() as s:
        draft = documents.upload_draft(s, executive, "quote.pdf", PDF, now=now)
    assert len(stored(files)) == 1
    with db.unit_of_work() as s:
        documents.discard_draft(s, executive, draft.id)
    with Session(engine) as s:
        assert s.exec(select(Document)).all() == []
    assert stored(files) == []


def test_only_the_uploader_may_discard(engine, session, executive, now, files):
    karan = actor(session, "E04")
    with db.unit_of_work() as s:
        draft = documents.upload_draft(s, executive, "quote.pdf", PDF, now=now)
    with pytest.raises(NotFound), db.unit_of_work() as s:
        documents.discard_draft(s, karan, draft.id)
    assert len(stored(files)) == 1


def test_bad_files_are_refused_with_a_clear_message_and_nothing_stored(session, executive, now, files):
    with pytest.raises(ValidationError) as err:
        documents.upload_draft(session, executive, "setup.exe", b"MZ\x90\x00\x03", now=now)
    assert err.value.errors == {"file": "Files of type .exe cannot be attached. Allowed: PDF, images, "
                                        "Office documents, text, CSV and ZIP."}
    with pytest.raises(ValidationError) as err:
        documents.upload_draft(session, executive, "fake.pdf", b"<html>", now=now)
    assert err.value.errors == {"file": "This file does not look like a PDF."}
    with pytest.raises(ValidationError) as err:
        documents.upload_to_library(session, executive, "empty.pdf", b"", now=now)
    assert err.value.errors == {"file": "The file is empty."}
    assert stored(files) == [] and session.exec(select(Document)).all() == []


def test_library_upload_refuses_a_category_of_another_list(session, executive, now, files):
    with pytest.raises(ValidationError) as err:
        documents.upload_to_library(session, executive, "a.pdf", PDF, now=now,
                                    category=str(master_id(session, "lead_priority", "High")))
    assert err.value.errors == {"category": "Choose a category from the list."}
    assert stored(files) == []
