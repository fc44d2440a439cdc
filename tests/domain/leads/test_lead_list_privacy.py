"""Rows, counts and totals of the lead list only ever include leads the actor
may see: an executive their own, created and followed leads; a manager their
team's; an administrator everything."""
from datetime import timedelta

import pytest

from hoffice_app.domain.leads import QUICK_VIEWS
from tests.domain.leads.test_lead_list_helpers import demo, employee_id, engine, new_lead, page, titles  # noqa: F401

KARAN_ONLY = {"karan assigned", "karan created", "karan overdue", "karan unassigned", "karan closed"}


@pytest.fixture
def office(session, now, demo):  # noqa: F811
    """E03 (Neha) and E04 (Karan) report to E02 (Ravi); E01 (Asha) is the administrator."""
    common = dict(value="100000", status="Lead", priority="High")
    new_lead(session, now, "neha assigned", assigned_to="E03", created_by="E02", **common)
    new_lead(session, now, "karan assigned", assigned_to="E04", created_by="E02", **common)
    new_lead(session, now, "karan created", created_by="E04", assigned_to="E05", **common)
    new_lead(session, now, "karan overdue", assigned_to="E04", created_by="E04",
             next_followup=now - timedelta(hours=1), **common)
    new_lead(session, now, "karan unassigned", created_by="E04", **common)
    new_lead(session, now, "karan closed", assigned_to="E04", created_by="E04", is_open=False, **common)
    new_lead(session, now, "karan's, neha follows", assigned_to="E04", created_by="E04", followers=("E03",), **common)
    new_lead(session, now, "asha's own", assigned_to="E01", created_by="E01", **common)
    session.commit()


@pytest.mark.parametrize("view", [key for key, _ in QUICK_VIEWS])
def test_executive_never_sees_a_colleagues_leads_in_any_view(session, now, office, view):
    result = page(session, "E03", now, view=view, per_page=100)
    assert not {r.title for r in result.rows} & (KARAN_ONLY | {"asha's own"})
    assert result.total == len(result.rows)


def test_executive_counts_and_totals_leave_hidden_leads_out(session, now, office):
    result = page(session, "E03", now, view="all")
    assert {r.title for r in result.rows} == {"neha assigned", "karan's, neha follows"}
    assert (result.total, result.total_value) == (2, "₹2,00,000")


def test_executive_cannot_find_a_hidden_lead_by_filter_or_text(session, now, office):
    karan = str(employee_id(session, "E04"))
    assert titles(session, "E03", now, view="all", assigned_to_id=karan) == {"karan's, neha follows"}
    assert titles(session, "E03", now, view="all", created_by_id=karan) == {"karan's, neha follows"}
    assert titles(session, "E03", now, view="all", text="karan") == {"karan's, neha follows"}
    assert page(session, "E03", now, view="overdue").total == 0


def test_manager_sees_the_whole_team_but_not_outside_it(session, now, office):
    found = titles(session, "E02", now, view="all")
    assert found == {"neha assigned", "karan's, neha follows"} | KARAN_ONLY
    assert page(session, "E02", now, view="all").total_value == "₹7,00,000"
    assert titles(session, "E02", now, view="overdue") == {"karan overdue"}


def test_administrator_sees_every_lead(session, now, office):
    result = page(session, "E01", now, view="all")
    assert (result.total, result.total_value) == (8, "₹8,00,000")


def test_list_needs_a_logged_in_actor(session, now, office):
    from hoffice_app.domain.common import PermissionDenied
    from hoffice_app.domain.leads import LeadQuery, search_leads

    with pytest.raises(PermissionDenied):
        search_leads(session, None, LeadQuery(), now=now)
