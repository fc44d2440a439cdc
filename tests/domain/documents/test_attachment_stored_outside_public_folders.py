"""Bytes go to a private folder (data/files or HOFFICE_FILES_DIR), never assets/ or Reflex's upload folder."""
import hashlib

import pytest
from sqlmodel import select

from hoffice_app.db import PROJECT_ROOT
from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from hoffice_app.models import Document
from tests.contact_factory import demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\nquote for 40 chairs\n"


def test_default_store_is_data_files(monkeypatch):
    monkeypatch.delenv("HOFFICE_FILES_DIR", raising=False)
    monkeypatch.delenv("REFLEX_UPLOADED_FILES_DIR", raising=False)
    root = documents.storage_root()
    assert root == (PROJECT_ROOT / "data" / "files").resolve()
    for public in ("assets", "uploaded_files", ".web"):
        assert (PROJECT_ROOT / public).resolve() not in root.parents


@pytest.mark.parametrize("inside", ["assets", "assets/files", "uploaded_files", ".web/public/files"])
def test_public_folder_refused_as_store(monkeypatch, inside):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(PROJECT_ROOT / inside))
    with pytest.raises(RuntimeError, match="public folder"):
        documents.storage_root()


def test_reflex_upload_dir_refused_as_store(monkeypatch, tmp_path):
    monkeypatch.setenv("REFLEX_UPLOADED_FILES_DIR", str(tmp_path / "up"))
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "up" / "files"))
    with pytest.raises(RuntimeError):
        documents.storage_root()


def test_upload_lands_in_the_configured_store_with_its_hash(session, executive, now, tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "private"))
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    documents.store_and_attach(session, executive, lead.id, "quote.pdf", PDF, now=now)
    session.commit()
    doc = session.exec(select(Document)).one()
    path, _name, _type = documents.open_for_download(session, executive, doc.id)
    assert path.parent.parent == (tmp_path / "private").resolve()
    assert path.read_bytes() == PDF and doc.size == len(PDF) and doc.sha256 == hashlib.sha256(PDF).hexdigest()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind
