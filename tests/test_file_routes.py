"""GET /files/documents/<id>: the session cookie decides; the bytes come back as a private attachment."""
import warnings

import pytest

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx is what is installed
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from hoffice_app.db import utcnow
from hoffice_app.domain import documents
from hoffice_app.domain.auth import sessions as auth
from hoffice_app.domain.leads import save_lead
from hoffice_app.http import files_app
from tests.contact_factory import DEMO_PASSWORD, demo, engine, make_contact  # noqa: F401

PDF = b"%PDF-1.7\nquote for 40 chairs\n"


@pytest.fixture(autouse=True)
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_FILES_DIR", str(tmp_path / "files"))


@pytest.fixture
def doc(session, executive, now):
    contact = make_contact(session, executive, now)
    lead = save_lead(session, executive, {"title": "Printer order", "contact_code": contact.code}, now=now)
    view = documents.store_and_attach(session, executive, lead.id, "Angebot Müller (final).pdf", PDF, now=now)
    session.commit()
    return view


def client_as(session, code: str | None) -> TestClient:
    """A browser logged in as ``code`` the way the page does it: the log-in's ticket posted to
    /auth/session, whose answer sets the session cookie."""
    client = TestClient(files_app)
    if code:
        result = auth.login(session, code, DEMO_PASSWORD, now=utcnow())
        session.commit()
        assert result.ok
        response = client.post("/auth/session", data={"ticket": result.ticket}, follow_redirects=False)
        assert response.status_code == 303 and client.cookies.get("hoffice_session")
    return client


def test_owner_downloads_the_bytes_as_a_private_attachment(session, doc):
    response = client_as(session, "E03").get(doc.download_url)
    assert response.status_code == 200
    assert response.content == PDF
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"Angebot M_ller (final).pdf\"; "
        "filename*=UTF-8''Angebot%20M%C3%BCller%20%28final%29.pdf")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "private, no-store"


def test_admin_can_download(session, doc):
    response = client_as(session, "E01").get(doc.download_url)
    assert (response.status_code, response.content) == (200, PDF)


def test_executive_who_cannot_see_the_lead_gets_404(session, doc):
    response = client_as(session, "E04").get(doc.download_url)
    assert response.status_code == 404
    assert response.text == "No such file, or it is not shared with you."
    assert PDF not in response.content


def test_unknown_document_gets_the_same_404(session, doc):
    response = client_as(session, "E03").get(f"/files/documents/{doc.id + 999}")
    assert response.status_code == 404


def test_no_cookie_gets_401(session, doc):
    response = client_as(session, None).get(doc.download_url)
    assert response.status_code == 401
    assert response.text == "Please log in first."


def test_revoked_session_gets_401(session, doc):
    client = client_as(session, "E03")
    auth.logout(session, client.cookies["hoffice_session"], now=utcnow())
    session.commit()
    assert client.get(doc.download_url).status_code == 401


def test_bogus_token_gets_401(session, doc):
    client = TestClient(files_app, cookies={"hoffice_session": "not-a-real-token"})
    assert client.get(doc.download_url).status_code == 401


def test_non_numeric_id_is_not_routed(session, doc):
    assert client_as(session, "E03").get("/files/documents/prices.pdf").status_code == 404


def test_a_library_upload_is_downloaded_by_its_uploader_and_admins_only(session, executive, now):
    """A file on no lead (uploaded on the Documents page, or left by a new-lead form): the
    manager of its uploader, another executive and no one else but an administrator."""
    view = documents.upload_to_library(session, executive, "price list.pdf", PDF, now=now)
    session.commit()
    assert client_as(session, "E03").get(view.download_url).content == PDF
    assert client_as(session, "E01").get(view.download_url).status_code == 200
    for code in ("E02", "E04"):
        response = client_as(session, code).get(view.download_url)
        assert (response.status_code, response.text) == (404, "No such file, or it is not shared with you.")


def test_a_manager_downloads_the_file_of_a_team_lead(session, doc):
    assert client_as(session, "E02").get(doc.download_url).content == PDF
