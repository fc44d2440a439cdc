"""Wrong passwords, pages without a session, and Settings for non-admins."""
import re

from playwright.sync_api import expect

from tests.e2e.pages import LoginPage, Shell
from tests.e2e.settings_pages import EmployeesPage, MasterListPage


def test_wrong_password_shows_the_generic_message(page):
    login = LoginPage(page).open()
    login.submit("E02", "not-the-password")
    expect(login.error()).to_have_text("Wrong e-mail, employee code or password.")
    expect(page).to_have_url(re.compile(r"/login"))


def test_page_without_session_lands_on_login(page):
    EmployeesPage(page).visit()
    expect(page).to_have_url(re.compile(r"/login/?\?next="))
    login = LoginPage(page)
    expect(login.log_in_button()).to_be_visible()
    expect(login.tables()).to_have_count(0)


def test_after_login_user_returns_to_the_page_asked_for(page, demo_password):
    titles = MasterListPage(page, "title", "Titles").visit()
    expect(page).to_have_url(re.compile(r"/login"))
    LoginPage(page).submit("E01", demo_password)
    expect(page).to_have_url(re.compile(r"/settings/title/?$"))
    expect(titles.table()).to_contain_text("Prof.")


def test_executive_cannot_reach_settings(page, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    expect(Shell(page).link("Settings")).to_have_count(0)
    industries = MasterListPage(page, "industry", "Industries").visit()
    expect(industries.alert()).to_contain_text("Only an administrator can open Settings")
    # The server sent no data: the list of industries never reaches the browser.
    expect(industries.text("Manufacturing")).to_have_count(0)
    expect(industries.tables()).to_have_count(0)
