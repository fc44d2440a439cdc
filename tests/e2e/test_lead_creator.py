"""The lead form's "Created by": read-only for an executive (who cannot name somebody else),
a choice among their team for a manager."""
from playwright.sync_api import expect

from tests.e2e.lead_pages import LeadForm
from tests.e2e.pages import LoginPage


def test_created_by_is_fixed_for_an_executive_and_a_team_choice_for_a_manager(page, browser, server,
                                                                               demo_password):
    LoginPage(page).log_in("E03", demo_password)
    creator = LeadForm(page).open_new().information("Created by")
    expect(creator).to_have_value("Neha Joshi · E03")
    expect(creator).not_to_be_editable()
    expect(page.get_by_text("Only a manager or an administrator can change who created a lead.")).to_be_visible()

    other = browser.new_context(base_url=server.url)
    manager_page = other.new_page()
    LoginPage(manager_page).log_in("E02", demo_password)
    form = LeadForm(manager_page).open_new()
    form.information("Created by").click()
    expect(manager_page.get_by_role("option", name="Karan Mehta · E04", exact=True)).to_be_visible()
    expect(manager_page.get_by_role("option", name="Asha Patel · E01", exact=True)).to_have_count(0)
    other.close()
