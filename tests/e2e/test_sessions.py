"""The session token travels only in an HttpOnly, SameSite=Strict cookie set by a plain
HTTP answer: no page script can read it, it never crosses the websocket, a new one is
made at every log-in and logging out clears it. When the server ends a session, the page
says so on the log-in page at once instead of spinning."""
import re

from playwright.sync_api import expect

from tests.e2e.contact_pages import ContactList
from tests.e2e.funnel_pages import FunnelBoard
from tests.e2e.pages import LoginPage, Shell

TEMPLATE = "/files/imports/template.xlsx"


def _text(frame) -> str:
    return frame if isinstance(frame, str) else frame.decode("utf-8", "replace")


def test_the_session_cookie_is_http_only_and_no_page_script_ever_holds_the_token(page, demo_password):
    frames: list[str] = []
    page.on("websocket", lambda ws: (ws.on("framereceived", lambda f: frames.append(_text(f))),
                                     ws.on("framesent", lambda f: frames.append(_text(f)))))
    login = LoginPage(page)
    login.log_in("E03", demo_password)
    cookie = login.session_cookie()
    assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"], cookie["secure"]) == (True, "Strict", "/", False)
    token = cookie["value"]
    assert "hoffice_session" not in page.evaluate("document.cookie")
    assert token not in page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert frames and not any(token in frame for frame in frames)  # the state never held it
    assert page.request.get(TEMPLATE).status == 200  # downloads are authorised by the same cookie

    Shell(page).log_out()
    assert login.session_cookie() is None
    assert page.request.get(TEMPLATE).status == 401
    login.log_in("E03", demo_password)
    assert login.session_cookie()["value"] != token  # a fresh token at every log-in


def test_when_the_server_ends_the_session_the_next_event_lands_on_login_saying_so(page, server, demo_password):
    LoginPage(page).log_in("E04", demo_password)
    contacts = ContactList(page).open()
    expect(contacts.showing()).to_be_visible()
    # An administrator resets E04's password (to the same one): every session of E04 ends on the server.
    server.cli("user", "passwd", "E04", "--password-stdin", stdin=demo_password + "\n")
    contacts.search("Shreeji")
    expect(page).to_have_url(re.compile(r"/login/?\?reason=expired"))
    login = LoginPage(page)
    expect(login.notice()).to_have_text("Your session has ended. Please log in again.")
    login.submit("E04", demo_password)
    expect(page).to_have_url(re.compile(r"/contacts/?$"))  # back where they were
    expect(contacts.search_box()).to_have_value("")
    expect(login.notice()).to_have_count(0)


def test_the_live_board_notices_an_ended_session_without_a_click(page, server, demo_password):
    LoginPage(page).log_in("E05", demo_password)
    board = FunnelBoard(page).visit()
    expect(board.columns().first).to_be_visible()
    server.cli("user", "passwd", "E05", "--password-stdin", stdin=demo_password + "\n")
    expect(page).to_have_url(re.compile(r"/login/?\?reason=expired"), timeout=8_000)
    expect(LoginPage(page).notice()).to_be_visible()
