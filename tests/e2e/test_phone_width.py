"""At phone width (390 × 844) the lists become cards, nothing makes the page scroll sideways,
the navigation wraps instead of running off the screen, mobile numbers are links to call and to
message on WhatsApp, and the board's "Move to…" list is big enough for a finger (40 px).
One log-in; each page is looked at once (screenshots in artifacts/screenshots/phone_*.png)."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.axe import blocking_violations
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.pages import LoginPage, Shell

WIDTH, HEIGHT = 390, 844
TEL = re.compile(r"^tel:\+\d{8,15}$")
WHATSAPP = re.compile(r"^https://wa\.me/\d{8,15}$")


def _fits(page: Page, name: str, *, scan: bool = False) -> None:
    """No sideways scrolling of the page; keeps a screenshot of it. ``scan``: axe-core finds no
    serious or critical violation in the page's phone layout either (test_accessibility.py)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(ARTIFACTS / f"phone_{name}.png"))  # what the phone shows first
    assert width <= WIDTH, f"the {name} page is {width} px wide at {WIDTH} px; too wide: {_too_wide(page)}"
    if scan:
        assert not (found := blocking_violations(page)), f"{name} at phone width:\n" + "\n".join(found)


def _too_wide(page: Page) -> list[str]:
    """The innermost elements reaching past the screen's right edge, to say what to fix."""
    return page.evaluate("""w => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > w + 1 && ![...e.children].some(
            c => c.getBoundingClientRect().right > w + 1))
        .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}: ` +
                              `${(e.innerText || '').slice(0, 40)}`)""", WIDTH)


def _phone_links(scope) -> tuple[str, str]:
    """The first call and WhatsApp links in ``scope``, checked against each other: one number."""
    call = scope.locator('a[href^="tel:"]').first
    chat = scope.locator('a[href^="https://wa.me/"]').first
    expect(call).to_be_visible()
    expect(chat).to_be_visible()
    tel, wa = call.get_attribute("href"), chat.get_attribute("href")
    assert TEL.match(tel) and WHATSAPP.match(wa), (tel, wa)
    return tel, wa


def _cards(page: Page, region: str):
    cards = page.get_by_role("region", name=f"{region} (cards)", exact=True)
    expect(cards.get_by_role("listitem").first).to_be_visible()
    expect(page.get_by_role("region", name=region, exact=True)).to_be_hidden()  # the table
    return cards


def test_lists_board_and_pages_fit_a_phone(browser, server, demo_password):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # bypass_csp: axe is injected as an inline script (tests/e2e/axe.py)
    context = browser.new_context(base_url=server.url, viewport={"width": WIDTH, "height": HEIGHT}, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    LoginPage(page).log_in("E01", demo_password)

    page.screenshot(path=str(ARTIFACTS / "phone_dashboard.png"))
    nav = Shell(page).compact_nav()
    for link in nav.get_by_role("link").all():  # every link in sight, none scrolled off
        expect(link).to_be_in_viewport(ratio=1)

    page.goto("/leads")
    leads = _cards(page, "Leads")
    tel, wa = _phone_links(leads)
    assert wa.removeprefix("https://wa.me/") == tel.removeprefix("tel:+")
    _fits(page, "lead_list", scan=True)
    card = leads.get_by_role("listitem").filter(has=page.locator('a[href^="tel:"]')).first
    code = card.locator("code").inner_text()

    page.goto(f"/leads/{code}")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    _phone_links(page.get_by_role("main"))
    _fits(page, "lead_page", scan=True)

    page.goto("/contacts")
    contacts = _cards(page, "Contacts")
    _phone_links(contacts)
    _fits(page, "contact_list", scan=True)
    code = contacts.get_by_role("listitem").filter(has=page.locator('a[href^="tel:"]')).first.locator(
        "code").inner_text()

    page.goto(f"/contacts/{code}")
    _phone_links(page.get_by_role("main"))
    _fits(page, "contact_page", scan=True)

    page.goto("/funnel")
    move = page.get_by_label(re.compile("^Move to stage: ")).first
    expect(move).to_be_visible()
    assert move.bounding_box()["height"] >= 40
    _fits(page, "board")
    context.close()
