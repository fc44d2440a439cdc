"""Company defaults and the shell at phone width."""
from playwright.sync_api import expect

from tests.e2e.pages import LoginPage, Shell
from tests.e2e.settings_pages import DefaultsPage


def test_admin_changes_session_timeout_with_validation(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    defaults = DefaultsPage(page).open()
    field = defaults.field("Log out after inactivity (hours)")
    expect(field).to_have_value("8")
    field.fill("0")
    defaults.save()
    expect(defaults.alert()).to_contain_text("between 0.25 and 720")
    field.fill("10")
    defaults.save()
    expect(defaults.text("Defaults saved.")).to_be_visible()
    page.reload()
    expect(defaults.field("Log out after inactivity (hours)")).to_have_value("10")


def test_phone_width_shows_compact_navigation(browser, server, demo_password):
    context = browser.new_context(base_url=server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    LoginPage(page).log_in("E01", demo_password)
    shell = Shell(page)
    expect(shell.compact_link("Settings")).to_be_visible()
    expect(shell.nav(exact=True)).to_be_hidden()
    page.screenshot(path="artifacts/screenshots/phone_dashboard.png")
    context.close()
