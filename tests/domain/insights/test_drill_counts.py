"""Every number on the insights views and the dashboard drills down to a list holding exactly
that many records: the lead list (search_leads with the drill) or the follow-up list, for an
admin, a manager and an executive, on the demo history with an enabled revoke policy."""
from urllib.parse import parse_qsl, urlsplit

import pytest
from sqlmodel import Session, select, text

from hoffice_app import routes
from hoffice_app.domain import insights, policies
from hoffice_app.domain.leads import LeadQuery, search_leads
from hoffice_app.domain.seed import seed_demo
from hoffice_app.models import RevokePolicy
from tests import databases
from tests.contact_factory import seed_demo_database
from tests.domain.insights.fixtures import NOW, actor, views


def _seed_history(eng) -> None:
    """The demo seed, then its contacts and lead history, with the revoke policy enabled."""
    seed_demo_database(eng)
    with Session(eng) as session:
        seed_demo(session, password=None, now=NOW, with_contacts=True)  # the employees exist: contacts, leads
        policy = session.exec(select(RevokePolicy)).first()
        policies.set_enabled(session, actor(session, "E01"), policy.id, True, now=NOW)
        session.commit()
        if eng.dialect.name == "sqlite":
            session.exec(text("PRAGMA wal_checkpoint(TRUNCATE)"))  # the one file holds everything


HISTORY = databases.Template("demo-history", _seed_history)  # built once per run, copied per test


@pytest.fixture
def engine(tmp_path):
    """Replaces conftest's ``engine``: a private copy of the seeded demo history."""
    with databases.app_engine(tmp_path, HISTORY) as eng:
        yield eng


def _cells(session, who):
    """(what, Cell) for every number the four views show."""
    view, when = views(session, who, "custom", "2025-11-01", "2026-03-31")
    table = insights.follow_up_insights(session, who, view, when, now=NOW)
    for row in [*table.rows, table.total]:
        for name in ("planned", "on_time", "late", "overdue", "unattended", "assigned", "followed_up"):
            yield f"follow-ups {row.name} {name}", getattr(row, name)
    leads = insights.lead_insights(session, who, view, when, now=NOW)
    for by, rows in leads.breakdowns.items():
        for row in [*rows, leads.totals]:
            for name in ("created", "won", "lost"):
                yield f"leads {by} {row.label} {name}", getattr(row, name)
    for row in leads.lost_reasons:
        yield f"lost reason {row.label}", row.count
    for week in leads.weeks:
        yield f"week {week.label} created", week.created
        yield f"week {week.label} won", week.won
    for stage in insights.funnel_insights(session, who, view, when, now=NOW).stages:
        yield f"funnel {stage.name} reached", stage.reached
        yield f"funnel {stage.name} left", stage.left
    morning = insights.morning(session, who, now=NOW)
    for name in ("overdue", "unattended", "revoke_soon", "stuck", "open_leads"):
        yield f"dashboard {name}", getattr(morning, name)
    for stage in morning.by_stage:
        yield f"dashboard stage {stage.stage}", stage.leads


def _listed(session, who, link: str) -> int:
    url = urlsplit(link)
    drill = insights.from_params(dict(parse_qsl(url.query)))
    assert drill is not None, link
    if url.path == routes.FOLLOW_UPS:
        return insights.follow_up_page(session, who, drill, now=NOW)[0]
    assert url.path == routes.LEADS
    return search_leads(session, who, LeadQuery(view="all", drill=drill.encode()), now=NOW).total


@pytest.mark.parametrize("code", ["E01", "E02", "E03"])
def test_each_drill_down_lists_exactly_the_number_shown(session, code):
    who = actor(session, code)
    checked = nonzero = 0
    for what, cell in _cells(session, who):
        assert _listed(session, who, cell.link) == cell.value, (what, cell.link)
        checked += 1
        nonzero += cell.value > 0
    assert checked > 60 and nonzero > 30


def test_a_tampered_link_lists_nothing(session):
    who = actor(session, "E02")
    bad = LeadQuery(view="all", drill="insight=nonsense")
    assert search_leads(session, who, bad, now=NOW).total == 0
