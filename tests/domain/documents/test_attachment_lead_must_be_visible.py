"""Uploading to, or listing the files of, a lead you cannot see is refused and stores nothing."""
import pytest

from hoffice_app.domain.common import NotFound
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import actor, demo, engine, make_contact  # noqa: F401


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))
    return tmp_path / "files"


def test_other_executives_lead_refused(session, executive, now, files):
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    karan = actor(session, "E04")
    with pytest.raises(NotFound) as err:
        documents.store_and_attach(session, karan, lead.id, "quote.pdf", b"%PDF-1.7", now=now)
    assert err.value.message == "No such lead, or it is not shared with you."
    with pytest.raises(NotFound):
        documents.lead_documents(session, karan, lead.id)
    assert not files.exists()
