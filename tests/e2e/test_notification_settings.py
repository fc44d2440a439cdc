"""Settings → Notifications as an administrator uses them: the servers in force (the test server's
environment pins the SMTP server and the gateway, so the page shows them read-only and never a
password), test sends answered by the real local servers; the wording of a notification refused
for an unknown placeholder next to the field, previewed on a real lead, put back to the built-in
wording and undone; a message the server refused shown failed in the Outbox with the server's
words, then sent by "Retry now"."""
from __future__ import annotations

import re
import time

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain import notify
from hoffice_app.models import Lead, OutboxMessage
from tests.e2e.notify_pages import ChannelsPage, EventsPage, OutboxPage
from tests.e2e.pages import LoginPage


def test_the_servers_in_force_and_test_sends_answered_by_them(page: Page, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    screen = ChannelsPage(page).open()
    expect(screen.field("SMTP server")).to_have_value(server.smtp.host)
    expect(screen.field("SMTP server")).to_have_attribute("readonly", "")
    expect(page.get_by_text("Set by the server's environment (wins over this page)").first).to_be_visible()
    expect(screen.field("Password")).to_have_value("")

    screen.send_test("Send test e-mail", "not an address")
    expect(screen.answer("Not sent.")).to_be_visible()
    screen.send_test("Send test e-mail", "admin.check@example.com")
    expect(screen.answer("Sent. The server answered: 250")).to_be_visible()
    assert server.smtp.wait_for_message(lambda m: m["To"] == "admin.check@example.com", timeout=10)

    screen.send_test("Send test SMS", "+91 98250 10099")
    expect(screen.answer("Sent. The gateway answered 200")).to_be_visible()
    assert server.sms.wait_for_request(lambda r: r.query.get("to") == ["+919825010099"], timeout=10)
    page.screenshot(path="artifacts/screenshots/notification-channels.png", full_page=True)


def test_wording_is_checked_previewed_and_reset_with_undo(page: Page, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    screen = EventsPage(page).open()
    screen.choose("Notification", "Lead lost")
    screen.choose("Channel", "E-mail")
    expect(screen.subject()).to_have_value("{lead.code} lost")

    screen.body().fill("Sorry: {lead.code} is lost, colour {lead.colour}.")
    screen.press("Save wording")
    expect(screen.body_error()).to_have_text("Unknown placeholder {lead.colour}. Use one of the list.")
    expect(screen.body()).to_have_value("Sorry: {lead.code} is lost, colour {lead.colour}.")  # nothing typed is lost

    screen.body().fill("Sorry: {lead.code} ({lead.title}) is lost.")
    screen.press("Save wording")
    expect(screen.note()).to_have_text("Saved. New notifications use this wording.")
    expect(screen.body_error()).to_have_count(0)

    code = _a_lead_code(server)
    expect(screen.preview_on(code)).to_contain_text(f"Sorry: {code} (")
    page.screenshot(path="artifacts/screenshots/notification-wording.png", full_page=True)

    screen.press("Back to built-in wording")
    expect(screen.note()).to_have_text("Back to the built-in wording.")
    expect(screen.body()).to_have_value(re.compile(r"marked \{lead.code\}"))
    screen.press("Undo")
    expect(screen.note()).to_have_text("Your wording is back.")
    expect(screen.body()).to_have_value("Sorry: {lead.code} ({lead.title}) is lost.")
    page.reload()
    screen.choose("Notification", "Lead lost")
    screen.choose("Channel", "E-mail")
    expect(screen.body()).to_have_value("Sorry: {lead.code} ({lead.title}) is lost.")  # kept for real
    screen.press("Back to built-in wording")
    expect(screen.note()).to_have_text("Back to the built-in wording.")

    switch = screen.switch("Lead lost", "E-mail")
    expect(switch).to_be_checked()
    switch.click()
    expect(switch).not_to_be_checked()
    page.reload()
    expect(screen.switch("Lead lost", "E-mail")).not_to_be_checked()
    screen.switch("Lead lost", "E-mail").click()
    expect(screen.switch("Lead lost", "E-mail")).to_be_checked()


def test_a_refused_message_shows_failed_in_the_outbox_and_retry_now_sends_it(page: Page, server, demo_password):
    to = "bounce.check@example.com"
    server.smtp.rcpt_reply = "550 5.1.1 No such mailbox here"
    try:
        _queue_email(server, to)
        _wait_until_tried(server, to)
        LoginPage(page).log_in("E01", demo_password)
        screen = OutboxPage(page).open()
        screen.tab("Failed")
        expect(screen.row(to)).to_contain_text("550 5.1.1 No such mailbox here", timeout=20_000)
        expect(screen.row(to)).to_contain_text("Failed")
    finally:
        server.smtp.rcpt_reply = None
    page.screenshot(path="artifacts/screenshots/notification-outbox.png", full_page=True)
    screen.row(to).get_by_role("button", name="Retry now").click()
    expect(screen.note()).to_contain_text("Queued again")
    assert server.smtp.wait_for_message(lambda m: m["To"] == to, timeout=20)
    _wait_until_tried(server, to, tries=2)
    screen.tab("Sent")
    expect(screen.row(to)).to_contain_text("Sent")
    screen.row(to).get_by_role("button", name="Attempts").click()
    expect(page.get_by_text("550 5.1.1 No such mailbox here")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^250 "))).to_be_visible()


def _a_lead_code(server) -> str:
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            return session.execute(select(Lead.code).order_by(Lead.id).limit(1)).scalar_one()
    finally:
        engine.dispose()


def _wait_until_tried(server, to: str, *, tries: int = 1, timeout: float = 20.0) -> None:
    """The runner sends the outbox every ~2 s: wait until it has recorded ``tries`` tries."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with Session(engine) as session:
                found = session.execute(select(OutboxMessage.attempts).where(OutboxMessage.to == to)).scalar()
            if (found or 0) >= tries:
                return
            time.sleep(0.3)
        raise AssertionError(f"the runner never tried the message to {to} {tries} times")
    finally:
        engine.dispose()


def _queue_email(server, to: str) -> None:
    """A message in the outbox as any event would queue it (the runner sends it within seconds)."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            notify.enqueue(session, key=f"e2e:outbox:{to}", channel="email", to=to, subject="Outbox check",
                           text="Checking the outbox.", event="import_done", now=utcnow())
            session.commit()
    finally:
        engine.dispose()
