"""The funnel board: drag a card between stages, ask for a lost reason, refuse a stale move."""
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.funnel_pages import FunnelBoard
from tests.e2e.lead_pages import LeadForm
from tests.e2e.pages import LoginPage


def _new_lead(page, title: str) -> str:
    form = LeadForm(page).open_new()
    form.fill("Title", title)
    form.pick_contact("Contact", "C000002", "C000002")
    form.fill("Estimated order value", "100000")
    return form.save()


@pytest.mark.smoke
def test_drag_a_card_to_contacted_and_it_stays(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    _new_lead(page, "Board drag test lead")
    board = FunnelBoard(page).open()
    card = board.card("Board drag test lead", "New Inquiry")
    expect(card).to_be_visible()
    before = (board.count("New Inquiry"), board.count("Contacted"))
    sums = (board.sums("New Inquiry"), board.sums("Contacted"))
    board.drag(card, "Contacted")
    expect(board.card("Board drag test lead", "Contacted")).to_be_visible()
    page.reload()
    expect(board.card("Board drag test lead", "Contacted")).to_be_visible()
    assert (board.count("New Inquiry"), board.count("Contacted")) == (before[0] - 1, before[1] + 1)
    after = (board.sums("New Inquiry"), board.sums("Contacted"))
    assert after[0] != sums[0] and after[1] != sums[1]  # the lead carries 100,000


def _apart(a: dict, b: dict) -> bool:
    return a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"] or \
        a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]


def test_move_to_lost_asks_for_the_reason_and_undo_takes_it_back(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    LeadForm(page).open_new()  # a toast never covers the form's Save button
    save = page.get_by_role("button", name=re.compile(r"^Save "))
    save.click()
    toast = page.locator("[data-sonner-toast]").filter(has_text="highlighted field")
    expect(toast).to_be_visible()
    assert _apart(toast.bounding_box(), save.bounding_box())
    code = _new_lead(page, "Board lost test lead")
    board = FunnelBoard(page).open()
    board.move("Board lost test lead", "Lost")
    board.mark_as_lost()
    expect(board.lost_dialog_alert()).to_have_text("Choose why the lead was lost.")
    board.choose_lost_reason("No budget")
    board.mark_as_lost()
    expect(board.card("Board lost test lead", "Lost")).to_be_visible()
    moved = page.locator("[data-sonner-toast]").filter(has_text=f"Moved {code} to Lost")
    page.screenshot(path="artifacts/screenshots/board-move-undo-toast.png")
    moved.get_by_role("button", name="Undo").click()
    expect(board.card("Board lost test lead", "New Inquiry")).to_be_visible()
    expect(page.locator("[data-sonner-toast]").filter(has_text=f"Moved {code} back to New Inquiry.")).to_be_visible()


def test_a_stale_move_is_refused_with_who_moved_it(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    _new_lead(page, "Board conflict lead")
    board = FunnelBoard(page).open()
    expect(board.card("Board conflict lead")).to_be_visible()
    # This viewer puts the focus on the card's "Move to stage" list first: the board stays as it was meanwhile.
    move_list = board.move_list("Board conflict lead")
    move_list.focus()
    other = browser.new_context(base_url=server.url)
    ravi = other.new_page()
    LoginPage(ravi).log_in("E01", demo_password)
    ravis_board = FunnelBoard(ravi).open()
    ravis_board.move("Board conflict lead", "Demo Scheduled")
    expect(ravis_board.card("Board conflict lead", "Demo Scheduled")).to_be_visible()
    other.close()
    page.wait_for_timeout(1500)  # longer than the live refresh interval
    move_list.select_option(label="Negotiation")
    expect(board.text(re.compile("changed this lead meanwhile; it is in Demo Scheduled now"))).to_be_visible()
    expect(board.card("Board conflict lead", "Demo Scheduled")).to_be_visible()


@pytest.mark.smoke
def test_a_move_appears_on_another_open_board_without_reload(page, browser, server, demo_password):
    """The lead that entered Negotiation longest ago, moved into Contacted (already more than 50
    newer leads): the first card of Contacted at once, for the mover and for another open board."""
    LoginPage(page).log_in("E01", demo_password)
    board = FunnelBoard(page).open()
    oldest = board.cards("Negotiation").last
    expect(oldest).to_be_visible()
    code = board.code_of(oldest)
    assert board.count("Contacted") > 50
    other = browser.new_context(base_url=server.url)
    viewer = other.new_page()
    LoginPage(viewer).log_in("E01", demo_password)
    viewers_board = FunnelBoard(viewer).open()
    expect(viewers_board.card_by_code(code, "Negotiation")).to_be_visible()
    board.move_card(oldest, "Contacted")
    expect(board.card_by_code(code, "Contacted")).to_be_visible()
    expect(viewers_board.card_by_code(code, "Contacted")).to_be_visible(timeout=2_500)
    assert board.code_of(board.cards("Contacted").first) == code
    assert viewers_board.code_of(viewers_board.cards("Contacted").first) == code
    other.close()
