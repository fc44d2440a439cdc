"""Where a lead is, on its page and in the list: "Move to stage" from the lead page (a lost
stage asks for the reason first), the list's Stage and Funnel columns, sorting by value,
two priorities at once, a saved view shown as applied (then as modified), and "1 lead"."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from hoffice_app.db import utcnow
from tests.contact_factory import actor, make_contact
from tests.domain.leads.test_lead_list_helpers import new_lead
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.lead_pages import LeadDetail, LeadList
from tests.e2e.pages import LoginPage

TAG = "Stage list QZ"
LEADS = ((f"{TAG} alpha", "High", "300000"), (f"{TAG} bravo", "Low", "100000"), (f"{TAG} charlie", "Urgent", "200000"))


def _leads(server) -> list[str]:
    with server.session() as session:
        return [new_lead(session, utcnow(), title, priority=priority, value=value, assigned_to="E03").code
                for title, priority, value in LEADS]


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_move_from_the_lead_page_then_sort_filter_and_save_the_list(page, server, demo_password):
    alpha, _bravo, _charlie = _leads(server)
    LoginPage(page).log_in("E01", demo_password)

    # The lead page says where the lead is, and moves it with the board's rules.
    detail = LeadDetail(page).open(alpha)
    stage = detail.section("Stage")
    expect(stage).to_contain_text("New Inquiry")
    expect(stage).to_contain_text("Sales Funnel")
    expect(stage).to_contain_text("Entered today")
    stage.get_by_role("button", name="Move to stage").click()
    dialog = page.get_by_role("dialog", name="Move to stage")
    dialog.get_by_role("combobox", name="Stage").click()
    page.get_by_role("option", name="Lost", exact=True).click()
    dialog.get_by_role("button", name="Move", exact=True).click()
    expect(dialog.get_by_role("alert")).to_have_text("Choose why the lead was lost.")
    dialog.get_by_role("combobox", name="Lost reason").click()
    page.get_by_role("option", name="No budget", exact=True).click()
    dialog.get_by_role("button", name="Move", exact=True).click()
    expect(dialog).to_be_hidden()
    expect(stage).to_contain_text("Lost on")
    expect(stage).to_contain_text("Reason: No budget")
    expect(detail.section("Timeline")).to_contain_text("Stage: New Inquiry → Lost (lost: No budget)")
    _shot(page, "lead-page-stage-card")

    # The list: Stage and Funnel columns, sorted by value, two priorities, a saved view.
    leads = LeadList(page).open()
    leads.quick_view("All Leads").click()
    leads.search_box().fill(TAG)
    table = page.get_by_role("region", name="Leads")
    expect(table.get_by_role("columnheader", name="Stage")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Funnel")).to_be_visible()
    expect(leads.row(f"{TAG} alpha")).to_contain_text("LostSales Funnel")
    page.get_by_role("combobox", name="Sort by").click()
    page.get_by_role("option", name="Value: low to high").click()
    rows = table.get_by_role("row")
    expect(rows.nth(1)).to_contain_text(f"{TAG} bravo")
    expect(rows.nth(3)).to_contain_text(f"{TAG} alpha")
    leads.filters_button().click()
    page.get_by_role("button", name="Priority").click()
    page.get_by_role("checkbox", name="High").click()
    page.get_by_role("checkbox", name="Urgent").click()
    page.keyboard.press("Escape")
    matching = page.get_by_role("status", name="Matching")
    expect(matching).to_contain_text("2 leads")
    expect(rows.nth(1)).to_contain_text(f"{TAG} charlie")
    expect(leads.row(f"{TAG} bravo")).to_have_count(0)

    leads.save_view("QZ hot ones")
    expect(leads.saved_views()).to_have_text("QZ hot ones")
    expect(page.get_by_text("Modified", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Priority").click()
    page.get_by_role("checkbox", name="Urgent").click()
    page.keyboard.press("Escape")
    expect(matching).to_contain_text("1 lead ·")
    expect(page.get_by_text("Modified", exact=True)).to_be_visible()
    expect(leads.saved_views()).to_have_text("QZ hot ones")
    _shot(page, "lead-list-stage-and-saved-view")


SOURCED, OTHER = "Source picker QZ referred", "Source picker QZ partnered"


def test_filter_by_a_source_contact_picked_by_name(page, server, demo_password):
    """The Source filter's contact is found by name with the shared picker (not typed as a code),
    named on its chip, and cleared with its ×."""
    with server.session() as session:
        admin = actor(session, "E01")
        referrer = make_contact(session, admin, utcnow(), "Quillon Referrals").code
        new_lead(session, utcnow(), SOURCED, assigned_to="E03", source=("contact", referrer))
        other = make_contact(session, admin, utcnow(), "Pellam Partners").code
        new_lead(session, utcnow(), OTHER, assigned_to="E03", source=("contact", other))
    LoginPage(page).log_in("E01", demo_password)
    leads = LeadList(page).open()
    leads.quick_view("All Leads").click()
    leads.search_box().fill("Source picker QZ")
    expect(leads.row(OTHER)).to_be_visible()
    leads.filters_button().click()
    page.get_by_role("combobox", name="Source", exact=True).click()
    page.get_by_role("option", name="Contacts / Prospects").click()
    box = page.get_by_role("combobox", name="Source contact")
    box.fill("quillon")
    found = page.get_by_role("listbox", name="Contacts found")
    expect(found.get_by_role("option", name=re.compile("Quillon Referrals"))).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.get_by_text(f"Quillon Referrals · {referrer}", exact=True)).to_be_visible()
    expect(leads.row(SOURCED)).to_be_visible()
    expect(leads.row(OTHER)).to_have_count(0)
    _shot(page, "lead-list-source-contact-picked")
    page.get_by_role("button", name="Clear the source contact").click()  # any contact source again
    expect(leads.row(OTHER)).to_be_visible()
    expect(leads.row(SOURCED)).to_be_visible()
