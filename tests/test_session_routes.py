"""POST /auth/session and /auth/logout: the session token travels only in an HttpOnly,
SameSite=Strict cookie set by these plain HTTP responses (Secure over https), a fresh one
at every log-in; logging out ends the session and clears the cookie; other sites cannot
use either route."""
import warnings
from http.cookies import SimpleCookie

import pytest

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx is what is installed
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from hoffice_app.db import utcnow
from hoffice_app.domain.auth import actor_for_token, login
from hoffice_app.http import files_app
from tests.contact_factory import DEMO_PASSWORD, demo, engine  # noqa: F401

TEMPLATE = "/files/imports/template.xlsx"


@pytest.fixture(autouse=True)
def imports_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_IMPORTS_DIR", str(tmp_path / "imports"))


def _ticket(session, code="E03") -> str:
    ticket = login(session, code, DEMO_PASSWORD, now=utcnow()).ticket
    session.commit()
    return ticket


def _set_cookie(response) -> SimpleCookie:
    jar = SimpleCookie()
    jar.load(response.headers["set-cookie"])
    return jar


def _post(client, path, **data):
    return client.post(path, data=data, follow_redirects=False)


def test_the_ticket_becomes_an_http_only_strict_cookie_and_a_full_page_load(session):
    client = TestClient(files_app)
    response = _post(client, "/auth/session", ticket=_ticket(session), next="/contacts?text=x")
    assert response.status_code == 303
    assert response.headers["location"] == "/contacts?text=x"
    cookie = _set_cookie(response)["hoffice_session"]
    assert cookie["httponly"] is True
    assert cookie["samesite"].lower() == "strict"
    assert cookie["path"] == "/"
    assert not cookie["secure"]  # plain http: a Secure cookie would never come back
    assert actor_for_token(session, cookie.value, now=utcnow()).code == "E03"
    assert client.get(TEMPLATE).status_code == 200


@pytest.mark.parametrize("base_url, headers", [("https://testserver", {}),
                                               ("http://testserver", {"X-Forwarded-Proto": "https"})])
def test_over_https_the_cookie_is_secure(session, base_url, headers):
    client = TestClient(files_app, base_url=base_url)
    response = client.post("/auth/session", data={"ticket": _ticket(session)}, headers=headers,
                           follow_redirects=False)
    assert _set_cookie(response)["hoffice_session"]["secure"] is True


def test_next_is_only_ever_a_path_of_this_site(session):
    response = _post(TestClient(files_app), "/auth/session", ticket=_ticket(session), next="/\\evil.example.com")
    assert response.headers["location"] == "/"


def test_a_used_or_made_up_ticket_sets_no_cookie(session):
    client = TestClient(files_app)
    ticket = _ticket(session)
    assert _post(client, "/auth/session", ticket=ticket).status_code == 303
    other = TestClient(files_app)
    for attempt in (ticket, "made-up", ""):
        response = _post(other, "/auth/session", ticket=attempt)
        assert (response.status_code, response.headers["location"]) == (303, "/login?reason=retry")
        assert not other.cookies.get("hoffice_session")


def test_every_log_in_rotates_the_token_and_ends_the_previous_session(session):
    client = TestClient(files_app)
    _post(client, "/auth/session", ticket=_ticket(session))
    first = client.cookies["hoffice_session"]
    _post(client, "/auth/session", ticket=_ticket(session, "E01"))
    second = client.cookies["hoffice_session"]
    assert first != second
    assert actor_for_token(session, first, now=utcnow()) is None
    assert actor_for_token(session, second, now=utcnow()).code == "E01"


def test_logout_ends_the_session_and_clears_the_cookie(session):
    client = TestClient(files_app)
    _post(client, "/auth/session", ticket=_ticket(session))
    token = client.cookies["hoffice_session"]
    response = _post(client, "/auth/logout")
    assert (response.status_code, response.headers["location"]) == (303, "/login")
    cleared = _set_cookie(response)["hoffice_session"]
    assert cleared.value == "" and cleared["max-age"] == "0" and cleared["httponly"] is True
    assert actor_for_token(session, token, now=utcnow()) is None
    assert not client.cookies.get("hoffice_session")
    assert client.get(TEMPLATE).status_code == 401


def test_another_site_can_neither_log_in_nor_log_out(session):
    client = TestClient(files_app)
    evil = {"Origin": "https://evil.example.com"}
    response = client.post("/auth/session", data={"ticket": _ticket(session)}, headers=evil, follow_redirects=False)
    assert response.status_code == 403 and "set-cookie" not in response.headers
    _post(client, "/auth/session", ticket=_ticket(session))
    token = client.cookies["hoffice_session"]
    assert client.post("/auth/logout", headers=evil, follow_redirects=False).status_code == 403
    assert actor_for_token(session, token, now=utcnow()).code == "E03"
    same = client.post("/auth/logout", headers={"Origin": "http://testserver"}, follow_redirects=False)
    assert same.status_code == 303
