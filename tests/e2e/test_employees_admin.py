"""Administrators add, edit, deactivate employees and reset passwords."""
import re

from playwright.sync_api import expect

from tests.e2e.pages import DashboardPage, LoginPage, Shell
from tests.e2e.settings_pages import EmployeesPage


def test_admin_adds_employee_who_logs_in_and_is_deactivated(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    employees = EmployeesPage(page).open()
    employees.start_adding()
    employees.fill("Name", "Meera Iyer")
    employees.fill("E-mail", "not-an-email")
    employees.save()
    expect(employees.dialog_alert()).to_contain_text("valid e-mail")
    employees.fill("E-mail", "meera.iyer@example.com")
    employees.save()
    expect(employees.password_dialog()).to_be_visible()
    password = employees.new_password()
    assert len(password) >= 12
    employees.done()
    # The next free code: E06 on the demo alone, later when an earlier test of the session added someone.
    expect(employees.row("Meera Iyer")).to_contain_text(re.compile(r"E0*[6-9]|E\d{2,}"))
    code = re.search(r"E\d+", employees.row("Meera Iyer").inner_text()).group(0)

    # The new employee logs in from another browser.
    other = browser.new_context(base_url=server.url)
    their_page = other.new_page()
    LoginPage(their_page).log_in(code, password)

    # Deactivation ends their session at once.
    employees.confirm("Meera Iyer", "Deactivate")
    expect(employees.row("Meera Iyer")).to_contain_text("Inactive")
    DashboardPage(their_page).visit()
    expect(their_page).to_have_url(re.compile(r"/login"))
    LoginPage(their_page).submit("E06", password)
    expect(LoginPage(their_page).error()).to_have_text("Wrong e-mail, employee code or password.")
    other.close()


def test_admin_resets_a_password(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    employees = EmployeesPage(page).open()
    employees.confirm("Priya Desai", "Reset password")
    new_password = employees.new_password()
    employees.done()

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
    employees = EmployeesPage(page).open()
    employees.edit("Karan Mehta")
    employees.fill("Mobile", "+91 98250 12345")
    employees.save()
    expect(employees.dialog()).to_have_count(0)
    Shell(page).log_out()
