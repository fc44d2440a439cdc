"""Notifications as people meet them: a manager re-assigns a lead through the lead form;
the new assignee's open browser shows the bell's count rise without a reload, the e-mail
reaches the (real, local) SMTP server naming the lead with a link that opens it, and the
SMS reaches the (real, local) gateway with the lead's code. The bell's panel opens the
lead and marks the notification read; preferences switch a channel off for one person."""
from __future__ import annotations

import re
import time

from playwright.sync_api import Page, expect

from tests.e2e.lead_pages import LeadForm
from tests.e2e.pages import LoginPage

PRIYA_MOBILE = "+919825010005"  # the demo seed gives E05 this number


def bell(page: Page):
    return page.get_by_role("button", name=re.compile(r"^Notifications"))


def read_everything(page: Page) -> None:
    bell(page).click()
    panel = page.get_by_role("dialog", name="Notifications")
    expect(panel).to_be_visible()
    mark = panel.get_by_role("button", name="Mark all as read")
    if mark.count():
        mark.click()
    expect(bell(page)).to_have_accessible_name("Notifications")
    page.keyboard.press("Escape")


def test_a_reassigned_lead_reaches_the_new_assignee_live_by_mail_and_sms(page, browser, server, demo_password):
    LoginPage(page).log_in("E05", demo_password)  # Priya keeps her dashboard open
    read_everything(page)

    manager = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 800})
    ravi = manager.new_page()
    LoginPage(ravi).log_in("E02", demo_password)
    form = LeadForm(ravi).open_new()
    form.fill("Title", "Notify: solar for the warehouse")
    form.pick_contact("Contact", "C000001", "C000001")
    form.choose("Assign to", "Neha Joshi · E03")
    code = form.save()
    form = LeadForm(ravi).open_edit(code)
    form.choose("Assign to", "Priya Desai · E05")
    saved = time.monotonic()
    form.save()

    # Priya's browser: the count rises without a reload (the target is 2 s; the wait allows a loaded machine).
    expect(bell(page)).to_have_accessible_name("Notifications, 1 unread", timeout=5_000)
    print(f"bell rose {time.monotonic() - saved:.2f} s after the manager clicked Save")

    # The e-mail, through the dispatcher, to the real SMTP server.
    assert server.smtp.wait_for_message(lambda m: code in (m["Subject"] or "") and
                                        "priya.desai@example.com" in m["To"], timeout=30)
    mail = next(m for m in server.smtp.messages if code in (m["Subject"] or "") and "priya" in m["To"])
    text = mail.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/leads/" + code, text).group(0)
    assert link == f"{server.url}/leads/{code}"

    # The SMS, through the dispatcher, to the real gateway.
    def to_priya(request) -> bool:
        return request.query.get("to") == [PRIYA_MOBILE] and code in request.query.get("text", [""])[0]

    assert server.sms.wait_for_request(to_priya, timeout=30)
    assert "assigned" in next(r for r in server.sms.requests if to_priya(r)).query["text"][0]

    # The link in the mail opens the lead for her.
    page.goto(link)
    expect(page.get_by_role("heading", name=re.compile("Notify: solar for the warehouse"))).to_be_visible()

    # The panel lists it; opening it from there marks it read.
    page.goto("/")
    bell(page).click()
    item = page.get_by_role("dialog", name="Notifications").get_by_role("button", name=f"{code} assigned to you")
    expect(item).to_be_visible()
    item.click()
    expect(page).to_have_url(re.compile(rf"/leads/{code}/?$"))
    expect(bell(page)).to_have_accessible_name("Notifications")
    manager.close()


def test_notifications_page_and_preferences(page, browser, server, demo_password):
    LoginPage(page).log_in("E04", demo_password)
    page.goto("/notifications/preferences")
    switch = page.get_by_role("switch", name="Lead assigned to you · In the app")
    expect(switch).to_be_checked()
    switch.click()
    expect(switch).not_to_be_checked()
    page.reload()
    expect(page.get_by_role("switch", name="Lead assigned to you · In the app")).not_to_be_checked()
    expect(page.get_by_role("row", name=re.compile("Lead moved to another stage"))
           .get_by_label("not available")).to_be_visible()  # stage changes are not sent by SMS

    page.goto("/notifications")
    expect(page.get_by_role("checkbox", name="Unread only")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    expect(bell(page)).to_be_visible()  # the bell stays in the top bar at phone width
