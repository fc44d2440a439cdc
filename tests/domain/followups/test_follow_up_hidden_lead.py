"""An executive cannot plan or list follow-ups on a lead they cannot see; the
answer is the same as for a lead that does not exist."""
import pytest
from sqlmodel import func, select

from hoffice_app.domain import followups
from hoffice_app.domain.common import NotFound, PermissionDenied
from hoffice_app.domain.leads import NOT_FOUND
from hoffice_app.models import FollowUp
from tests.lead_factory import actor, demo, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

PLAN = {"kind": "call", "due_at": "2026-03-10T11:00"}


@pytest.fixture
def karans_lead(session, admin, now):
    return make_lead(session, admin, now, assigned_to="E04")


def test_executive_cannot_schedule_on_a_lead_they_cannot_see(session, executive, karans_lead, now):
    with pytest.raises(NotFound) as hidden:
        followups.schedule(session, executive, karans_lead.id, PLAN, now=now)
    with pytest.raises(NotFound) as missing:
        followups.schedule(session, executive, 999999, PLAN, now=now)
    assert str(hidden.value) == str(missing.value) == NOT_FOUND
    assert session.exec(select(func.count()).select_from(FollowUp)).one() == 0
    assert karans_lead.next_followup_at is None


def test_executive_cannot_list_follow_ups_of_a_lead_they_cannot_see(session, executive, admin, karans_lead, now):
    followups.schedule(session, admin, karans_lead.id, PLAN, now=now)
    with pytest.raises(NotFound) as err:
        followups.lead_follow_ups(session, executive, karans_lead.id, now=now)
    assert str(err.value) == NOT_FOUND


def test_the_leads_assignee_and_the_teams_manager_can_schedule(session, manager, karans_lead, now):
    for who in (actor(session, "E04"), manager):
        followups.schedule(session, who, karans_lead.id, PLAN, now=now)
    assert len(followups.lead_follow_ups(session, manager, karans_lead.id, now=now)) == 2


def test_not_logged_in_refused(session, karans_lead, now):
    with pytest.raises(PermissionDenied):
        followups.schedule(session, None, karans_lead.id, PLAN, now=now)
    with pytest.raises(PermissionDenied):
        followups.my_follow_ups(session, None, now=now)
