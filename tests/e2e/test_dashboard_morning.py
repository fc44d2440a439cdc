"""The dashboard as a manager's morning page: the manager sees the team's numbers, each the
domain's own count and each a link to the list of its records; the leads stuck the longest
link to their pages; an executive reads "My …"; the administrator narrows to a team and finds
the organisation's counts under Settings → Overview. Screenshots at desktop and phone width.
"""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain import insights, org
from hoffice_app.domain.followups import my_follow_ups
from tests.contact_factory import actor
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.pages import DashboardPage, LoginPage, Shell


def _read(server, call):
    """``call(session)`` on the server's database, as the domain sees it now."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            return call(session)
    finally:
        engine.dispose()


def _morning(server, code: str, team: str | None = None) -> insights.MorningView:
    return _read(server, lambda s: insights.morning(s, actor(s, code), now=utcnow(), team=team))


def _cards(view: insights.MorningView, start: str) -> dict[str, insights.Cell]:
    def title(rest: str) -> str:
        return (start + rest)[:1].upper() + (start + rest)[1:]
    return {title("follow-ups overdue"): view.overdue, title("unattended leads"): view.unattended,
            title("leads about to be revoked"): view.revoke_soon, title("stuck leads"): view.stuck,
            title("open leads"): view.open_leads}


def _expect_cards(dashboard: DashboardPage, cards: dict[str, insights.Cell]) -> None:
    for label, cell in cards.items():
        expect(dashboard.number(label, cell.value)).to_have_attribute("href", cell.link)


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_the_manager_sees_the_teams_numbers_each_a_link_to_its_records(page: Page, server, demo_password):
    LoginPage(page).log_in("E02", demo_password)
    dashboard = DashboardPage(page)
    expect(dashboard.scope()).to_have_text("My team")
    view = _morning(server, "E02")
    assert view.scope_label == "My team" and view.overdue.value and view.stuck.value  # the demo's history
    _expect_cards(dashboard, _cards(view, "Team "))
    assert "insight=overdue" in view.overdue.link and view.overdue.link.startswith("/follow-ups?")
    mine = _read(server, lambda s: my_follow_ups(s, actor(s, "E02"), now=utcnow(), limit=1000))
    expect(dashboard.number("My follow-ups overdue", len(mine.overdue))).to_have_attribute("href", "/follow-ups")
    if view.revoke_soon.value == 0:  # the demo's policy is off: the card says what a zero means
        expect(dashboard.section("Needs attention")).to_contain_text("Nothing is due to be revoked within a day.")

    for stage in view.by_stage:
        expect(dashboard.section("Open value by stage").get_by_role("link", name=f"{stage.stage}: {stage.leads.value}",
                                                                    exact=True)).to_have_attribute("href",
                                                                                                   stage.leads.link)
    stuck = dashboard.stuck_links()
    expect(stuck).to_have_count(len(view.stuck_leads))
    assert [link.get_attribute("href") for link in stuck.all()] == [s.link for s in view.stuck_leads]
    first = view.stuck_leads[0]
    expect(dashboard.section("Stuck the longest")).to_contain_text(f"{first.days} days")
    _shot(page, "dashboard_manager_desktop")
    stuck.first.click()
    expect(page).to_have_url(re.compile(rf"/leads/{first.code}/?$"))
    expect(page.get_by_text(first.code).first).to_be_visible()


def test_an_executive_reads_my_wording_and_their_own_numbers(page: Page, server, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    dashboard = DashboardPage(page)
    expect(dashboard.scope()).to_have_text("Me")
    view = _morning(server, "E03")
    _expect_cards(dashboard, _cards(view, "My "))
    expect(page.get_by_role("link", name=re.compile(r"^Team "))).to_have_count(0)
    mine = _read(server, lambda s: my_follow_ups(s, actor(s, "E03"), now=utcnow(), limit=1000))
    assert len(mine.overdue) == view.overdue.value  # their own overdue: told once, above
    expect(dashboard.number("My follow-ups due today", len(mine.today))).to_have_attribute("href", "/follow-ups")


def test_the_admin_narrows_to_a_team_and_finds_the_overview_under_settings(page: Page, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    dashboard = DashboardPage(page)
    expect(dashboard.scope()).to_have_text("Everyone")
    _expect_cards(dashboard, _cards(_morning(server, "E01"), ""))
    ravi = _read(server, lambda s: actor(s, "E02").id)
    dashboard.choose_team("Ravi Shah's team")
    expect(dashboard.scope()).to_have_text("Ravi Shah's team")
    narrowed = _morning(server, "E01", str(ravi))
    assert f"team={ravi}" in narrowed.stuck.link
    _expect_cards(dashboard, _cards(narrowed, "Team "))
    _shot(page, "dashboard_admin_team")

    Shell(page).link("Settings").click()
    expect(page).to_have_url(re.compile(r"/settings/overview/?$"))
    counts = _read(server, lambda s: org.overview(s, actor(s, "E01"), now=utcnow()))
    overview = page.get_by_role("region", name="Overview")
    expect(overview.get_by_role("link", name=f"Active employees: {counts.employees_active}")).to_have_attribute(
        "href", "/settings/employees")
    expect(overview.get_by_role("link", name=f"Divisions: {counts.divisions}")).to_be_visible()
    expect(overview.get_by_role("link", name=f"Products: {counts.products}")).to_be_visible()
    expect(overview.get_by_label(f"Master entries: {counts.master_entries_active}")).to_be_visible()
    expect(overview.get_by_label(re.compile(r"^Signed-in sessions: [1-9]"))).to_be_visible()  # this one, at least
    _shot(page, "settings_overview")


def test_the_dashboard_fits_a_phone(browser, server, demo_password):
    context = browser.new_context(base_url=server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        LoginPage(page).log_in("E02", demo_password)
        dashboard = DashboardPage(page)
        expect(dashboard.section("Stuck the longest")).to_be_visible()
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        _shot(page, "dashboard_manager_phone")
    finally:
        context.close()
