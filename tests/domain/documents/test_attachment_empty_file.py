"""An empty upload is refused before anything is stored."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import demo, engine, make_contact  # noqa: F401


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))
    return tmp_path / "files"


def test_empty_file_refused(session, executive, now, files):
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, executive, lead.id, "notes.txt", b"", now=now)
    assert err.value.errors == {"file": "The file is empty."}
    assert documents.lead_documents(session, executive, lead.id) == []
    assert not files.exists()
