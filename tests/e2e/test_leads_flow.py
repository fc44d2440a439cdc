"""A lead end to end: every dependent drop-down, "+" new contact, attachment,
follow-up completed while planning the next, and the follower's view."""
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e.lead_pages import LeadDetail, LeadForm, LeadList
from tests.e2e.pages import LoginPage

COMPANY_ZONE = ZoneInfo("Asia/Kolkata")  # the company's default time zone, in which the form's times are read


def _local(days: int, hour: int) -> str:
    """``days`` from today at ``hour`` o'clock in the company's zone (not the machine's: between
    18:30 and 24:00 UTC the two dates differ, and "tomorrow" read as "today")."""
    return (datetime.now(COMPANY_ZONE) + timedelta(days=days)).replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.smoke
def test_lead_end_to_end(page, browser, server, demo_password, tmp_path):
    LoginPage(page).log_in("E03", demo_password)
    form = LeadForm(page).open_new()
    form.fill("Title", "CRM for 40 users")

    # "+": a new contact made in place becomes the lead's contact, with its mobile shown read-only.
    dialog = form.open_new_contact()
    form.fill("Name", "Omkar Pharma Pvt Ltd", within=dialog)
    form.choose("Type of contact", "Customer", within=dialog)
    form.fill("Mobile", "98111 22334", within=dialog)
    form.fill("E-mail", "omkar@example.org", within=dialog)
    form.create_contact()
    expect(form.information("Mobile")).to_have_value("+91 98111 22334")
    expect(form.information("E-mail")).to_have_value("omkar@example.org")

    # Another contact with an address: mobile, e-mail and the address list follow the choice.
    form.pick_contact("Contact", "C000001", "C000001")
    expect(form.information("E-mail")).to_have_value(re.compile(r"^info@"))
    expect(form.field("Contact's address for this inquiry")).to_contain_text("Office Address")

    # A product found by its code, from any category; the lead's category follows its products.
    form.choose("Product category", "CRM Software")
    form.add_product("HW-BIO", "HW-BIO · Biometric Device · Hardware")
    expect(form.field("Product category")).to_contain_text("Hardware")
    form.choose("Status", "Lead")
    form.choose("Priority", "High")
    form.choose("Lead type", "End Customer")
    form.fill("Estimated order value", "250000")

    # Source kind → its own sub-choice.
    form.choose("Source of inquiry", "Campaign / Activity")
    form.choose("Campaign / activity", "Trade Show 2026")
    form.choose("Source of inquiry", "Employee")
    form.choose("Referred by employee", "Ravi Shah · E02")
    form.choose("Assign to", "Neha Joshi · E03")
    form.tick("Followers (employees)", "Priya Desai · E05")
    form.choose("Knowledge template", "Software inquiry")
    expect(form.textbox("Description")).to_have_value(re.compile("Checklist"))
    code = form.save()

    lead = LeadDetail(page)
    details = lead.section("Details")
    expect(details).to_contain_text("Biometric Device")
    expect(details).to_contain_text("Employee: Ravi Shah")
    expect(details).to_contain_text("₹2,50,000")

    # Attach a file.
    brochure = tmp_path / "brochure.pdf"
    brochure.write_bytes(b"%PDF-1.4\n% test brochure\n")
    lead.attach(brochure)
    expect(lead.attachment("brochure.pdf")).to_be_visible()
    download_url = lead.attachment("brochure.pdf").get_attribute("href")

    # Schedule a follow-up, then complete it while planning the next.
    lead.schedule_follow_up(_local(1, 10))
    expect(lead.follow_up_text("Planned")).to_be_visible()
    lead.complete_follow_up("Discussed pricing; wants a demo.", next_type="Meeting", next_due=_local(3, 11))
    expect(lead.follow_up_text("Outcome: Discussed pricing; wants a demo.")).to_be_visible()
    expect(lead.follow_up(re.compile("^Meeting"))).to_be_visible()
    timeline = lead.section("Timeline")
    expect(timeline).to_contain_text("Attached brochure.pdf")
    expect(timeline).to_contain_text("Call done")

    # The follower finds it under "Leads I'm Following".
    other = browser.new_context(base_url=server.url)
    priya = other.new_page()
    LoginPage(priya).log_in("E05", demo_password)
    their_leads = LeadList(priya).open()
    their_leads.quick_view("Leads I'm Following").click()
    expect(their_leads.link("CRM for 40 users")).to_be_visible()
    other.close()

    # Another executive can neither open it nor download its attachment.
    stranger = browser.new_context(base_url=server.url)
    karan = stranger.new_page()
    LoginPage(karan).log_in("E04", demo_password)
    refused = LeadDetail(karan).open(code)
    expect(refused.alert()).to_have_text("No such lead, or it is not shared with you.")
    assert karan.request.get(download_url).status == 404
    assert page.request.get(download_url).status == 200
    stranger.close()
