"""Settings → Funnels & stages, and the board's filters and "load more"."""
import re

from playwright.sync_api import expect

from tests.e2e.pages import LoginPage


def _articles(page, stage: str):
    return page.get_by_role("region", name=stage, exact=True).get_by_role("article")


def test_admin_adds_a_funnel_and_a_stage_that_show_on_its_board(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    page.goto("/settings/funnels")
    page.get_by_label("New funnel").fill("Dealer onboarding")
    page.get_by_role("button", name="Add funnel").click()
    stages = page.get_by_role("region", name="Stages", exact=True)
    expect(stages.get_by_role("heading")).to_have_text("Stages of Dealer onboarding")
    stages.get_by_role("button", name="Add stage").click()
    dialog = page.get_by_role("dialog", name="Add a stage")
    dialog.get_by_label("Name").fill("Site visit")
    dialog.get_by_label("Probability (%)").fill("150")
    dialog.get_by_role("button", name="Save stage").click()
    expect(dialog.get_by_role("alert")).to_have_text("Enter a whole percentage from 0 to 100.")
    dialog.get_by_label("Probability (%)").fill("35")
    dialog.get_by_label("Rots after (days)").fill("5")
    dialog.get_by_role("button", name="Save stage").click()
    expect(dialog).to_be_hidden()
    expect(stages.get_by_role("row", name=re.compile("Site visit"))).to_contain_text("35%")
    for row in (3, 2, 1):  # wait for each move: the rows re-render under the pointer
        stages.get_by_role("button", name="Move Site visit up").click()
        expect(stages.get_by_role("row").nth(row)).to_contain_text("Site visit")
    stages.get_by_role("button", name="Remove Lost").click()
    confirm = page.get_by_role("alertdialog", name="Remove this stage?")
    confirm.get_by_role("button", name="Remove").click()
    expect(stages.get_by_role("row", name=re.compile("Lost"))).to_have_count(0)
    page.get_by_role("region", name="Funnels", exact=True).get_by_role("row", name=re.compile("Dealer onboarding")) \
        .get_by_role("button", name="Board", exact=True).click()
    expect(page.get_by_role("region", name="Site visit", exact=True)).to_be_visible()
    names = page.locator("[role=region]").evaluate_all("els => els.map(e => e.ariaLabel)")
    assert names == ["Site visit", "New", "Won"]
    expect(page.get_by_role("region", name="Site visit", exact=True)).to_contain_text("35%")


def test_board_filters_narrow_cards_and_counts(page, demo_password):
    LoginPage(page).log_in("E02", demo_password)
    page.goto("/funnel")
    first = page.get_by_role("region", name="New Inquiry", exact=True)
    expect(first.get_by_role("article").first).to_be_visible()
    everyone = int(first.get_by_label("Count").inner_text())
    page.get_by_role("switch").first.click()  # Mine
    expect(first.get_by_label("Count")).not_to_have_text(str(everyone))
    mine = int(first.get_by_label("Count").inner_text())
    assert mine < everyone
    page.get_by_role("button", name="Clear filters").click()
    expect(first.get_by_label("Count")).to_have_text(str(everyone))


def test_a_long_column_shows_fifty_cards_and_loads_more(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    page.goto("/funnel")
    expect(page.locator("[role=region]")).to_have_count(7)
    counts = {}
    for region in page.locator("[role=region]").all():
        counts[region.get_attribute("aria-label")] = int(region.get_by_label("Count").inner_text())
    stage = max(counts, key=counts.get)
    assert counts[stage] > 50, counts
    expect(_articles(page, stage)).to_have_count(50)
    page.get_by_role("region", name=stage, exact=True).get_by_role("button", name=re.compile(r"^Show (\d+ more|the last)")).click()
    expect(_articles(page, stage)).to_have_count(min(100, counts[stage]))
