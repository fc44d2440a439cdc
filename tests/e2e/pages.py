"""Page objects: how a person reaches each screen, with role and label locators.

This module holds what every screen shares (``Screen``, the log-in page, the
shell around every page, the dashboard, saving a download). The screens of each
area have their own module: contact_pages, lead_pages, funnel_pages,
import_pages and settings_pages.
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from weakref import WeakKeyDictionary

from playwright.sync_api import Locator, Page, Request, expect

UPLOAD_PATH = "/_upload"
UPLOAD_SETTLE_TIMEOUT = 15.0
_uploads_in_flight: WeakKeyDictionary[Page, set[Request]] = WeakKeyDictionary()


class Screen:
    """What any screen offers: its address, messages and text.

    ``visit`` only navigates, for pages that may refuse the visitor; ``open``
    navigates and, on screens with a sign of being ready, waits for it."""

    path = "/"

    def __init__(self, page: Page):
        self.page = page

    def visit(self):
        self.page.goto(self.path)
        return self

    def open(self):
        return self.visit()

    def alert(self) -> Locator:
        return self.page.get_by_role("alert")

    def text(self, text) -> Locator:
        return self.page.get_by_text(text)

    def tables(self) -> Locator:
        return self.page.get_by_role("table")


def save_download(page: Page, button: Locator, path: Path) -> Path:
    """Click ``button`` and keep the file it downloads at ``path``."""
    with page.expect_download() as download:
        button.click()
    download.value.save_as(path)
    return path


def _uploads(page: Page) -> set[Request]:
    """The page's uploads whose answer has not ended yet (followed from the first choose_file on)."""
    if page not in _uploads_in_flight:
        in_flight = _uploads_in_flight[page] = set()
        page.on("request", lambda r: r.method == "POST" and UPLOAD_PATH in r.url and in_flight.add(r))
        page.on("requestfinished", lambda r: in_flight.discard(r))  # (Playwright takes no built-in method)
        page.on("requestfailed", lambda r: in_flight.discard(r))
    return _uploads_in_flight[page]


def choose_file(page: Page, file_input: Locator, path: Path) -> None:
    """Give ``file_input`` a file as a person choosing it would — but only once the page's previous
    upload has had its whole answer. The page can show that upload's outcome (sent over the
    websocket) before its HTTP answer ends, and Reflex's page ignores another upload to the same
    drop zone until then ("Upload already in progress"). A person is never that quick; a test
    choosing its next file the moment the message shows is, sometimes (seen on both engines)."""
    in_flight = _uploads(page)
    deadline = time.monotonic() + UPLOAD_SETTLE_TIMEOUT
    while in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    assert not in_flight, f"an upload did not end within {UPLOAD_SETTLE_TIMEOUT} s"
    file_input.set_input_files(str(path))


class LoginPage(Screen):
    path = "/login"

    def open(self) -> "LoginPage":
        self.page.goto(self.path)
        expect(self.log_in_button()).to_be_visible()
        return self

    def log_in_button(self) -> Locator:
        return self.page.get_by_role("button", name="Log in")

    def submit(self, identifier: str, password: str) -> None:
        self.page.get_by_label("Email or employee code").fill(identifier)
        self.page.get_by_label("Password").fill(password)
        self.log_in_button().click()

    def log_in(self, identifier: str, password: str) -> None:
        self.open().submit(identifier, password)
        expect(Shell(self.page).user_menu()).to_be_visible()

    def error(self) -> Locator:
        return self.alert()

    def notice(self) -> Locator:
        """Why the visitor was sent here (the session ended, a log-in did not complete)."""
        return self.page.get_by_role("status").filter(has_text="Please log in again")

    def session_cookie(self) -> dict | None:
        """The browser's session cookie with its attributes, as the browser keeps it."""
        found = [c for c in self.page.context.cookies() if c["name"] == "hoffice_session"]
        return found[0] if found else None


class Shell:
    """The frame of every page after logging in: navigation and user menu."""

    def __init__(self, page: Page):
        self.page = page

    def nav(self, *, exact: bool | None = None) -> Locator:
        return self.page.get_by_role("navigation", name="Main", exact=exact)

    def compact_nav(self) -> Locator:
        return self.page.get_by_role("navigation", name="Main (compact)")

    def link(self, name: str) -> Locator:
        return self.nav().get_by_role("link", name=name)

    def compact_link(self, name: str) -> Locator:
        """A link of the navigation shown at phone width."""
        return self.compact_nav().get_by_role("link", name=name)

    def user_menu(self) -> Locator:
        return self.page.get_by_role("button", name="User menu")

    def log_out(self) -> None:
        self.user_menu().click()
        self.page.get_by_role("menuitem", name="Log out").click()
        expect(self.page).to_have_url(re.compile(r"/login/?$"))


class DashboardPage(Screen):
    """The morning page: cards whose links are named "<what>: <number>", and its sections."""

    path = "/"

    def heading(self) -> Locator:
        return self.page.get_by_role("heading", name="Dashboard").first

    def scope(self) -> Locator:
        """Whose numbers these are: "Me", "My team", "Everyone", "Ravi Shah's team" (a badge, or
        the team filter for those who may narrow them)."""
        return self.page.get_by_label("Showing")

    def number(self, label: str, value: int) -> Locator:
        return self.page.get_by_role("link", name=f"{label}: {value}", exact=True)

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name, exact=True)

    def stuck_links(self) -> Locator:
        """The links to the leads stuck the longest."""
        return self.section("Stuck the longest").get_by_role("listitem").get_by_role("link")

    def choose_team(self, team: str) -> None:
        self.scope().click()
        self.page.get_by_role("option", name=team).click()


class WithSavedViews:
    """The saved views menu of a list screen (leads, contacts)."""

    page: Page

    def save_view(self, name: str) -> None:
        self.page.get_by_role("button", name="Save view").click()
        self.page.get_by_label("View name").fill(name)
        self.page.get_by_role("dialog").get_by_role("button", name="Save", exact=True).click()

    def saved_views(self) -> Locator:
        return self.page.get_by_role("combobox", name="Saved views")

    def apply_view(self, name: str) -> None:
        self.saved_views().click()
        self.page.get_by_role("option", name=name, exact=True).click()

    def delete_view(self) -> None:
        """Deletes the applied view, confirming in the dialog that asks."""
        self.page.get_by_role("button", name="Delete this view").click()
        self.page.get_by_role("alertdialog").get_by_role("button", name="Delete view").click()
