"""The Documents page lists what the viewer may open (their uploads, files on leads they may
see, everything for an administrator), and beside each file only the leads they may see."""
import pytest

from hoffice_app.domain import documents
from hoffice_app.domain.leads import save_lead
from hoffice_app.models import LeadAttachment
from tests.contact_factory import actor, demo, engine, make_contact, master_id  # noqa: F401

PDF = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


def new_lead(session, who, now, title, **extra):
    contact = make_contact(session, who, now)
    return save_lead(session, who, {"title": title, "contact_code": contact.code, **extra}, now=now)


def listed(session, who, **filters):
    return {r.filename: [(lead.code, lead.title) for lead in r.leads]
            for r in documents.library_page(session, who, **filters).rows}


@pytest.fixture
def setup(session, executive, now):
    """Neha (E03) and Karan (E04) each have a lead with a file; Priya (E05) uploaded a file she
    attached to no lead."""
    karan, priya = actor(session, "E04"), actor(session, "E05")
    neha_lead = new_lead(session, executive, now, "Neha's printers")
    karan_lead = new_lead(session, karan, now, "Karan's secret deal")
    shared = documents.store_and_attach(session, executive, neha_lead.id, "price list.pdf", PDF, now=now)
    documents.store_and_attach(session, karan, karan_lead.id, "karan-quote.pdf", PDF, now=now)
    documents.upload_to_library(session, priya, "priya-notes.txt", b"notes", now=now)
    return neha_lead, karan_lead, shared


def test_executive_sees_own_uploads_and_files_on_own_leads_only(session, executive, now, setup):
    neha_lead, _karan_lead, _shared = setup
    assert listed(session, executive) == {"price list.pdf": [(neha_lead.code, "Neha's printers")]}


def test_manager_sees_the_teams_files_and_leads(session, manager, setup):
    neha_lead, karan_lead, _ = setup
    assert listed(session, manager) == {"price list.pdf": [(neha_lead.code, "Neha's printers")],
                                        "karan-quote.pdf": [(karan_lead.code, "Karan's secret deal")]}


def test_admin_sees_every_file_even_unattached(session, admin, setup):
    assert set(listed(session, admin)) == {"price list.pdf", "karan-quote.pdf", "priya-notes.txt"}


def test_leads_the_viewer_may_not_see_are_left_out_without_a_trace(session, executive, now):
    """Karan attaches Neha's file to his own lead: Neha sees her file with her lead only —
    neither the code, the title nor how many other leads use it."""
    karan = actor(session, "E04")
    neha_lead = new_lead(session, executive, now, "Neha's printers")
    karan_lead = new_lead(session, karan, now, "Karan's secret deal")
    view = documents.store_and_attach(session, executive, neha_lead.id, "price list.pdf", PDF, now=now)
    documents.store_and_attach(session, karan, karan_lead.id, "karan.pdf", PDF, now=now)
    # as if Karan could once see the file (e.g. while he followed Neha's lead) and attached it then
    session.add(LeadAttachment(lead_id=karan_lead.id, document_id=view.id, attached_by_id=karan.id, attached_at=now))
    session.flush()
    row = documents.library_page(session, executive).rows[0]
    assert row.filename == "price list.pdf"
    assert [lead.code for lead in row.leads] == [neha_lead.code]
    assert "secret" not in repr(row)
    assert [lead.code for lead in documents.library_page(session, karan, text="price").rows[0].leads] == \
        [karan_lead.code]


def test_an_unattached_upload_is_seen_by_its_uploader_and_admins_only(session, executive, manager, admin, now):
    documents.upload_to_library(session, executive, "mine.txt", b"x", now=now)
    assert listed(session, executive) == {"mine.txt": []}
    assert listed(session, manager) == {}
    assert listed(session, actor(session, "E04")) == {}
    assert listed(session, admin) == {"mine.txt": []}


def test_search_category_and_pages(session, executive, now):
    from datetime import timedelta
    quotes = master_id(session, "document_category", "Quotations")
    for n in range(5):
        documents.upload_to_library(session, executive, f"Quote {n}.pdf", PDF, now=now + timedelta(minutes=n),
                                    category=str(quotes))
    documents.upload_to_library(session, executive, "brochure_100%.pdf", PDF, now=now)
    assert set(listed(session, executive, text="QUOTE 3")) == {"Quote 3.pdf"}
    assert set(listed(session, executive, text="%")) == {"brochure_100%.pdf"}
    assert len(listed(session, executive, category=str(quotes))) == 5
    assert set(listed(session, executive, category=documents.NO_CATEGORY)) == {"brochure_100%.pdf"}
    page = documents.library_page(session, executive, category=str(quotes), page=2, per_page=2)
    assert page.total == 5 and [r.filename for r in page.rows] == ["Quote 2.pdf", "Quote 1.pdf"]
    assert page.rows[0].category == "Quotations" and page.rows[0].uploaded_by == "Neha Joshi"


def test_a_category_in_use_cannot_be_deleted(session, executive, admin, now):
    from hoffice_app.domain.common import ValidationError
    from hoffice_app.domain.masters import entries
    brochures = master_id(session, "document_category", "Brochures")
    documents.upload_to_library(session, executive, "b.pdf", PDF, now=now, category=str(brochures))
    with pytest.raises(ValidationError) as err:
        entries.delete_entry(session, admin, brochures)
    assert "1 document" in err.value.errors["delete"]
