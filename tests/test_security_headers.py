"""Every response of the backend carries the security headers; a page's script policy allows
the build's own inline scripts by hash (and no others); every /files/ file is an attachment."""
import base64
import hashlib
import warnings

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx is what is installed
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from hoffice_app import protection
from hoffice_app.http import files_app
from hoffice_app.http.headers import NOT_A_PAGE, SecurityHeaders, as_attachment, inline_script_hashes
from tests.contact_factory import demo, engine  # noqa: F401
from tests.test_file_routes import PDF, client_as, doc, files  # noqa: F401

SCRIPT = b"window.__reactRouterContext = {};"
PAGE = (b"<html><head><script>" + SCRIPT + b"</script>"
        b'<script type="module" src="/assets/a.js"></script></head></html>')
ORIGINS = ("http://localhost:3000",)


def sha(body: bytes) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"


def site(tmp_path):
    """A built frontend of one page, an inline download under /files/ and the real file routes."""
    (tmp_path / "login.html").write_bytes(PAGE)
    inline = PlainTextResponse("x", headers={"Content-Disposition": 'inline; filename="a.txt"'})
    app = Starlette(routes=[Route("/login", lambda _r: HTMLResponse(PAGE.decode())),
                            Route("/contacts/", lambda _r: Response(status_code=304)),
                            Route("/files/inline.txt", lambda _r: inline)])
    app.mount("", files_app)
    return SecurityHeaders(app, origins=ORIGINS, static_dir=tmp_path)


def assert_common(response):
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"


def test_a_page_cannot_be_framed_and_runs_only_the_builds_scripts(tmp_path):
    response = TestClient(site(tmp_path)).get("/login")
    assert_common(response)
    policy = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == f"'self' 'unsafe-eval' {sha(SCRIPT)}"
    assert "'unsafe-inline'" not in policy["script-src"] and policy["object-src"] == "'none'"
    assert policy["connect-src"] == "'self' http://localhost:3000 ws://localhost:3000"


def test_a_page_revalidated_with_304_keeps_the_policy_it_was_stored_with(tmp_path):
    """A policy sent with the 304 would replace the page's own in the browser's cache."""
    response = TestClient(site(tmp_path)).get("/contacts/")
    assert response.status_code == 304 and "content-security-policy" not in response.headers
    assert_common(response)


def test_a_download_is_a_private_attachment_with_the_headers(session, doc, tmp_path):  # noqa: F811
    client = TestClient(site(tmp_path), cookies=dict(client_as(session, "E03").cookies))
    response = client.get(doc.download_url)
    assert response.status_code == 200 and response.content == PDF
    assert_common(response)
    assert response.headers["content-security-policy"] == NOT_A_PAGE
    assert response.headers["content-disposition"].startswith('attachment; filename="Angebot')


def test_an_inline_file_under_files_becomes_an_attachment_but_a_refusal_stays_readable(tmp_path):
    client = TestClient(site(tmp_path))
    assert client.get("/files/inline.txt").headers["content-disposition"] == 'attachment; filename="a.txt"'
    refusal = client.get("/files/contacts/export.xlsx")
    assert refusal.status_code == 401 and "content-disposition" not in refusal.headers
    assert_common(refusal)


def test_as_attachment():
    assert as_attachment(None) == "attachment"
    assert as_attachment("INLINE") == "attachment"
    assert as_attachment('attachment; filename="x"') == 'attachment; filename="x"'


def test_no_build_means_no_hashes(tmp_path):
    assert inline_script_hashes(tmp_path / "missing") == ()
    (tmp_path / "a.html").write_bytes(PAGE + PAGE)
    assert inline_script_hashes(tmp_path) == (sha(SCRIPT),)


def test_the_app_wraps_the_whole_backend_in_the_guards():
    inner = Starlette(routes=[Route("/ping", lambda _r: PlainTextResponse("pong"))])
    response = TestClient(protection.wrap(inner)).get("/ping")
    assert response.text == "pong"
    assert_common(response)
    assert response.headers["content-security-policy"] == NOT_A_PAGE
