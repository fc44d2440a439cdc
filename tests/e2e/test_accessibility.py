"""WCAG 2.1 AA on the main pages: axe-core (tests/e2e/axe.py) finds no serious or critical
violation on any of them, for an administrator (every page, the log-in page first) and for a
sales executive (the pages whose content depends most on the role: their own numbers and
follow-ups, their leads); test_phone_width.py scans the phone layout of the lists and pages.
One log-in per role; every page is checked once its content has arrived, and the test lists
every page's problems at once."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.axe import blocking_violations
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.pages import LoginPage

# name, address, what shows once the page's content has arrived
PAGES = {
    "dashboard": ("/", lambda p: p.get_by_role("main").get_by_role("link", name=re.compile(r": \d+$")).first),
    "lead list": ("/leads", lambda p: p.get_by_role("region", name="Leads").get_by_role("link").first),
    "new lead": ("/leads/new", lambda p: p.get_by_role("button", name=re.compile(r"^Save "))),
    "board": ("/funnel", lambda p: p.get_by_role("article").first),
    "follow-ups": ("/follow-ups", lambda p: p.get_by_role("region", name="Today")),
    "contact list": ("/contacts", lambda p: p.get_by_role("region", name="Contacts").get_by_role("link").first),
    "new contact": ("/contacts/new", lambda p: p.get_by_role("button", name=re.compile(r"^Save"))),
    "import": ("/import", lambda p: p.get_by_role("navigation", name="Import steps")),
}


def _context_page(browser, server) -> Page:
    # axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 800}, bypass_csp=True)
    context.set_default_timeout(15_000)
    return context.new_page()


def _check(page: Page, who: str, pages: list[str]) -> dict[str, list[str]]:
    problems = {}
    for name in pages:
        path, ready = PAGES[name]
        page.goto(path)
        expect(ready(page)).to_be_visible()
        if name == "dashboard":  # the number cards, whose links were reshaped for "label in name"
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"a11y_dashboard_{who}.png"))
        found = blocking_violations(page)
        if found:
            problems[name] = found
    return problems


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in problems.items())


def test_administrator_pages_have_no_serious_violation(browser, server, demo_password):
    page = _context_page(browser, server)
    login = LoginPage(page).open()
    problems = {"login": found} if (found := blocking_violations(page)) else {}
    login.submit("E01", demo_password)
    expect(login.page.get_by_role("button", name="User menu")).to_be_visible()
    problems |= _check(page, "E01", list(PAGES))
    page.context.close()
    assert not problems, "serious or critical WCAG 2.1 AA violations:\n" + _report(problems)


def test_sales_executive_pages_have_no_serious_violation(browser, server, demo_password):
    page = _context_page(browser, server)
    LoginPage(page).log_in("E03", demo_password)
    problems = _check(page, "E03", ["dashboard", "follow-ups", "lead list"])
    page.context.close()
    assert not problems, "serious or critical WCAG 2.1 AA violations:\n" + _report(problems)
