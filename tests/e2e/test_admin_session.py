"""An administrator logs in, sees real counts, adds a master entry and logs out."""
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import DashboardPage, LoginPage, Shell
from tests.e2e.settings_pages import MasterListPage


@pytest.mark.smoke
def test_admin_logs_in_sees_dashboard_adds_master_and_logs_out(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    expect(page).to_have_url(re.compile(r"/$"))
    dashboard = DashboardPage(page)
    expect(dashboard.heading()).to_be_visible()
    # The demo data has 5 active employees and 2 divisions.
    expect(dashboard.stat("Active employees")).to_have_text("5")
    expect(dashboard.stat("Divisions")).to_have_text("2")

    Shell(page).link("Settings").click()
    industries = MasterListPage(page, "industry", "Industries").open()
    industries.add("Education", "New industry")
    expect(industries.row("Education")).to_be_visible()
    # Names are unique ignoring case: the message sits next to the field.
    industries.add("education", "New industry")
    expect(industries.message("already exists")).to_be_visible()

    Shell(page).log_out()
    dashboard.visit()
    expect(page).to_have_url(re.compile(r"/login"))


def test_log_in_with_email_any_case(page, demo_password):
    LoginPage(page).log_in("  Ravi.Shah@Example.com ", demo_password)
    expect(Shell(page).user_menu()).to_contain_text("Ravi Shah")
