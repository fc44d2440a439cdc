"""Each quick view of the lead list shows exactly its leads (as executive E03)."""
from datetime import timedelta

import pytest

from hoffice_app.domain.leads import QUICK_VIEWS
from tests.domain.leads.test_lead_list_helpers import demo, engine, new_lead, titles  # noqa: F401


@pytest.fixture
def floor(session, now, demo):  # noqa: F811
    """Leads E03 can see in different ways, plus one of E04's that E03 cannot see."""
    new_lead(session, now, "mine open", assigned_to="E03")
    new_lead(session, now, "mine closed", assigned_to="E03", is_open=False)
    new_lead(session, now, "followed open", assigned_to="E04", followers=("E03",))
    new_lead(session, now, "followed closed", assigned_to="E04", followers=("E03",), is_open=False)
    new_lead(session, now, "created unassigned", created_by="E03")
    new_lead(session, now, "mine overdue", assigned_to="E03", next_followup=now - timedelta(minutes=1))
    new_lead(session, now, "mine due later", assigned_to="E03", next_followup=now + timedelta(hours=2))
    new_lead(session, now, "closed overdue", assigned_to="E03", is_open=False, next_followup=now - timedelta(days=1))
    new_lead(session, now, "karan's own", assigned_to="E04", created_by="E04")
    new_lead(session, now, "nobody's", created_by="E01")
    session.commit()


def test_quick_views_are_the_six_of_the_contract():
    assert [key for key, _ in QUICK_VIEWS] == ["open", "mine", "following", "unassigned", "overdue", "all"]
    assert dict(QUICK_VIEWS)["following"] == "Leads I'm Following"


def test_open_view_shows_every_visible_open_lead(session, now, floor):
    assert titles(session, "E03", now, view="open") == {
        "mine open", "followed open", "created unassigned", "mine overdue", "mine due later"}


def test_mine_view_shows_open_leads_assigned_to_me(session, now, floor):
    assert titles(session, "E03", now, view="mine") == {"mine open", "mine overdue", "mine due later"}


def test_following_view_shows_leads_i_follow(session, now, floor):
    assert titles(session, "E03", now, view="following") == {"followed open", "followed closed"}


def test_unassigned_view_shows_open_leads_without_assignee(session, now, floor):
    assert titles(session, "E03", now, view="unassigned") == {"created unassigned"}
    assert titles(session, "E01", now, view="unassigned") == {"created unassigned", "nobody's"}


def test_overdue_view_shows_open_leads_whose_next_follow_up_has_passed(session, now, floor):
    assert titles(session, "E03", now, view="overdue") == {"mine overdue"}
    assert titles(session, "E03", now + timedelta(hours=3), view="overdue") == {"mine overdue", "mine due later"}


def test_all_view_shows_everything_visible_open_or_closed(session, now, floor):
    assert titles(session, "E03", now, view="all") == {
        "mine open", "mine closed", "followed open", "followed closed", "created unassigned", "mine overdue",
        "mine due later", "closed overdue"}


def test_admin_mine_and_following_are_their_own(session, now, floor):
    assert titles(session, "E01", now, view="mine") == set()
    assert titles(session, "E01", now, view="following") == set()
    assert len(titles(session, "E01", now, view="all")) == 10


def test_unknown_view_falls_back_to_open(session, now, floor):
    assert titles(session, "E03", now, view="bogus") == titles(session, "E03", now, view="open")
