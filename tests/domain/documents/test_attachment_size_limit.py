"""A file over the limit is refused with its size and the limit; nothing is written."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.documents import files as document_files
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import demo, engine, make_contact  # noqa: F401


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))
    return tmp_path / "files"


def new_lead(session, who, now):
    contact = make_contact(session, who, now)
    return save_lead(session, who, {"title": "Printer order", "contact_code": contact.code}, now=now)


def test_over_ten_megabytes_refused_with_both_sizes(session, executive, now, files):
    lead = new_lead(session, executive, now)
    data = b"%PDF-1.7\n" + b"0" * (int(14.2 * 1024 * 1024) - 9)
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, executive, lead.id, "scan.pdf", data, now=now)
    assert err.value.errors == {"file": "This file is 14.2 MB; the limit is 10 MB."}
    assert not files.exists() or not any(p.is_file() for p in files.rglob("*"))


def test_one_byte_over_says_just_over(session, executive, now):
    lead = new_lead(session, executive, now)
    data = b"%PDF-1.7\n" + b"0" * (documents.MAX_BYTES - 8)
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, executive, lead.id, "scan.pdf", data, now=now)
    assert err.value.errors["file"] == "This file is just over 10 MB; the limit is 10 MB."


def test_exactly_at_the_limit_accepted(session, executive, now, monkeypatch):
    monkeypatch.setattr(document_files, "MAX_BYTES", 100)  # where the check reads it
    lead = new_lead(session, executive, now)
    view = documents.store_and_attach(session, executive, lead.id, "ok.pdf", b"%PDF-" + b"x" * 95, now=now)
    assert view.size_label == "100 bytes"
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, executive, lead.id, "big.pdf", b"%PDF-" + b"x" * 96, now=now)
    assert err.value.errors["file"] == "This file is 101 bytes; the limit is 100 bytes."
