"""Fixtures for browser tests: one server and one browser per session, a fresh
browser context per test, and a guard that fails a test when the server logged
an error while it ran."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.e2e import browser_log
from tests.e2e.server import DEMO_PASSWORD, Server
from tests.notify_servers import SmsGateway, SmtpServer

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shot(page, name: str, *, full_page: bool = True) -> None:
    """A screenshot to look at, in artifacts/screenshots/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


# Assertions wait as long as actions do (Playwright's own default is 5 s): on a loaded 2-core
# CI machine running PostgreSQL, Redis, two backend workers and Chromium, a page's first
# render after a full load has been seen to take longer than 5 s.
expect.set_options(timeout=15_000)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def _kills_server(item) -> bool:
    return bool(getattr(getattr(item, "module", None), "KILLS_SERVER", False))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
        if _kills_server(item):
            item.add_marker(pytest.mark.kills_server)
    # A module that kills the shared server (KILLS_SERVER = True) runs last: no other test meets
    # the server it restarted, nor the data it left.
    items.sort(key=_kills_server)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test's report carries what its browser saw (browser_log.py) and the
    end of the server's log (a handler that waited or failed without an ERROR line shows there)."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and browser_log.LINES:
        report.sections.append(("what the browser saw", browser_log.report()))
    server = item.funcargs.get("server") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and server is not None:
        report.sections.append(("what the server logged last", server.log_tail()))


@pytest.fixture(scope="session")
def mail_and_sms():
    """A real SMTP server and SMS gateway for the session's server to send notifications to."""
    smtp, gateway = SmtpServer().start(), SmsGateway().start()
    try:
        yield smtp, gateway
    finally:
        smtp.stop()
        gateway.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory, mail_and_sms) -> Server:
    smtp, gateway = mail_and_sms
    srv = Server(tmp_path_factory.mktemp("e2e"), extra_env={
        "HOFFICE_SMTP_URL": f"smtp://{smtp.host}:{smtp.port}", "HOFFICE_MAIL_FROM": "crm@h-office.example",
        "HOFFICE_SMS_URL": gateway.url()})
    srv.smtp, srv.sms = smtp, gateway
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=os.environ.get("HOFFICE_CHROMIUM", "/usr/bin/chromium"),
                              args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(autouse=True)
def no_server_errors(request, server):
    server.new_errors()
    yield
    errors = server.new_errors()
    if errors:
        pytest.fail("server logged errors during the test:\n" + "\n".join(errors[:20]), pytrace=False)


@pytest.fixture
def page(browser: Browser, server: Server, request) -> Page:
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    pg = context.new_page()
    browser_log.watch(pg)
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    except Exception:
        pass
    context.close()


@pytest.fixture
def demo_password() -> str:
    return DEMO_PASSWORD
