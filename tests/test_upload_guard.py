"""The guard in front of POST /_upload: the session, the origin, the handler and the size are
checked before a byte of the body reaches Reflex; a body without a length is cut off while it
streams. Reflex's endpoint is stood in for by a small app that records what it read."""
import threading
import warnings

import anyio
import pytest
from reflex.utils.format import format_event_handler
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx is what is installed
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from hoffice_app import protection
from hoffice_app.http.uploads import OVERHEAD, UploadGuard, UploadRule
from hoffice_app.importer import uploads
from hoffice_app.models import Setting
from hoffice_app.pages.imports.state import ImportState
from hoffice_app.pages.leads.detail_state import LeadDetailState
from tests.contact_factory import demo, engine  # noqa: F401
from tests.test_file_routes import client_as

ORIGIN = "http://testserver"
IMPORT = format_event_handler(ImportState.upload)
LEAD = format_event_handler(LeadDetailState.upload)


class FakeReflex:
    """Reads the body like Reflex's upload endpoint; a client gone away gets an empty answer."""

    def __init__(self):
        self.calls, self.read = 0, 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        try:
            async for piece in Request(scope, receive).stream():
                self.read += len(piece)
        except ClientDisconnect:
            return await Response()(scope, receive, send)
        await PlainTextResponse("stored")(scope, receive, send)


@pytest.fixture(autouse=True)
def imports_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_IMPORTS_DIR", str(tmp_path / "imports"))


@pytest.fixture
def reflex():
    return FakeReflex()


def guarded(reflex, rules=None):
    return UploadGuard(reflex, rules=rules or protection.upload_rules(), origins=(ORIGIN,))


def post(client, handler=IMPORT, body=b"a,b\n1,2\n", **headers):
    return client.post("/_upload", content=body, headers={"reflex-event-handler": handler,
                                                         "reflex-client-token": "tab-1", **headers})


def client_for(session, reflex, code, rules=None):
    """A client of the guarded app, logged in as ``code`` (or not at all)."""
    cookies = dict(client_as(session, code).cookies) if code else {}
    return TestClient(guarded(reflex, rules), cookies=cookies)


def test_no_session_is_refused_before_a_byte_is_read(session, reflex):
    for client in (client_for(session, reflex, None),
                   TestClient(guarded(reflex), cookies={"hoffice_session": "forged"})):
        response = post(client)
        assert (response.status_code, response.text) == (401, "Please log in first.")
    assert (reflex.calls, reflex.read) == (0, 0)


def test_a_logged_in_upload_reaches_the_handler(session, reflex):
    response = post(client_for(session, reflex, "E03"))
    assert (response.status_code, response.text) == (200, "stored")
    assert reflex.read == len(b"a,b\n1,2\n")


def test_a_page_of_another_origin_is_refused(session, reflex):
    client = client_for(session, reflex, "E03")
    assert post(client, origin="http://localhost:9999").status_code == 403
    assert post(client, origin=ORIGIN).status_code == 200
    assert reflex.calls == 1


def test_an_unknown_handler_or_a_role_without_the_right_is_refused(session, reflex):
    client = client_for(session, reflex, "E03")
    assert post(client, handler="reflex___state____state.some_other_event").status_code == 403
    admins_only = {IMPORT: UploadRule(limit=lambda _s: 100, roles=("admin",))}
    assert post(client_for(session, reflex, "E03", admins_only)).status_code == 403
    assert post(client_for(session, reflex, "E01", admins_only)).status_code == 200
    assert reflex.calls == 1


def test_a_declared_length_over_the_import_setting_gets_413_unread(session, reflex):
    session.add(Setting(key="import_max_file_mb", value="1"))
    session.commit()
    client = client_for(session, reflex, "E03")
    response = post(client, body=b"x" * (2**20 + OVERHEAD + 1))
    assert (response.status_code, response.text) == (413, "The upload is over the limit of 1 MB.")
    assert reflex.calls == 0
    assert post(client, body=b"x" * 2**20).status_code == 200  # the file limit itself fits


def test_lead_attachments_take_ten_files_of_ten_mb(session, reflex):
    response = post(client_for(session, reflex, "E03"), handler=LEAD, body=b"x" * (100 * 2**20 + OVERHEAD + 1))
    assert response.status_code == 413 and reflex.calls == 0


def test_the_new_lead_form_and_the_documents_page_take_files_under_the_same_guard(session, reflex):
    from hoffice_app.pages.documents.state import DocumentsState
    from hoffice_app.pages.leads.form_state import LeadFormState
    for handler in (format_event_handler(LeadFormState.upload_draft), format_event_handler(DocumentsState.upload)):
        assert post(client_for(session, reflex, None), handler=handler).status_code == 401
        over = post(client_for(session, reflex, "E03"), handler=handler, body=b"x" * (100 * 2**20 + OVERHEAD + 1))
        assert over.status_code == 413
        assert post(client_for(session, reflex, "E03"), handler=handler, body=b"%PDF-1.7").status_code == 200
    assert reflex.calls == 2


def test_a_body_without_a_length_is_cut_off_while_it_streams(session, reflex):
    token = client_as(session, "E03").cookies["hoffice_session"]
    rules = {IMPORT: UploadRule(limit=lambda _s: 3 * 2**20)}
    pulled, sent = 0, []

    async def receive():
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 2**20, "more_body": True}  # never ends

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/_upload", "query_string": b"", "root_path": "",
             "headers": [(b"reflex-event-handler", IMPORT.encode()), (b"cookie", f"hoffice_session={token}".encode())]}
    # its own thread: an event loop another test left marked as running in this one does not matter
    worker = threading.Thread(target=anyio.run, args=(guarded(reflex, rules), scope, receive, send))
    worker.start()
    worker.join(30)
    assert sent[0]["status"] == 413 and b"over the limit of 3 MB" in sent[1]["body"]
    assert pulled == 4 and reflex.read == 3 * 2**20  # the fourth megabyte passes the cap: nothing after it


def test_an_accepted_import_upload_sweeps_stale_uploads(session, reflex, monkeypatch):
    swept = []
    monkeypatch.setattr(uploads, "sweep", lambda session, now: swept.append(now) or 0)
    client = client_for(session, reflex, "E03")
    post(client, handler=LEAD)
    assert swept == []
    post(client)
    assert len(swept) == 1


def test_other_requests_pass_untouched(session, reflex):
    client = TestClient(guarded(reflex))
    assert client.get("/_upload").status_code == 200
    assert client.post("/files/other", content=b"x").status_code == 200
    assert reflex.calls == 2
