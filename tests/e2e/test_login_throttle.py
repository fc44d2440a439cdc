"""Throttled log-ins in a real browser. The e2e server listens on 127.0.0.1, so every browser
context here comes from one address: the office behind one NAT address."""
import re

from playwright.sync_api import expect

from tests.e2e.pages import LoginPage

WRONG = "Wrong e-mail, employee code or password."
PASSWORD = "nat-office-pass-1"


def _employee(server, code: str, name: str) -> None:
    """Employees of this test only, so the lock it causes holds up no other test's log-in."""
    server.cli("user", "create", "--code", code, "--name", name, "--email", f"{code.lower()}@example.com",
               "--role", "executive", "--password-stdin", stdin=PASSWORD + "\n")


def _attempt(context, identifier: str, password: str) -> LoginPage:
    """One attempt in a fresh tab (a fresh page state), so the message seen is this attempt's."""
    login = LoginPage(context.new_page()).open()
    login.submit(identifier, password)
    return login


def test_six_wrong_passwords_of_one_employee_leave_a_colleague_free(browser, server):
    _employee(server, "T71", "Typo Tester")
    _employee(server, "T72", "Next Desk")
    typist = browser.new_context(base_url=server.url)
    for n in range(5):
        expect(_attempt(typist, "T71", f"wrong-password-{n}").error()).to_have_text(WRONG)
    sixth = _attempt(typist, "T71", "wrong-password-5")
    expect(sixth.error()).to_have_text(re.compile(r"^Too many failed attempts\. Try again in \d+ seconds\.$"))
    # Locked: even the right password waits, and the message says how long.
    own = _attempt(typist, "T71", PASSWORD)
    expect(own.error()).to_have_text(re.compile(r"^Too many failed attempts\. Try again in \d+ seconds\.$"))

    colleague = browser.new_context(base_url=server.url)
    LoginPage(colleague.new_page()).log_in("T72", PASSWORD)
    typist.close()
    colleague.close()
