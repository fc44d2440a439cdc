"""Administrators add, edit, deactivate employees and reset passwords."""
import re

from playwright.sync_api import expect

from tests.e2e.pages import LoginPage, Shell


def _employees(page):
    page.goto("/settings/employees")
    table = page.get_by_role("region", name="Employees").get_by_role("table")
    expect(table).to_be_visible()
    return table


def test_admin_adds_employee_who_logs_in_and_is_deactivated(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    table = _employees(page)
    page.get_by_role("button", name="Add employee").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Name").fill("Meera Iyer")
    dialog.get_by_label("E-mail").fill("not-an-email")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.get_by_role("alert")).to_contain_text("valid e-mail")
    dialog.get_by_label("E-mail").fill("meera.iyer@example.com")
    dialog.get_by_role("button", name="Save").click()
    password_dialog = page.get_by_role("dialog", name="New password")
    expect(password_dialog).to_be_visible()
    password = password_dialog.get_by_label("New password").inner_text().strip()
    assert len(password) >= 12
    password_dialog.get_by_role("button", name="Done").click()
    expect(table.get_by_role("row").filter(has_text="Meera Iyer")).to_contain_text("E06")

    # The new employee logs in from another browser.
    other = browser.new_context(base_url=server.url)
    their_page = other.new_page()
    LoginPage(their_page).log_in("E06", password)

    # Deactivation ends their session at once.
    table.get_by_role("row").filter(has_text="Meera Iyer").get_by_role("button", name="Deactivate").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()
    expect(table.get_by_role("row").filter(has_text="Meera Iyer")).to_contain_text("Inactive")
    their_page.goto("/")
    expect(their_page).to_have_url(re.compile(r"/login"))
    LoginPage(their_page).submit("E06", password)
    expect(LoginPage(their_page).error()).to_have_text("Wrong e-mail, employee code or password.")
    other.close()


def test_admin_resets_a_password(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    table = _employees(page)
    table.get_by_role("row").filter(has_text="Priya Desai").get_by_role("button", name="Reset password").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()
    new_password = page.get_by_role("dialog", name="New password").get_by_label("New password").inner_text().strip()
    page.get_by_role("button", name="Done").click()

    other = browser.new_context(base_url=server.url)
    their_page = other.new_page()
    LoginPage(their_page).open().submit("E05", demo_password)
    expect(LoginPage(their_page).error()).to_be_visible()
    LoginPage(their_page).log_in("E05", new_password)
    other.close()
    # Other tests of this session log in as E05 with the demo password.
    server.cli("user", "passwd", "E05", "--password-stdin", stdin=demo_password + "\n")


def test_admin_edits_an_employee(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    table = _employees(page)
    table.get_by_role("row").filter(has_text="Karan Mehta").get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Mobile").fill("+91 98250 12345")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_have_count(0)
    Shell(page).log_out()
