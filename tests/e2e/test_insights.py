"""/insights as people use it: a manager sees their team's follow-up rows with the overdue
counts the domain computes for the same data (and the page prints without its controls), an
executive only their own row, a table downloads as a spreadsheet with the page's header from
the keyboard, an admin narrows to a team and reads the Leads and Funnel tabs, and a bad
custom day is refused next to its field.

Expected numbers are computed through the domain on the server's own database right before
the page is read (other tests share the server and add leads and follow-ups)."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain import insights
from tests.domain.leads.test_lead_list_helpers import actor
from tests.e2e.insight_pages import InsightsPage
from tests.e2e.pages import LoginPage, Shell

SHOTS = Path("artifacts/screenshots")
HEADER = ["Executive", "Planned", "Done on time", "Done late", "Overdue", "Unattended leads", "On-time %"]
TEAM = ["Karan Mehta", "Neha Joshi", "Priya Desai", "Ravi Shah", "Everyone shown"]


def _in_domain(server, code: str, read):
    """``read(session, actor, scope, period, now)`` for ``code`` this month, on the server's database."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            who, now = actor(session, code), utcnow()
            scope = insights.resolve_scope(session, who)
            period = insights.resolve_period(session, "this_month", now=now)
            return read(session, who, scope, period, now)
    finally:
        engine.dispose()


def _follow_ups(server, code: str) -> dict[str, tuple[str, str]]:
    """name → (overdue count, its drill-down link), the total row included."""
    view = _in_domain(server, code, lambda s, who, scope, period, now: insights.follow_up_insights(
        s, who, scope, period, now=now))
    return {r.name: (str(r.overdue.value), r.overdue.link) for r in [*view.rows, view.total]}


def test_a_manager_sees_the_team_with_the_domains_overdue_counts(page: Page, server, demo_password):
    LoginPage(page).log_in("E02", demo_password)
    Shell(page).link("Insights").click()
    screen = InsightsPage(page)
    expect(screen.table("Follow-ups")).to_be_visible()
    expected = _follow_ups(server, "E02")
    expect(screen.status()).to_contain_text("My team")
    assert screen.header("Follow-ups") == HEADER
    assert [row[0] for row in screen.rows("Follow-ups")] == TEAM
    assert screen.column("Follow-ups", "Overdue") == {name: overdue for name, (overdue, _link) in expected.items()}
    busiest = max(TEAM[:-1], key=lambda name: int(expected[name][0]))
    link = screen.table("Follow-ups").get_by_role("link", name=f"Overdue, {busiest}: {expected[busiest][0]}")
    expect(link).to_have_attribute("href", expected[busiest][1])
    assert [row[0] for row in screen.rows("First follow-up after assignment")] == TEAM
    expect(screen.section("Follow-ups per executive")).to_be_visible()
    page.screenshot(path=str(SHOTS / "insights-follow-ups.png"), full_page=True)

    page.emulate_media(media="print")  # on paper: no navigation, controls or buttons; tables and charts
    expect(Shell(page).nav()).to_be_hidden()
    expect(screen.export("Follow-ups")).to_be_hidden()
    expect(screen.field("Period")).to_be_hidden()
    expect(screen.section("Follow-ups per executive").locator(".recharts-wrapper > svg")).to_be_visible()
    page.screenshot(path=str(SHOTS / "insights-print.png"), full_page=True)
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(screen.table("Follow-ups")).to_be_visible()
    page.screenshot(path=str(SHOTS / "insights-follow-ups-phone.png"), full_page=True)


def test_an_executive_sees_only_their_own_row(page: Page, server, demo_password):
    LoginPage(page).log_in("E03", demo_password)
    screen = InsightsPage(page).open()
    expected = _follow_ups(server, "E03")
    expect(screen.status()).to_contain_text("Me")
    assert [row[0] for row in screen.rows("Follow-ups")] == ["Neha Joshi", "Everyone shown"]
    assert screen.column("Follow-ups", "Overdue") == {name: overdue for name, (overdue, _link) in expected.items()}
    expect(screen.field("Team")).to_have_count(0)


def test_a_table_downloads_as_a_spreadsheet_from_the_keyboard(page: Page, server, demo_password, tmp_path):
    LoginPage(page).log_in("E02", demo_password)
    screen = InsightsPage(page).open()
    screen.export("Follow-ups").focus()
    page.keyboard.press("Tab")  # the next stop is the table's first number
    expect(screen.table("Follow-ups").get_by_role("link").first).to_be_focused()
    page.keyboard.press("Shift+Tab")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    path = tmp_path / "follow-ups.xlsx"
    download.value.save_as(path)
    title, header, *rows = load_workbook(path).worksheets[0].iter_rows(values_only=True)
    assert list(header) == HEADER
    assert title[0].startswith("Follow-ups · My team · ")
    assert [row[0] for row in rows] == TEAM
    expected = _follow_ups(server, "E02")
    assert {row[0]: str(row[4]) for row in rows} == {name: overdue for name, (overdue, _link) in expected.items()}


def test_an_admin_narrows_to_a_team_and_reads_the_leads_and_funnel_tabs(page: Page, server, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    screen = InsightsPage(page).open()
    expect(screen.status()).to_contain_text("Everyone")
    screen.choose("Team", "Ravi Shah's team")
    expect(screen.status()).to_contain_text("Ravi Shah's team")
    assert [row[0] for row in screen.rows("Follow-ups")] == TEAM
    screen.choose("Team", "Everyone")
    expect(screen.status()).not_to_contain_text("Ravi Shah's team")
    leads = _in_domain(server, "E01", lambda s, who, scope, period, now: insights.lead_insights(
        s, who, scope, period, now=now))
    screen.show("Leads")
    expect(screen.table("By source")).to_be_visible()
    assert screen.header("By executive") == ["Executive", "Created", "Won", "Lost", "Win rate", "Value won"]
    assert [row[0] for row in screen.rows("By source")] == [r.label for r in leads.breakdowns["source"]]
    assert screen.column("By executive", "Value won") == {r.label: r.value_won for r in leads.breakdowns["person"]}
    expect(screen.section("Totals")).to_contain_text(leads.totals.value_won)
    page.screenshot(path=str(SHOTS / "insights-leads.png"), full_page=True)

    funnel = _in_domain(server, "E01", lambda s, who, scope, period, now: insights.funnel_insights(
        s, who, scope, period, now=now))
    screen.show("Funnel")
    expect(screen.table("Stages")).to_be_visible()
    assert screen.header("Stages") == ["Stage", "Reached", "Conversion to next", "Left the stage",
                                       "Avg days in stage"]
    assert screen.column("Stages", "Reached") == {s.name: str(s.reached.value) for s in funnel.stages}
    page.screenshot(path=str(SHOTS / "insights-funnel.png"), full_page=True)


def test_a_bad_custom_range_is_refused_next_to_its_field(page: Page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    screen = InsightsPage(page).open()
    screen.choose("Period", "Custom")
    screen.field("From").fill("2026-03-10")
    screen.field("To").fill("2026-03-01")
    expect(page.get_by_role("alert").filter(has_text="The last day comes before the first.")).to_be_visible()
    expect(screen.table("Follow-ups")).to_have_count(0)
    screen.field("To").fill("2026-03-31")
    expect(screen.status()).to_contain_text("10 Mar 2026 – 31 Mar 2026")
    expect(screen.table("Follow-ups")).to_be_visible()
