"""Only the listed extensions are accepted; the message names the refused type and what is allowed."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import demo, engine, make_contact  # noqa: F401

ALLOWED_TEXT = "Allowed: PDF, images, Office documents, text, CSV and ZIP."
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAMPLES = {
    "quote.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF", "photo.jpeg": b"\xff\xd8\xff\xe1\x00\x10Exif",
    "anim.gif": b"GIF89a\x01\x00\x01\x00", "pic.webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "notes.txt": "Call back on Monday – ₹1,50,000".encode(), "rows.csv": b"name,city\nAsha,Pune\n",
    "old.doc": OLE2 + b"\x00" * 8, "letter.docx": b"PK\x03\x04\x14\x00", "old.xls": OLE2 + b"\x00" * 8,
    "book.xlsx": b"PK\x03\x04\x14\x00", "deck.ppt": OLE2 + b"\x00" * 8, "deck.pptx": b"PK\x03\x04\x14\x00",
    "text.odt": b"PK\x03\x04\x14\x00", "sheet.ods": b"PK\x03\x04\x14\x00", "bundle.zip": b"PK\x03\x04\x14\x00",
}


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


@pytest.fixture
def lead(session, executive, now):
    contact = make_contact(session, executive, now)
    return save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)


def test_samples_cover_the_allow_list():
    assert {"." + name.rsplit(".", 1)[1] for name in SAMPLES} == set(documents.ALLOWED)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_allowed_type_accepted(session, executive, now, lead, name):
    view = documents.store_and_attach(session, executive, lead.id, name, SAMPLES[name], now=now)
    assert view.filename == name
    assert [d.filename for d in documents.lead_documents(session, executive, lead.id)] == [name]


def test_extension_case_ignored(session, executive, now, lead):
    view = documents.store_and_attach(session, executive, lead.id, "SCAN.PDF", b"%PDF-1.4", now=now)
    assert (view.filename, view.content_type) == ("SCAN.PDF", "application/pdf")


@pytest.mark.parametrize("name,ext", [("setup.exe", ".exe"), ("run.sh", ".sh"), ("page.html", ".html"),
                                      ("macro.docm", ".docm"), ("quote.pdf.exe", ".exe")])
def test_other_types_refused_with_the_list(session, executive, now, lead, name, ext):
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, executive, lead.id, name, b"harmless text", now=now)
    assert err.value.errors == {"file": f"Files of type {ext} cannot be attached. {ALLOWED_TEXT}"}


def test_name_without_extension_refused(session, executive, now, lead):
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, executive, lead.id, "README", b"hello", now=now)
    assert err.value.errors == {"file": f"Files without an extension cannot be attached. {ALLOWED_TEXT}"}
