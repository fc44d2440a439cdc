"""What the UI shows of a document: readable size, uploader, local time and the download link."""
import pytest

from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.documents import size_label
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import demo, engine, make_contact  # noqa: F401


@pytest.mark.parametrize("size,label", [(0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"), (1024, "1 KB"),
                                        (1536, "1.5 KB"), (int(1.2 * 1024 * 1024), "1.2 MB"),
                                        (10 * 1024 * 1024, "10 MB"), (3 * 1024 ** 3, "3 GB")])
def test_size_labels(size, label):
    assert size_label(size) == label


def test_view_of_an_upload(session, executive, now, tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    view = documents.store_and_attach(session, executive, lead.id, "photo.png",
                                      b"\x89PNG\r\n\x1a\n" + b"\x00" * 2040, now=now)
    assert (view.filename, view.size_label, view.content_type) == ("photo.png", "2 KB", "image/png")
    assert view.uploaded_by == "Neha Joshi"
    assert view.uploaded_at == "02 Mar 2026, 15:00"  # 09:30 UTC in the default zone, Asia/Kolkata
    assert view.download_url == f"/files/documents/{view.id}"
