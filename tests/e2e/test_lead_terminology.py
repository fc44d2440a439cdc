"""Renaming Lead → Inquiry changes the navigation and the page titles."""
import re

from playwright.sync_api import expect

from tests.e2e.pages import LoginPage


def _rename(page, one: str, many: str) -> None:
    page.goto("/settings/defaults")
    page.get_by_label("Name of one lead").fill(one)
    page.get_by_label("Name of several leads").fill(many)
    page.get_by_role("button", name="Save defaults").click()
    expect(page.get_by_text("Defaults saved.")).to_be_visible()


def test_renaming_leads_to_inquiries(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    try:
        _rename(page, "Inquiry", "Inquiries")
        nav = page.get_by_role("navigation", name="Main")
        expect(nav.get_by_role("link", name="Inquiries")).to_be_visible()
        nav.get_by_role("link", name="Inquiries").click()
        expect(page.get_by_role("heading", name="Inquiries", level=1).first).to_be_visible()
        expect(page).to_have_title(re.compile("^Inquiries"))
        expect(page.get_by_role("radio", name="All Open Inquiries")).to_be_visible()
        page.get_by_role("link", name=re.compile("Add inquiry")).click()
        expect(page.get_by_role("heading", name="New inquiry").first).to_be_visible()
        expect(page).to_have_title(re.compile("^New inquiry"))
    finally:
        _rename(page, "Lead", "Leads")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Leads")).to_be_visible()
