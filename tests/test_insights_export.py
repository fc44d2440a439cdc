"""GET /files/insights/<table>.xlsx: the session is checked before anything is read, the file
holds the rows the page shows for the same choices (an executive only their own, a manager
their team, as the domain computes them), and numbers stay numbers."""
import io
import warnings
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel import select

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx is what is installed
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from hoffice_app.db import utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.followups import service as followups
from hoffice_app.domain.funnel import move_lead
from hoffice_app.domain.masters import get, local_today
from hoffice_app.http import files_app
from hoffice_app.models import FunnelStage
from tests.lead_factory import actor, demo, engine, make_lead  # noqa: F401
from tests.test_file_routes import client_as

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FOLLOW_UP_HEADER = ("Executive", "Planned", "Done on time", "Done late", "Overdue", "Unattended leads", "On-time %")


@pytest.fixture
def days(session, demo):
    """A custom fortnight around today, in the company's days (the route reads the real clock)."""
    today = local_today(session, utcnow())
    return (today - timedelta(days=7)).isoformat(), (today + timedelta(days=7)).isoformat()


@pytest.fixture
def team_work(session, demo):
    """Neha (E03) and Karan (E04) each with a lead: Neha's has one follow-up overdue and one
    planned for tomorrow, Karan's one overdue; Karan's lead is won at ₹12,50,000."""
    now = utcnow()
    before = now - timedelta(days=3)
    for code, overdue, upcoming in (("E03", 1, 1), ("E04", 1, 0)):
        who = actor(session, code)
        lead = make_lead(session, who, before, contact_name=f"{code} Traders", assigned_to=code,
                         estimated_value="1250000")
        for n in range(overdue):
            due = local_due(session, now - timedelta(days=1, hours=n))
            followups.schedule(session, who, lead.id, {"kind": "call", "due_at": due}, now=before)
        for n in range(upcoming):
            due = local_due(session, now + timedelta(days=1, hours=n))
            followups.schedule(session, who, lead.id, {"kind": "call", "due_at": due}, now=before)
        if code == "E04":
            won = session.exec(select(FunnelStage).where(FunnelStage.funnel_id == lead.funnel_id,
                                                         FunnelStage.kind == "won")).first()
            move_lead(session, who, lead.id, won.id, expected_version=lead.version, now=now)
    session.commit()


def local_due(session, moment) -> str:
    """The form's "YYYY-MM-DDTHH:MM" in the company's time zone."""
    return moment.astimezone(ZoneInfo(get(session, "default_timezone"))).strftime("%Y-%m-%dT%H:%M")


def sheet_of(response):
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["cache-control"] == "private, no-store"
    return load_workbook(io.BytesIO(response.content)).worksheets[0]


def rows_of(sheet) -> tuple[str, tuple, list[tuple]]:
    title, header, *rows = sheet.iter_rows(values_only=True)
    return title[0], header, rows


@pytest.mark.parametrize("url", ["/files/insights/followups.xlsx", "/files/insights/funnel.xlsx?period=today",
                                 "/files/insights/nonsense.xlsx"])
def test_no_session_gets_401_before_anything_is_read(session, demo, url):
    for client in (client_as(session, None), TestClient(files_app, cookies={"hoffice_session": "forged"})):
        response = client.get(url)
        assert (response.status_code, response.text) == (401, "Please log in first.")
        assert response.headers["cache-control"] == "private, no-store"


def test_an_unknown_table_is_404(session, demo):
    response = client_as(session, "E03").get("/files/insights/salaries.xlsx")
    assert (response.status_code, response.text) == (404, "There is no such insights table.")


def test_a_bad_custom_day_is_refused_with_the_pages_sentence(session, demo):
    url = "/files/insights/followups.xlsx?period=custom&from=2026-12-09&to=2026-12-01"
    response = client_as(session, "E02").get(url)
    assert (response.status_code, response.text) == (400, "The last day comes before the first.")


def test_an_executive_gets_only_their_own_row(session, team_work, days):
    first, last = days
    sheet = sheet_of(client_as(session, "E03").get(
        f"/files/insights/followups.xlsx?period=custom&from={first}&to={last}&team=2"))
    title, header, rows = rows_of(sheet)
    assert header == FOLLOW_UP_HEADER
    assert title.startswith("Follow-ups · Me · ")
    assert [r[0] for r in rows] == ["Neha Joshi", "Everyone shown"]
    assert rows[0][1:5] == (2, 0, 0, 1)  # planned, on time, late, overdue
    assert sheet["A2"].font.b


def test_the_managers_file_holds_the_domains_rows(session, team_work, days):
    first, last = days
    sheet = sheet_of(client_as(session, "E02").get(
        f"/files/insights/followups.xlsx?period=custom&from={first}&to={last}"))
    title, header, rows = rows_of(sheet)
    manager, now = actor(session, "E02"), utcnow()
    view = insights.follow_up_insights(session, manager, insights.resolve_scope(session, manager),
                                       insights.resolve_period(session, "custom", first, last, now=now), now=now)
    expected = [(r.name, r.planned.value, r.on_time.value, r.late.value, r.overdue.value, r.unattended.value)
                for r in [*view.rows, view.total]]
    assert [r[:6] for r in rows] == expected
    assert [r[0] for r in rows] == ["Karan Mehta", "Neha Joshi", "Priya Desai", "Ravi Shah", "Everyone shown"]
    assert [r[4] for r in rows] == [1, 1, 0, 0, 2]
    assert title.startswith("Follow-ups · My team · ")


def test_amounts_are_numbers_in_the_companys_currency(session, team_work, days):
    first, last = days
    sheet = sheet_of(client_as(session, "E02").get(
        f"/files/insights/executives.xlsx?period=custom&from={first}&to={last}"))
    _title, header, rows = rows_of(sheet)
    assert header == ("Executive", "Created", "Won", "Lost", "Win rate", "Value won")
    karan = next(i for i, r in enumerate(rows) if r[0] == "Karan Mehta")
    assert rows[karan][1:] == (1, 1, 0, 1.0, 1250000)
    cell = sheet.cell(3 + karan, 6)
    assert "₹" in cell.number_format and isinstance(cell.value, (int, float))
    assert sheet.cell(3 + karan, 5).number_format == "0%"


@pytest.mark.parametrize("table", ["first-follow-up", "sources", "categories", "products", "types", "lost-reasons",
                                   "weeks", "funnel"])
def test_every_table_downloads_with_its_header(session, team_work, table):
    sheet = sheet_of(client_as(session, "E01").get(f"/files/insights/{table}.xlsx?period=this_month"))
    _title, header, _rows = rows_of(sheet)
    assert all(header) and len(header) >= 3
