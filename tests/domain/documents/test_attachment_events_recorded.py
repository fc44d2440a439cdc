"""Every attach and detach is one "attachment" line on the lead's timeline, with who and when."""
from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import lead_detail, save_lead
from hoffice_app.models import Lead, LeadEvent
from tests.contact_factory import demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


def test_attach_and_detach_leave_timeline_lines(session, executive, manager, now):
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    later = now + timedelta(hours=2)
    view = documents.store_and_attach(session, executive, lead.id, "../quote.pdf", PDF, now=later)
    documents.detach(session, manager, lead.id, view.id, now=later + timedelta(minutes=5))
    session.commit()
    rows = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id, LeadEvent.kind == "attachment")
                        .order_by(LeadEvent.id)).all()
    assert [(e.text, e.actor_id, e.at) for e in rows] == [
        ("Attached quote.pdf", executive.id, later),
        ("Removed attachment quote.pdf", manager.id, later + timedelta(minutes=5))]
    assert session.get(Lead, lead.id).updated_at == later + timedelta(minutes=5)
    timeline = lead_detail(session, executive, lead.code).timeline
    assert [(t.actor, t.text) for t in timeline[:2]] == [("Ravi Shah", "Removed attachment quote.pdf"),
                                                         ("Neha Joshi", "Attached quote.pdf")]


def test_refused_file_leaves_no_event(session, executive, now):
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    with pytest.raises(ValidationError):
        documents.store_and_attach(session, executive, lead.id, "setup.exe", b"MZ\x00\x00", now=now)
    kinds = session.exec(select(LeadEvent.kind).where(LeadEvent.lead_id == lead.id)).all()
    assert kinds == ["created"]
