"""The funnel board: drag a card between stages, ask for a lost reason, refuse a stale move."""
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


def _count(page, stage: str) -> int:
    return int(page.get_by_role("region", name=stage, exact=True).get_by_label("Count").inner_text())


def _sums(page, stage: str) -> str:
    """The header's value and weighted value, e.g. "1,200,000 · weighted 240,000 (20%)"."""
    return page.get_by_role("region", name=stage, exact=True).get_by_label("Value").inner_text()


def test_drag_a_card_to_contacted_and_it_stays(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    _new_lead(page, "Board drag test lead")
    page.goto("/funnel")
    new, contacted = (page.get_by_role("region", name=s, exact=True) for s in ("New Inquiry", "Contacted"))
    card = new.get_by_role("article", name="Board drag test lead")
    expect(card).to_be_visible()
    before = (_count(page, "New Inquiry"), _count(page, "Contacted"))
    sums = (_sums(page, "New Inquiry"), _sums(page, "Contacted"))
    card.drag_to(contacted, target_position={"x": 100, "y": 30})
    expect(contacted.get_by_role("article", name="Board drag test lead")).to_be_visible()
    page.reload()
    expect(page.get_by_role("region", name="Contacted", exact=True)
           .get_by_role("article", name="Board drag test lead")).to_be_visible()
    assert (_count(page, "New Inquiry"), _count(page, "Contacted")) == (before[0] - 1, before[1] + 1)
    after = (_sums(page, "New Inquiry"), _sums(page, "Contacted"))
    assert after[0] != sums[0] and after[1] != sums[1]  # the lead carries 100,000


def test_move_to_lost_asks_for_the_reason(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    _new_lead(page, "Board lost test lead")
    page.goto("/funnel")
    page.get_by_label("Move to stage: Board lost test lead").select_option(label="Lost")
    dialog = page.get_by_role("dialog", name="Why was it lost?")
    dialog.get_by_role("button", name="Mark as lost").click()
    expect(dialog.get_by_role("alert")).to_have_text("Choose why the lead was lost.")
    LeadForm(page).choose("Lost reason", "No budget", within=dialog)
    dialog.get_by_role("button", name="Mark as lost").click()
    expect(page.get_by_role("region", name="Lost", exact=True)
           .get_by_role("article", name="Board lost test lead")).to_be_visible()


def test_a_stale_move_is_refused_with_who_moved_it(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    _new_lead(page, "Board conflict lead")
    page.goto("/funnel")
    expect(page.get_by_role("article", name="Board conflict lead")).to_be_visible()
    # This viewer puts the focus on the card's "Move to stage" list first: the board stays as it was meanwhile.
    move_list = page.get_by_label("Move to stage: Board conflict lead")
    move_list.focus()
    other = browser.new_context(base_url=server.url)
    ravi = other.new_page()
    LoginPage(ravi).log_in("E01", demo_password)
    ravi.goto("/funnel")
    ravi.get_by_label("Move to stage: Board conflict lead").select_option(label="Demo Scheduled")
    expect(ravi.get_by_role("region", name="Demo Scheduled", exact=True)
           .get_by_role("article", name="Board conflict lead")).to_be_visible()
    other.close()
    page.wait_for_timeout(1500)  # longer than the live refresh interval
    move_list.select_option(label="Negotiation")
    expect(page.get_by_text(re.compile("moved this lead to Demo Scheduled meanwhile"))).to_be_visible()
    expect(page.get_by_role("region", name="Demo Scheduled", exact=True)
           .get_by_role("article", name="Board conflict lead")).to_be_visible()


def test_a_move_appears_on_another_open_board_without_reload(page, browser, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    _new_lead(page, "Board live lead")
    page.goto("/funnel")
    expect(page.get_by_role("article", name="Board live lead")).to_be_visible()
    other = browser.new_context(base_url=server.url)
    viewer = other.new_page()
    LoginPage(viewer).log_in("E01", demo_password)
    viewer.goto("/funnel")
    expect(viewer.get_by_role("region", name="New Inquiry", exact=True)
           .get_by_role("article", name="Board live lead")).to_be_visible()
    page.get_by_label("Move to stage: Board live lead").select_option(label="Proposal Sent")
    expect(viewer.get_by_role("region", name="Proposal Sent", exact=True)
           .get_by_role("article", name="Board live lead")).to_be_visible(timeout=2_500)
    other.close()
