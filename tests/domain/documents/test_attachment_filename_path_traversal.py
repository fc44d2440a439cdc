"""The user's filename is only a display label: path parts are dropped and the disk name is random."""
import re

import pytest
from sqlmodel import select

from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from hoffice_app.models import Document
from tests.contact_factory import demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    root = tmp_path / "store" / "files"
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(root))
    return root


@pytest.fixture
def lead(session, executive, now):
    contact = make_contact(session, executive, now)
    return save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)


@pytest.mark.parametrize("given,shown", [
    ("../../etc/quote.pdf", "quote.pdf"),
    ("..\\..\\Windows\\quote.pdf", "quote.pdf"),
    ("/abs/path/quote.pdf", "quote.pdf"),
    ("C:\\Users\\neha\\Desktop\\Quote 2026.pdf", "Quote 2026.pdf"),
    ("..quote.pdf", "quote.pdf"),
    ("quote\x00\x1f.pdf", "quote.pdf"),
    ("invoice\u202efdp.exe.pdf", "invoicefdp.exe.pdf"),  # right-to-left override removed
    ('a<b>:"c"|?*.pdf', "a_b___c____.pdf"),
])
def test_path_parts_and_control_characters_dropped(session, executive, now, lead, files, given, shown):
    view = documents.store_and_attach(session, executive, lead.id, given, PDF, now=now)
    session.commit()
    assert view.filename == shown
    stored = [p for p in files.rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].read_bytes() == PDF
    assert files in stored[0].parents
    assert not list(files.parent.parent.rglob("quote.pdf"))


def test_disk_name_is_random_hex_never_the_users_name(session, executive, now, lead, files):
    documents.store_and_attach(session, executive, lead.id, "quote.pdf", PDF, now=now)
    documents.store_and_attach(session, executive, lead.id, "quote.pdf", PDF, now=now)
    session.commit()
    keys = [d.storage_key for d in session.exec(select(Document)).all()]
    assert len(set(keys)) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", k) for k in keys)
    names = sorted(p.name for p in files.rglob("*") if p.is_file())
    assert names == sorted(keys)


def test_long_name_cut_to_255_keeping_the_extension(session, executive, now, lead):
    view = documents.store_and_attach(session, executive, lead.id, "q" * 400 + ".pdf", PDF, now=now)
    assert len(view.filename) == 255 and view.filename.endswith("qq.pdf")


def test_name_of_only_dots_and_slashes_has_no_type(session, executive, now, lead):
    from hoffice_app.domain.common import ValidationError
    with pytest.raises(ValidationError) as err:
        documents.store_and_attach(session, executive, lead.id, "../..", PDF, now=now)
    assert err.value.errors["file"].startswith("Files without an extension cannot be attached.")
