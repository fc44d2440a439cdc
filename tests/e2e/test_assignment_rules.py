"""An administrator adds an assignment rule in Settings; a lead saved without an assignee that
meets it is assigned by it: its page names the assignee, its timeline names the rule."""
import re

from playwright.sync_api import expect

from tests.e2e.assignment_pages import AssignmentRulesPage
from tests.e2e.lead_pages import LeadDetail, LeadForm
from tests.e2e.pages import LoginPage

SHOTS = "artifacts/screenshots"


def test_a_rule_made_in_settings_assigns_a_new_lead(page, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    rules = AssignmentRulesPage(page).open()
    expect(rules.row("Website inquiries")).to_contain_text("Source: Campaign / activity (Website)")

    rules.start_new()
    rules.save()  # nothing filled in: each problem under its field
    expect(rules.error("Enter a name for the rule.")).to_be_visible()
    expect(rules.error("Choose at least one employee")).to_be_visible()
    rules.fill("Name", "Trade show leads")
    rules.choose("Source", "Campaign / activity")
    rules.tick("Campaign / activity", "Trade Show 2026")
    rules.tick("Members", "Neha Joshi")
    page.screenshot(path=f"{SHOTS}/assignment-rule-dialog.png", full_page=True)
    rules.save()
    expect(rules.dialog()).to_have_count(0)
    row = rules.row("Trade show leads")
    expect(row).to_contain_text("Source: Campaign / activity (Trade Show 2026)")
    expect(row).to_contain_text("Round robin")
    page.screenshot(path=f"{SHOTS}/assignment-rules.png", full_page=True)

    form = LeadForm(page).open_new()
    form.fill("Title", "Booth visitor wants 12 scanners")
    form.pick_contact("Contact", "C000001", "C000001")
    form.choose("Source of inquiry", "Campaign / Activity")
    form.choose("Campaign / activity", "Trade Show 2026")
    form.choose("Assign to", "— Unassigned —")
    code = form.save()

    lead = LeadDetail(page).open(code)
    expect(lead.section("Details")).to_contain_text(re.compile("Assigned to.*Neha Joshi"))
    expect(lead.section("Timeline")).to_contain_text('Assigned to Neha Joshi by the rule "Trade show leads"')
