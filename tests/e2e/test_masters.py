"""One screen for every master: rename, reorder, deactivate, parent → child."""
from playwright.sync_api import expect

from tests.e2e.pages import LoginPage, MasterListPage


def _names(table):
    return [t.strip() for t in table.get_by_role("row").all_inner_texts()[1:]]


def test_rename_reorder_and_deactivate(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    priorities = MasterListPage(page, "lead_priority", "Lead priorities").open()
    priorities.row("Urgent").get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog", name="Edit lead priority")
    dialog.get_by_label("Name").fill("Critical")
    dialog.get_by_role("button", name="Save").click()
    expect(priorities.row("Critical")).to_be_visible()

    page.get_by_role("button", name="Move Low down").click()
    expect(priorities.table().get_by_role("row").nth(1)).to_contain_text("Medium")
    expect(priorities.table().get_by_role("row").nth(2)).to_contain_text("Low")

    priorities.row("High").get_by_role("button", name="Deactivate").click()
    expect(priorities.row("High")).to_contain_text("Inactive")
    page.reload()
    expect(priorities.row("High")).to_contain_text("Inactive")
    expect(priorities.table().get_by_role("row").nth(1)).to_contain_text("Medium")


def test_segment_needs_an_industry_and_lands_under_it(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    segments = MasterListPage(page, "segment", "Industry segments").open()
    segments.add("Logistics", "New segment")
    expect(page.get_by_role("alert").filter(has_text="Choose the industry")).to_be_visible()
    page.get_by_label("Industry", exact=True).click()
    page.get_by_role("option", name="Retail").click()
    segments.add("Logistics", "New segment")
    expect(segments.row("Logistics")).to_contain_text("Retail")


def test_an_industry_in_use_cannot_be_deleted(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    industries = MasterListPage(page, "industry", "Industries").open()
    industries.row("Healthcare").get_by_role("button", name="Delete").click()
    confirm = page.get_by_role("alertdialog")
    confirm.get_by_role("button", name="Delete").click()
    expect(confirm.get_by_role("alert")).to_contain_text("is in use (2 industry segments; ")
    expect(confirm.get_by_role("alert")).to_contain_text(" contacts)")
    confirm.get_by_role("button", name="Cancel").click()
    expect(industries.row("Healthcare")).to_be_visible()
