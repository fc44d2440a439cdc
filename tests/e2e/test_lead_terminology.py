"""Renaming Lead → Inquiry changes every word a user reads: navigation, page titles, Settings,
hints, empty states, the board, insights and a lead's own page, with no "lead" left over."""
import re

from playwright.sync_api import expect
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.e2e.lead_pages import LeadForm, LeadList
from tests.e2e.pages import LoginPage, Shell
from tests.e2e.settings_pages import DefaultsPage

LEAD_WORD = re.compile(r"\blead(s)?\b", re.I)
# The demo's list of lead statuses has an entry called "Lead": the company's own data (a cell, a
# value, either side of "→" on the timeline), which renaming leads leaves as the company named it.
STATUS_LEAD = re.compile(r"(?m)(^|\t|→ )Lead(?=$|\t| →)")


def _rename(page, one: str, many: str) -> None:
    defaults = DefaultsPage(page).open()
    page.locator("#set-lead_label").fill(one)  # its label is in the company's word too
    page.locator("#set-lead_label_plural").fill(many)
    defaults.save()
    expect(defaults.text("Defaults saved.")).to_be_visible()


def _typed_titles(server) -> list[str]:
    """Names with the word in them typed by earlier tests of the session (a lead "Board drag test
    lead", an assignment rule "Trade show leads"): what people wrote stays as written, so the scan
    leaves them out."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            titles = [*conn.execute(text("SELECT title FROM lead")).scalars(),
                      *conn.execute(text("SELECT name FROM assignment_rule")).scalars(),
                      *conn.execute(text("SELECT name FROM revoke_policy")).scalars(),
                      *conn.execute(text("SELECT name FROM saved_lead_view")).scalars()]
    finally:
        engine.dispose()
    return sorted({t for t in titles if LEAD_WORD.search(t)}, key=len, reverse=True)


def _no_lead_word(page, where: str, ready, typed: list[str]) -> None:
    expect(ready).to_be_visible()
    shown = STATUS_LEAD.sub(r"\1", page.inner_text("body"))
    for title in typed:
        shown = shown.replace(title, "")
    left = sorted({shown[max(m.start() - 30, 0):m.end() + 30] for m in LEAD_WORD.finditer(shown)})
    assert not left, f"{where} still says {left}"


def test_renaming_leads_to_inquiries(page, server, demo_password):
    typed = _typed_titles(server)
    LoginPage(page).log_in("E01", demo_password)
    try:
        _rename(page, "Inquiry", "Inquiries")
        shell = Shell(page)
        expect(shell.link("Inquiries")).to_be_visible()
        _no_lead_word(page, "Settings → Defaults", page.get_by_label("Name of one inquiry"), typed)
        shell.link("Inquiries").click()
        leads = LeadList(page)
        expect(leads.heading("Inquiries")).to_be_visible()
        expect(page).to_have_title(re.compile("^Inquiries"))
        expect(leads.quick_view("All Open Inquiries")).to_be_visible()
        rows = page.get_by_role("region", name="Inquiries").get_by_role("table")
        _no_lead_word(page, "the list", rows.get_by_role("link").first, typed)
        rows.get_by_role("link").first.click()
        _no_lead_word(page, "an inquiry's page", page.get_by_text("Inquiry type"), typed)
        page.goto("/leads/new")
        expect(LeadForm(page).heading("New inquiry")).to_be_visible()
        expect(page).to_have_title(re.compile("^New inquiry"))
        _no_lead_word(page, "the form", page.get_by_label("Inquiry type", exact=True), typed)
        page.goto("/funnel")
        _no_lead_word(page, "the board", page.get_by_text("Totals count every inquiry you may see"), typed)
        page.goto("/insights")
        _no_lead_word(page, "Insights", page.get_by_role("tab", name="Inquiries"), typed)
        page.goto("/settings/lead_type")
        _no_lead_word(page, "Settings → Inquiry types",
                      page.get_by_role("heading", name="Settings · Inquiry types"), typed)
        page.goto("/settings/assignment-rules")
        _no_lead_word(page, "Settings → Assignment rules", page.get_by_role("link", name="Inquiry statuses"), typed)
        page.screenshot(path="artifacts/screenshots/terminology-inquiries.png", full_page=True)
    finally:
        _rename(page, "Lead", "Leads")
    expect(Shell(page).link("Leads")).to_be_visible()
