"""Who may complete a follow-up: its assignee, the lead's assignee, or an
administrator or manager who can see the lead. Others who see the lead are
refused; those who cannot see it are told it does not exist."""
from datetime import datetime, timezone

import pytest

from hoffice_app.domain.common import NotFound, PermissionDenied
from hoffice_app.domain.followups import service as followups
from hoffice_app.models import FollowUp
from tests.lead_factory import actor, demo, employee_id, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

LATER = datetime(2026, 3, 2, 11, 0, tzinfo=timezone.utc)


@pytest.fixture
def call(session, admin, now):
    """A lead assigned to Neha (E03), followed by Karan (E04) and Priya (E05); the call is Karan's."""
    followers = [str(employee_id(session, code)) for code in ("E04", "E05")]
    lead = make_lead(session, admin, now, assigned_to="E03", follower_employee_ids=followers)
    return followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": "2026-03-02T16:00",
                                                        "assignee_id": followers[0]}, now=now)


@pytest.mark.parametrize("code", ["E04", "E03", "E02", "E01"])
def test_allowed(session, call, code):
    """Its assignee, the lead's assignee, the manager of the team, the administrator."""
    followups.complete(session, actor(session, code), call.id, "Spoke", None, now=LATER)
    row = session.get(FollowUp, call.id)
    assert (row.status, row.completed_by_id) == ("done", employee_id(session, code))


def test_a_follower_who_is_not_its_assignee_is_refused(session, call):
    with pytest.raises(PermissionDenied) as err:
        followups.complete(session, actor(session, "E05"), call.id, "Spoke", None, now=LATER)
    assert str(err.value) == ("Only the person it is assigned to, the lead's assignee or a manager "
                              "can complete this follow-up.")
    assert session.get(FollowUp, call.id).status == "planned"


def test_someone_who_cannot_see_the_lead_is_told_it_does_not_exist(session, admin, now):
    lead = make_lead(session, admin, now, assigned_to="E03")
    call = followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": "2026-03-02T16:00"}, now=now)
    karan = actor(session, "E04")
    with pytest.raises(NotFound) as hidden:
        followups.complete(session, karan, call.id, "Spoke", None, now=LATER)
    with pytest.raises(NotFound) as missing:
        followups.complete(session, karan, 999999, "Spoke", None, now=LATER)
    assert str(hidden.value) == str(missing.value) == "No such follow-up, or it is not shared with you."
    assert session.get(FollowUp, call.id).status == "planned"


def test_not_logged_in_refused(session, call):
    with pytest.raises(PermissionDenied) as err:
        followups.complete(session, None, call.id, "Spoke", None, now=LATER)
    assert str(err.value) == "Please log in first."
