"""An administrator logs in, sees the organisation's counts under Settings, adds a master entry and
logs out."""
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
    expect(dashboard.scope()).to_have_text("Everyone")

    # Settings opens on the overview: the demo data has 5 active employees and 2 divisions.
    Shell(page).link("Settings").click()
    overview = page.get_by_role("region", name="Overview")
    expect(overview.get_by_role("link", name="Active employees: 5")).to_be_visible()
    expect(overview.get_by_role("link", name="Divisions: 2")).to_be_visible()
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
