"""The first bytes must fit the extension; programs are refused whatever they are called."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import demo, engine, make_contact  # noqa: F401

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
PROGRAM = "This file looks like a program; programs cannot be attached."


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


@pytest.fixture
def lead(session, executive, now):
    contact = make_contact(session, executive, now)
    return save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)


def refused(session, who, now, lead, name, data) -> str:
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, who, lead.id, name, data, now=now)
    return err.value.errors["file"]


@pytest.mark.parametrize("name,data,message", [
    ("quote.pdf", PNG, "This file does not look like a PDF."),
    ("quote.pdf", b"<html>not a pdf</html>", "This file does not look like a PDF."),
    ("logo.png", b"\xff\xd8\xff\xe0JFIF", "This file does not look like a PNG image."),
    ("photo.jpg", PNG, "This file does not look like a JPEG image."),
    ("anim.gif", PNG, "This file does not look like a GIF image."),
    ("pic.webp", b"RIFF\x24\x00\x00\x00WAVEfmt ", "This file does not look like a WebP image."),
    ("letter.docx", b"%PDF-1.4", "This file does not look like a Word document."),
    ("book.xlsx", b"name,city\nAsha,Pune\n", "This file does not look like an Excel workbook."),
    ("deck.pptx", PNG, "This file does not look like a PowerPoint presentation."),
    ("bundle.zip", b"Rar!\x1a\x07\x00", "This file does not look like a ZIP archive."),
    ("deck.ppt", b"PK\x03\x04", "This file does not look like a PowerPoint presentation."),
    ("notes.txt", PNG, "This file does not look like a text file."),
    ("rows.csv", b"a,b\x00\x00\x01", "This file does not look like a CSV file."),
])
def test_mismatched_content_refused(session, executive, now, lead, name, data, message):
    assert refused(session, executive, now, lead, name, data) == message


@pytest.mark.parametrize("name,data", [
    ("invoice.pdf", PE), ("notes.txt", PE), ("photo.jpg", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8),
    ("rows.csv", b"#!/bin/sh\nrm -rf ~\n"), ("bundle.zip", b"\xcf\xfa\xed\xfe\x07\x00\x00\x01"),
])
def test_programs_refused_whatever_the_name(session, executive, now, lead, name, data):
    assert refused(session, executive, now, lead, name, data) == PROGRAM


def test_text_that_happens_to_start_with_mz_is_fine(session, executive, now, lead):
    data = b"MZ Traders visit notes: asked for a quote on 40 chairs, follow up next week.\n" * 2
    view = documents.store_and_attach(session, executive, lead.id, "mz-traders.txt", data, now=now)
    assert view.content_type == "text/plain"


def test_utf16_text_with_bom_accepted(session, executive, now, lead):
    data = "name,city\nAsha,Pune\n".encode("utf-16")
    assert documents.store_and_attach(session, executive, lead.id, "rows.csv", data, now=now).filename == "rows.csv"


def test_rtf_saved_as_doc_accepted(session, executive, now, lead):
    view = documents.store_and_attach(session, executive, lead.id, "letter.doc", b"{\\rtf1\\ansi Hello}", now=now)
    assert view.content_type == "application/msword"
