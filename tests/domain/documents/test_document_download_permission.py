"""Only the uploader and people who can see a lead the file is attached to may download it."""
import pytest

from hoffice_app.domain.common import NotFound
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import actor, demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\nprices\n"
HIDDEN = "No such file, or it is not shared with you."


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


@pytest.fixture
def doc(session, executive, now):
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    view = documents.store_and_attach(session, executive, lead.id, "prices.pdf", PDF, now=now)
    session.commit()
    return view


def test_uploader_gets_path_name_and_type(session, executive, doc):
    path, name, content_type = documents.open_for_download(session, executive, doc.id)
    assert (path.read_bytes(), name, content_type) == (PDF, "prices.pdf", "application/pdf")


@pytest.mark.parametrize("code", ["E01", "E02"])
def test_admin_and_manager_of_the_team_may_download(session, doc, code):
    path, _name, _type = documents.open_for_download(session, actor(session, code), doc.id)
    assert path.read_bytes() == PDF


def test_another_executive_cannot_download(session, doc):
    with pytest.raises(NotFound) as err:
        documents.open_for_download(session, actor(session, "E04"), doc.id)
    assert err.value.message == HIDDEN


def test_missing_document_has_the_same_message(session, executive, doc):
    with pytest.raises(NotFound) as err:
        documents.open_for_download(session, executive, doc.id + 1000)
    assert err.value.message == HIDDEN


def test_file_gone_from_disk_is_not_found(session, executive, doc):
    path, _name, _type = documents.open_for_download(session, executive, doc.id)
    path.unlink()
    with pytest.raises(NotFound):
        documents.open_for_download(session, executive, doc.id)


def test_not_logged_in_is_refused(session, doc):
    from hoffice_app.domain.common import PermissionDenied
    with pytest.raises(PermissionDenied):
        documents.open_for_download(session, None, doc.id)
