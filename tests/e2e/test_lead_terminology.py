"""Renaming Lead → Inquiry changes the navigation and the page titles."""
import re

from playwright.sync_api import expect

from tests.e2e.lead_pages import LeadForm, LeadList
from tests.e2e.pages import LoginPage, Shell
from tests.e2e.settings_pages import DefaultsPage


def _rename(page, one: str, many: str) -> None:
    defaults = DefaultsPage(page).open()
    defaults.field("Name of one lead").fill(one)
    defaults.field("Name of several leads").fill(many)
    defaults.save()
    expect(defaults.text("Defaults saved.")).to_be_visible()


def test_renaming_leads_to_inquiries(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    try:
        _rename(page, "Inquiry", "Inquiries")
        shell = Shell(page)
        expect(shell.link("Inquiries")).to_be_visible()
        shell.link("Inquiries").click()
        leads = LeadList(page)
        expect(leads.heading("Inquiries")).to_be_visible()
        expect(page).to_have_title(re.compile("^Inquiries"))
        expect(leads.quick_view("All Open Inquiries")).to_be_visible()
        leads.add_link("Add inquiry").click()
        expect(LeadForm(page).heading("New inquiry")).to_be_visible()
        expect(page).to_have_title(re.compile("^New inquiry"))
    finally:
        _rename(page, "Lead", "Leads")
    expect(Shell(page).link("Leads")).to_be_visible()
