"""The library lists what you uploaded and what is attached to leads you can see; nothing else."""
import pytest

from hoffice_app.domain.documents import service as documents
from hoffice_app.domain.leads import save_lead
from tests.contact_factory import actor, demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


def new_lead(session, who, now, title="Printer order", **extra):
    contact = make_contact(session, who, now)
    return save_lead(session, who, {"title": title, "contact_code": contact.code, **extra}, now=now)


def names(session, who, text=""):
    return sorted(d.filename for d in documents.library(session, who, text=text))


def test_each_executive_sees_only_their_own(session, executive, now):
    karan = actor(session, "E04")
    neha_lead, karan_lead = new_lead(session, executive, now), new_lead(session, karan, now)
    documents.store_and_attach(session, executive, neha_lead.id, "neha-quote.pdf", PDF, now=now)
    documents.store_and_attach(session, karan, karan_lead.id, "karan-quote.pdf", PDF, now=now)
    assert names(session, executive) == ["neha-quote.pdf"]
    assert names(session, karan) == ["karan-quote.pdf"]


def test_manager_and_admin_see_the_teams_documents(session, executive, manager, admin, now):
    karan = actor(session, "E04")
    documents.store_and_attach(session, executive, new_lead(session, executive, now).id, "a.pdf", PDF, now=now)
    documents.store_and_attach(session, karan, new_lead(session, karan, now).id, "b.pdf", PDF, now=now)
    assert names(session, manager) == ["a.pdf", "b.pdf"]
    assert names(session, admin) == ["a.pdf", "b.pdf"]


def test_attached_to_a_lead_you_follow_is_visible(session, executive, now):
    karan = actor(session, "E04")
    followed = new_lead(session, karan, now, follower_employee_ids=[str(executive.id)])
    documents.store_and_attach(session, karan, followed.id, "shared.pdf", PDF, now=now)
    assert names(session, executive) == ["shared.pdf"]


def test_your_upload_stays_visible_after_detaching(session, executive, now):
    lead = new_lead(session, executive, now)
    view = documents.store_and_attach(session, executive, lead.id, "mine.pdf", PDF, now=now)
    documents.detach(session, executive, lead.id, view.id, now=now)
    assert names(session, executive) == ["mine.pdf"]
    assert names(session, actor(session, "E04")) == []


def test_text_filters_by_name_and_wildcards_are_literal(session, executive, now):
    lead = new_lead(session, executive, now)
    for name in ("Price List 2026.pdf", "price_list.csv", "Visit notes.txt", "100% done.txt"):
        data = PDF if name.endswith(".pdf") else b"x"
        documents.store_and_attach(session, executive, lead.id, name, data, now=now)
    assert names(session, executive, "price") == ["Price List 2026.pdf", "price_list.csv"]
    assert names(session, executive, "LIST 2026") == ["Price List 2026.pdf"]
    assert names(session, executive, "_") == ["price_list.csv"]
    assert names(session, executive, "%") == ["100% done.txt"]


def test_newest_first_and_limited(session, executive, now):
    from datetime import timedelta
    lead = new_lead(session, executive, now)
    for n in range(5):
        documents.store_and_attach(session, executive, lead.id, f"v{n}.pdf", PDF, now=now + timedelta(minutes=n))
    assert [d.filename for d in documents.library(session, executive, limit=3)] == ["v4.pdf", "v3.pdf", "v2.pdf"]
