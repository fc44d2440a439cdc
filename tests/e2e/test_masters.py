"""One screen for every master: rename, reorder, deactivate, parent → child."""
from playwright.sync_api import expect

from tests.e2e.pages import LoginPage
from tests.e2e.settings_pages import MasterListPage


def _names(table):
    return [t.strip() for t in table.get_by_role("row").all_inner_texts()[1:]]


def test_rename_reorder_and_deactivate(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    priorities = MasterListPage(page, "lead_priority", "Lead priorities").open()
    priorities.rename("Urgent", "Critical", dialog="Edit lead priority")
    expect(priorities.row("Critical")).to_be_visible()

    priorities.move_down("Low")
    expect(priorities.row_at(1)).to_contain_text("Medium")
    expect(priorities.row_at(2)).to_contain_text("Low")

    priorities.deactivate("High")
    expect(priorities.row("High")).to_contain_text("Inactive")
    page.reload()
    expect(priorities.row("High")).to_contain_text("Inactive")
    expect(priorities.row_at(1)).to_contain_text("Medium")


def test_segment_needs_an_industry_and_lands_under_it(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    segments = MasterListPage(page, "segment", "Industry segments").open()
    segments.add("Logistics", "New segment")
    expect(segments.message("Choose the industry")).to_be_visible()
    segments.choose_parent("Industry", "Retail")
    segments.add("Logistics", "New segment")
    expect(segments.row("Logistics")).to_contain_text("Retail")


def test_an_industry_in_use_cannot_be_deleted(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    industries = MasterListPage(page, "industry", "Industries").open()
    industries.delete("Healthcare")
    expect(industries.confirmation_message()).to_contain_text("is in use (2 industry segments; ")
    expect(industries.confirmation_message()).to_contain_text(" contacts)")
    industries.cancel()
    expect(industries.row("Healthcare")).to_be_visible()
