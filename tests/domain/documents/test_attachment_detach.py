"""Detaching takes the file off the lead, leaves a timeline line, and keeps it in the library."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import NotFound
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from hoffice_app.models import LeadEvent
from tests.contact_factory import actor, demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


@pytest.fixture
def lead(session, executive, now):
    contact = make_contact(session, executive, now)
    return save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)


def test_detach_removes_from_lead_but_keeps_the_file(session, executive, now, lead):
    view = documents.store_and_attach(session, executive, lead.id, "quote.pdf", PDF, now=now)
    session.commit()
    documents.detach(session, executive, lead.id, view.id, now=now)
    session.commit()
    assert documents.lead_documents(session, executive, lead.id) == []
    assert [d.id for d in documents.library(session, executive)] == [view.id]
    path, _name, _type = documents.open_for_download(session, executive, view.id)
    assert path.read_bytes() == PDF
    last = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id).order_by(LeadEvent.id.desc())).first()
    assert (last.kind, last.text, last.actor_id) == ("attachment", "Removed attachment quote.pdf", executive.id)


def test_detaching_what_is_not_attached_is_refused(session, executive, now, lead):
    with pytest.raises(NotFound) as err:
        documents.detach(session, executive, lead.id, 999, now=now)
    assert err.value.message == "That file is not attached to this lead."


def test_someone_who_cannot_see_the_lead_cannot_detach(session, executive, now, lead):
    view = documents.store_and_attach(session, executive, lead.id, "quote.pdf", PDF, now=now)
    with pytest.raises(NotFound):
        documents.detach(session, actor(session, "E04"), lead.id, view.id, now=now)
    assert len(documents.lead_documents(session, executive, lead.id)) == 1


def test_can_attach_again_after_detaching(session, executive, now, lead):
    view = documents.store_and_attach(session, executive, lead.id, "quote.pdf", PDF, now=now)
    documents.detach(session, executive, lead.id, view.id, now=now)
    documents.attach_existing(session, executive, lead.id, view.id, now=now)
    assert [d.id for d in documents.lead_documents(session, executive, lead.id)] == [view.id]
