"""Settings → Funnels & stages, and the board's filters and "load more"."""
from playwright.sync_api import expect

from tests.e2e.funnel_pages import FunnelBoard
from tests.e2e.pages import LoginPage
from tests.e2e.settings_pages import FunnelSettingsPage


def test_admin_adds_a_funnel_and_a_stage_that_show_on_its_board(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    funnels = FunnelSettingsPage(page).open()
    funnels.add_funnel("Dealer onboarding")
    expect(funnels.stages_heading()).to_have_text("Stages of Dealer onboarding")
    funnels.start_adding_stage()
    funnels.fill_stage("Name", "Site visit")
    funnels.fill_stage("Probability (%)", "150")
    funnels.save_stage()
    expect(funnels.stage_dialog_alert()).to_have_text("Enter a whole percentage from 0 to 100.")
    funnels.fill_stage("Probability (%)", "35")
    funnels.fill_stage("Rots after (days)", "5")
    funnels.save_stage()
    expect(funnels.stage_dialog()).to_be_hidden()
    expect(funnels.stage("Site visit")).to_contain_text("35%")
    for row in (3, 2, 1):  # wait for each move: the rows re-render under the pointer
        funnels.move_stage_up("Site visit")
        expect(funnels.stage_at(row)).to_contain_text("Site visit")
    funnels.remove_stage("Lost")
    expect(funnels.stage("Lost")).to_have_count(0)
    funnels.open_board("Dealer onboarding")
    board = FunnelBoard(page)
    expect(board.column("Site visit")).to_be_visible()
    names = board.column_names()
    assert names == ["Site visit", "New", "Won"]
    expect(board.column("Site visit")).to_contain_text("35%")


def test_board_filters_narrow_cards_and_counts(page, demo_password):
    LoginPage(page).log_in("E02", demo_password)
    board = FunnelBoard(page).open()
    expect(board.cards("New Inquiry").first).to_be_visible()
    everyone = board.count("New Inquiry")
    board.toggle_mine()
    expect(board.count_label("New Inquiry")).not_to_have_text(str(everyone))
    mine = board.count("New Inquiry")
    assert mine < everyone
    board.clear_filters()
    expect(board.count_label("New Inquiry")).to_have_text(str(everyone))


def test_a_long_column_shows_fifty_cards_and_loads_more(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    board = FunnelBoard(page).open()
    expect(board.columns()).to_have_count(7)
    counts = board.counts()
    stage = max(counts, key=counts.get)
    assert counts[stage] > 50, counts
    expect(board.cards(stage)).to_have_count(50)
    board.show_more(stage)
    expect(board.cards(stage)).to_have_count(min(100, counts[stage]))
