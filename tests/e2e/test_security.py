"""The production server against pages of other origins and uploads without a session:
- a page on another port of the same host (same site, so the browser sends the strict cookie)
  can neither read a download nor open the websocket;
- /login cannot be framed, and the app's own pages run under their script policy unharmed;
- /_upload refuses a request without a session (nothing stored) and a body over the limit
  (413 before the body is read)."""
from __future__ import annotations

import http.client
import re
import threading
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect
from reflex.utils.format import format_event_handler

from hoffice_app.pages.imports.state import ImportState
from tests.e2e.import_pages import ImportWizard
from tests.e2e.pages import LoginPage, Shell

IMPORT_HANDLER = format_event_handler(ImportState.upload)


@pytest.fixture
def elsewhere():
    """``serve(html)`` puts a page on another port of this host and returns its address: the
    same site as the app, so the browser sends the app's strict cookie, but another origin. A real
    server on the loopback address, as in the report (Chromium treats a faked origin as public
    and blocks it from loopback on its own)."""
    page = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = page["html"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def serve(html: str) -> str:
        page["html"] = html
        return f"http://localhost:{httpd.server_address[1]}/"
    yield serve
    httpd.shutdown()
    httpd.server_close()


def session_cookie(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "hoffice_session")


def get(server, path: str, **headers):
    try:
        return urllib.request.urlopen(urllib.request.Request(server.url + path, headers=headers), timeout=10)
    except urllib.error.HTTPError as refusal:
        return refusal


def test_a_page_on_another_port_cannot_read_a_download_or_open_the_websocket(page, server, demo_password,
                                                                             elsewhere):
    LoginPage(page).log_in("E03", demo_password)
    page.goto(elsewhere("<title>elsewhere</title>"))
    outcome = page.evaluate("""async (app) => {
        const read = await fetch(app + "/files/contacts/export.xlsx", {credentials: "include"})
            .then(r => "read " + r.status, e => "blocked");
        const socket = await new Promise(done => {
            const ws = new WebSocket(app.replace("http", "ws") + "/_event/?EIO=4&transport=websocket");
            ws.onopen = () => { ws.close(); done("open"); };
            ws.onerror = () => done("refused");
        });
        return [read, socket];
    }""", server.url)
    assert outcome == ["blocked", "refused"]
    # The app's own origin is still let in.
    cookie = f"hoffice_session={session_cookie(page)}"
    own = get(server, "/files/imports/template.xlsx", Origin=server.url, Cookie=cookie)
    assert own.status == 200 and own.headers["Access-Control-Allow-Origin"] == server.url


def test_login_cannot_be_framed(page, server, elsewhere):
    with page.expect_event("framenavigated", lambda frame: frame.parent_frame is not None) as framed:
        page.goto(elsewhere(f'<iframe src="{server.url}/login"></iframe>'))
    assert framed.value.url.startswith("chrome-error://")  # the browser showed its error page instead
    expect(page.frame_locator("iframe").get_by_role("button", name="Log in")).to_have_count(0)


def test_pages_and_backend_answers_carry_the_security_headers(server):
    for path in ("/login/", "/ping", "/files/imports/template.xlsx", "/no-such-page"):
        response = get(server, path)
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
    policy = get(server, "/login/").headers["Content-Security-Policy"]
    assert re.search(r"script-src 'self' 'unsafe-eval'( 'sha256-[^']+')+;", policy)


def test_the_app_works_under_its_script_policy(page, demo_password):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    LoginPage(page).log_in("E01", demo_password)
    shell = Shell(page)
    for link, path in (("Contacts", "/contacts"), ("Funnel", "/funnel"), ("Follow-ups", "/follow-ups")):
        shell.link(link).click()
        expect(page).to_have_url(re.compile(path))
    for _visit in range(2):  # the second visit is answered 304 and runs from the browser's cache
        page.goto("/import")  # its title is set by a script the server sends (rx.call_script: eval)
        expect(page).to_have_title("Import contacts · H-Office")
        expect(page.locator("#import-file")).to_be_visible()  # the drop zone (its file input has the same name)
    assert violations == []


def upload_request(server, *, cookie: str = "", length: int | None = None, body: bytes = b"a,b\n1,2\n"):
    """POST /_upload as the browser sends it, naming the import wizard's handler."""
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode()
    payload = head + body + f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("localhost", server.port, timeout=30)
    connection.putrequest("POST", "/_upload")
    for name, value in {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": server.url,
                        "Reflex-Client-Token": str(uuid.uuid4()), "Reflex-Event-Handler": IMPORT_HANDLER,
                        "Content-Length": str(len(payload) if length is None else length),
                        **({"Cookie": f"hoffice_session={cookie}"} if cookie else {})}.items():
        connection.putheader(name, value)
    connection.endheaders()
    if length is None:
        connection.send(payload)
    return connection.getresponse()


def test_an_upload_without_a_session_is_refused_and_nothing_is_stored(server):
    before = set((server.imports_dir / "uploads").glob("*"))
    response = upload_request(server)
    assert (response.status, response.read()) == (401, b"Please log in first.")
    assert set((server.imports_dir / "uploads").glob("*")) == before


def test_an_upload_over_the_limit_is_refused_before_its_body_is_read(page, server, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    response = upload_request(server, cookie=session_cookie(page), length=60 * 2**20)  # no body follows
    assert (response.status, response.read()) == (413, b"The upload is over the limit of 50 MB.")


def test_the_wizard_says_when_a_file_is_over_the_limit(page, demo_password, tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as out:  # past what the upload guard lets through (the limit + 64 KB)
        out.truncate(51 * 2**20)
    LoginPage(page).log_in("E03", demo_password)
    wizard = ImportWizard(page).open()
    wizard.choose_file(big)
    expect(wizard.alert()).to_have_text(
        "The file is over 50 MB; split it into smaller files and import them one by one.")
