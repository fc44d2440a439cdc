"""Two people with the same lead's edit form open (two browsers): a change to another field
is merged and both survive; a change to the same field is refused, says who changed what,
and the form shows the current value. Nobody's saved change silently disappears."""
import re

from playwright.sync_api import expect

from tests.e2e.lead_pages import LeadForm
from tests.e2e.pages import LoginPage


def _new_lead(page, title: str) -> str:
    form = LeadForm(page).open_new()
    form.fill("Title", title)
    form.pick_contact("Contact", "C000002", "C000002")
    form.fill("Estimated order value", "100000")
    return form.save()


def test_two_editors_of_one_lead_lose_nothing(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    code = _new_lead(page, "Two editors lead")
    other = browser.new_context(base_url=server.url)
    second = other.new_page()
    LoginPage(second).log_in("E01", demo_password)
    a, b = LeadForm(page).open_edit(code), LeadForm(second).open_edit(code)

    a.fill("Estimated order value", "250000")
    a.save()
    b.textbox("Description").fill("Wants a demo next week")
    b.save()  # B's form still showed 100000: merged, not overwritten
    expect(second.get_by_text(re.compile("had changed this lead meanwhile \\(estimated value\\)"))).to_be_visible()
    b.open_edit(code)
    expect(b.field("Estimated order value")).to_have_value("250000")
    expect(b.textbox("Description")).to_have_value("Wants a demo next week")

    a.open_edit(code)
    a.fill("Estimated order value", "300000")
    a.save()
    b.fill("Estimated order value", "90000")
    second.get_by_role("button", name=re.compile(r"^Save ")).click()
    expect(b.conflict()).to_contain_text("(estimated value). Your change to estimated value was not saved")
    expect(b.field("Estimated order value")).to_have_value("300000")  # the current value, not B's typing
    expect(second).to_have_url(re.compile(f"/leads/{code}/edit"))
    second.screenshot(path=str(server.workdir / "edit-conflict.png"), full_page=False)
    other.close()
