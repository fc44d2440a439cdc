"""A number's link opens the list of exactly its records: the manager's unattended leads on
the lead list and the team's overdue follow-ups on the follow-up list, each with a banner
saying what the list holds and a way back to the whole list."""
from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from hoffice_app.db import utcnow
from hoffice_app.domain import insights
from tests.contact_factory import actor
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.pages import LoginPage


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _morning(server, code: str):
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            return insights.morning(session, actor(session, code), now=utcnow())
    finally:
        engine.dispose()


def test_the_unattended_leads_link_lists_exactly_them(page, server, demo_password):
    expected = _morning(server, "E02").unattended
    assert expected.value > 0 and expected.link == "/leads?insight=unattended"
    LoginPage(page).log_in("E02", demo_password)
    page.goto(expected.link)
    banner = page.get_by_role("status", name="Drill-down")
    expect(banner).to_contain_text("Unattended · My team")
    expect(page.get_by_text(re.compile(rf"^{expected.value} leads · total value "))).to_be_visible()
    _shot(page, "drill-unattended-leads")
    banner.get_by_role("button", name="Show all leads").click()
    expect(page).to_have_url(re.compile(r"/leads$"))
    expect(page.get_by_role("status", name="Drill-down")).to_have_count(0)


def test_the_overdue_link_lists_the_teams_overdue_follow_ups(page, server, demo_password):
    expected = _morning(server, "E02").overdue
    assert expected.value > 0
    LoginPage(page).log_in("E02", demo_password)
    page.goto(expected.link)
    expect(page.get_by_role("status", name="Drill-down")).to_contain_text("Overdue follow-ups · My team")
    expect(page.get_by_label("Follow-ups shown")).to_have_text(f"{expected.value} follow-ups")
    expect(page.get_by_role("region", name="Follow-ups").get_by_role("article").first).to_be_visible()
    _shot(page, "drill-overdue-follow-ups")
    page.get_by_role("link", name="My follow-ups").last.click()
    expect(page.get_by_role("heading", name="My follow-ups", level=1)).to_be_visible()
