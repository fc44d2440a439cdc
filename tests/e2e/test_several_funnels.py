"""Several funnels in daily use: a lead type's default funnel (Settings → Funnels) is what the
new lead form picks; a lead moves to another funnel from its page, choosing the stage (a lost
stage asks for the reason); the board's funnel picker counts each funnel's open leads."""
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.funnel_pages import FunnelBoard
from tests.e2e.lead_pages import LeadForm
from tests.e2e.pages import LoginPage
from tests.e2e.settings_pages import FunnelSettingsPage

SHOTS = Path("artifacts/screenshots")


def _shot(target, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=str(SHOTS / f"{name}.png"))


def _choose(page, scope, label: str, option: str) -> None:
    scope.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_default_funnel_new_lead_move_and_picker_counts(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    settings = FunnelSettingsPage(page).open()
    for name in ("Partners", "Service desk"):
        settings.add_funnel(name)
        expect(settings.stages_heading()).to_have_text(f"Stages of {name}")
    defaults = page.get_by_role("region", name="Where new leads start")
    _choose(page, defaults, "Default funnel for Dealer", "Partners")
    expect(defaults.get_by_label("Default funnel for Dealer", exact=True)).to_have_text("Partners")
    _shot(defaults, "funnels-defaults-settings")

    form = LeadForm(page).open_new()
    expect(form.field("Funnel")).not_to_have_text("Partners")
    form.choose("Lead type", "Dealer")
    expect(form.field("Funnel")).to_have_text("Partners")
    expect(page.get_by_text("The default funnel for this lead type.")).to_be_visible()
    _shot(form.section("Lead information"), "funnels-lead-form-default")
    form.choose("Funnel", "Service desk")  # by hand: the lead type no longer moves it
    expect(page.get_by_text("The default funnel for this lead type.")).to_have_count(0)
    form.choose("Lead type", "End Customer")
    expect(form.field("Funnel")).to_have_text("Service desk")
    form.choose("Funnel", "Partners")
    form.fill("Title", "Dealer enquiry for 12 panels")
    form.pick_contact("Contact", "C000001", "C000001")
    code = form.save()

    page.get_by_role("button", name="Move to another funnel").click()
    dialog = page.get_by_role("dialog", name="Move to another funnel")
    expect(dialog).to_contain_text("Now in Partners · New.")
    _choose(page, dialog, "Funnel", "Service desk")
    expect(dialog.get_by_label("Stage", exact=True)).to_have_text("New")
    _choose(page, dialog, "Stage", "Lost")
    expect(dialog.get_by_label("Lost reason", exact=True)).to_be_visible()
    _shot(dialog, "funnels-move-dialog")
    _choose(page, dialog, "Stage", "New")
    expect(dialog.get_by_label("Lost reason", exact=True)).to_have_count(0)
    dialog.get_by_role("button", name="Move", exact=True).click()
    expect(dialog).to_be_hidden()
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline).to_contain_text("Moved from funnel Partners · New to funnel Service desk · New")
    _shot(page, "funnels-lead-moved")

    page.goto("/funnel")
    picker = page.get_by_role("combobox", name="Funnel")
    expect(picker).to_have_text(re.compile(r"^Sales Funnel \([\d,]+ open\)$"))
    picker.click()
    expect(page.get_by_role("option", name="Service desk (1 open)", exact=True)).to_be_visible()
    expect(page.get_by_role("option", name="Partners (0 open)", exact=True)).to_be_visible()
    _shot(page, "funnels-board-picker")
    page.get_by_role("option", name="Service desk (1 open)", exact=True).click()
    expect(FunnelBoard(page).card_by_code(code, "New")).to_be_visible()

    FunnelSettingsPage(page).open()  # later tests' Dealer leads start where they did
    _choose(page, defaults, "Default funnel for Dealer", "— No default —")
    expect(defaults.get_by_label("Default funnel for Dealer", exact=True)).to_have_text("— No default —")
