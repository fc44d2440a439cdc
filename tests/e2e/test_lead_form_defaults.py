"""What the lead form fills in by itself: the date of assignment (now, by the company's clock),
the lead type's default status (set in Settings → Lead types) until a status is chosen by hand,
the title M/S for a company made with "+", and "Created by" fixed for an executive."""
import os
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.e2e.contact_pages import ContactDetail
from tests.e2e.lead_pages import LeadForm
from tests.e2e.pages import LoginPage
from tests.e2e.settings_pages import MasterListPage

COMPANY_ZONE = ZoneInfo("Asia/Kolkata")  # the company's default time zone
SHOTS = Path(os.environ.get("HOFFICE_E2E_SHOTS", "/tmp/i18form-shots"))


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_date_of_assignment_starts_at_now(page, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    form = LeadForm(page).open_new()
    shown = form.field("Date of assignment")
    expect(shown).to_have_value(re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d$"))
    at = datetime.strptime(shown.input_value(), "%Y-%m-%dT%H:%M").replace(tzinfo=COMPANY_ZONE)
    assert abs((datetime.now(COMPANY_ZONE) - at).total_seconds()) < 180
    SHOTS.mkdir(parents=True, exist_ok=True)
    form.section("Additional information").screenshot(path=str(SHOTS / "lead-form-assignment-date.png"))
    # An executive names nobody else as the creator: the field only shows their name.
    creator = form.information("Created by")
    expect(creator).to_have_value("Neha Joshi · E03")
    expect(creator).not_to_be_editable()
    expect(page.get_by_text("Only a manager or an administrator can change who created a lead.")).to_be_visible()


def test_a_lead_type_brings_its_default_status(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    types = MasterListPage(page, "lead_type", "Lead types").open()
    types.choose_default_status("Dealer", "Qualified Opportunity")
    expect(types.default_status("Dealer")).to_have_text("Qualified Opportunity")
    page.reload()
    expect(types.default_status("Dealer")).to_have_text("Qualified Opportunity")
    expect(types.default_status("End Customer")).to_have_text("No default")
    _shot(page, "settings-lead-types")

    other = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    executive = other.new_page()
    try:
        LoginPage(executive).log_in("E03", demo_password)
        form = LeadForm(executive).open_new()
        form.choose("Lead type", "Dealer")
        expect(form.field("Status")).to_have_text("Qualified Opportunity")
        expect(executive.get_by_text("The lead type's default status")).to_be_visible()
        form.section("Lead information").screenshot(path=str(SHOTS / "lead-form-type-status.png"))
        form.choose("Lead type", "End Customer")  # no default: back to the status the form opened with
        expect(form.field("Status")).to_have_text("Choose…")
        # A status chosen by hand stays, whatever type comes next.
        form.choose("Status", "Prospect")
        form.choose("Lead type", "Dealer")
        expect(form.field("Status")).to_have_text("Prospect")
    finally:
        other.close()
    types.choose_default_status("Dealer", "— No default —")  # the other browser tests see the seed again
    expect(types.default_status("Dealer")).to_have_text("No default")


def test_a_company_made_with_plus_is_titled_m_s(page, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    form = LeadForm(page).open_new()
    dialog = form.open_new_contact()
    form.choose("Person or company", "Company", within=dialog)
    form.fill("Name", "Vardhan Agro Exports", within=dialog)
    form.choose("Type of contact", "Customer", within=dialog)
    form.fill("Mobile", "98222 33441", within=dialog)
    _shot(page, "lead-form-new-company")
    form.create_contact()
    expect(form.information("Mobile")).to_have_value("+91 98222 33441")
    chosen = form.section("Lead information").get_by_text(re.compile(r"^Vardhan Agro Exports · C\d{6}$"))
    code = re.search(r"C\d{6}", chosen.inner_text()).group(0)
    ContactDetail(page).open(code)
    expect(page.get_by_role("heading", name="M/S Vardhan Agro Exports")).to_be_visible()
