"""A library document can be attached to another lead; attaching it twice is refused."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import NotFound, ValidationError
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from hoffice_app.models import Document, LeadEvent
from tests.contact_factory import actor, demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


def new_lead(session, who, now, title):
    contact = make_contact(session, who, now)
    return save_lead(session, who, {"title": title, "contact_code": contact.code}, now=now)


def test_attach_from_library_to_a_second_lead(session, executive, now):
    first, second = new_lead(session, executive, now, "Chairs"), new_lead(session, executive, now, "Desks")
    view = documents.store_and_attach(session, executive, first.id, "catalogue.pdf", PDF, now=now)
    again = documents.attach_existing(session, executive, second.id, view.id, now=now)
    assert again == view
    assert [d.id for d in documents.lead_documents(session, executive, second.id)] == [view.id]
    assert [d.id for d in documents.lead_documents(session, executive, first.id)] == [view.id]
    assert len(session.exec(select(Document)).all()) == 1  # the same stored file, not a copy
    texts = session.exec(select(LeadEvent.text).where(LeadEvent.lead_id == second.id,
                                                      LeadEvent.kind == "attachment")).all()
    assert texts == ["Attached catalogue.pdf"]


def test_attaching_twice_is_refused_with_a_message(session, executive, now):
    lead = new_lead(session, executive, now, "Chairs")
    view = documents.store_and_attach(session, executive, lead.id, "catalogue.pdf", PDF, now=now)
    with pytest.raises(ValidationError) as err:
        documents.attach_existing(session, executive, lead.id, view.id, now=now)
    assert err.value.errors == {"file": "catalogue.pdf is already attached to this lead."}
    assert len(documents.lead_documents(session, executive, lead.id)) == 1


def test_cannot_attach_a_document_not_shared_with_you(session, executive, now):
    other = actor(session, "E04")
    hidden_lead = new_lead(session, other, now, "Their lead")
    hidden = documents.store_and_attach(session, other, hidden_lead.id, "their-prices.pdf", PDF, now=now)
    mine = new_lead(session, executive, now, "Mine")
    with pytest.raises(NotFound) as err:
        documents.attach_existing(session, executive, mine.id, hidden.id, now=now)
    assert err.value.message == "No such file, or it is not shared with you."
    assert documents.lead_documents(session, executive, mine.id) == []


def test_cannot_attach_to_a_lead_you_cannot_see(session, executive, now):
    other = actor(session, "E04")
    their_lead = new_lead(session, other, now, "Their lead")
    mine = new_lead(session, executive, now, "Mine")
    view = documents.store_and_attach(session, executive, mine.id, "catalogue.pdf", PDF, now=now)
    with pytest.raises(NotFound):
        documents.attach_existing(session, executive, their_lead.id, view.id, now=now)
