"""When the next follow-up's form is wrong, nothing is completed: the first
stays planned, no event is written, and the problems come back as next_*."""
from datetime import datetime, timezone

import pytest
from sqlmodel import func, select

from hoffice_app.domain import followups
from hoffice_app.domain.common import ValidationError
from hoffice_app.models import FollowUp, LeadEvent
from tests.lead_factory import demo, employee_id, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

LATER = datetime(2026, 3, 2, 11, 0, tzinfo=timezone.utc)  # 16:30 company time


@pytest.fixture
def lead(session, executive, now):
    return make_lead(session, executive, now, assigned_to="E03")


@pytest.fixture
def call(session, executive, lead, now):
    return followups.schedule(session, executive, lead.id, {"kind": "call", "due_at": "2026-03-02T16:00"}, now=now)


def _count(session, model):
    return session.exec(select(func.count()).select_from(model)).one()


def test_invalid_next_completes_nothing(session, executive, lead, call):
    events, next_before = _count(session, LeadEvent), lead.next_followup_at
    with pytest.raises(ValidationError) as err:
        followups.complete(session, executive, call.id, "Wants a visit",
                           {"kind": "visit", "due_at": "2026-03-01T10:00"}, now=LATER)
    assert err.value.errors == {"next_due_at": "Choose a time from now on."}
    row = session.get(FollowUp, call.id)
    assert (row.status, row.outcome, row.completed_at, row.completed_by_id) == ("planned", "", None, None)
    assert _count(session, FollowUp) == 1
    assert _count(session, LeadEvent) == events
    assert lead.next_followup_at == next_before
    assert [v.id for v in followups.my_follow_ups(session, executive, now=LATER).overdue] == [call.id]


def test_every_next_field_reported_with_its_prefix(session, executive, call):
    with pytest.raises(ValidationError) as err:
        followups.complete(session, executive, call.id, "", {"kind": "telegram", "due_at": "soon",
                                                             "assignee_id": str(employee_id(session, "E04")),
                                                             "notes": "n" * 5001}, now=LATER)
    assert err.value.errors == {
        "outcome": "Write what happened.",
        "next_kind": "Choose the kind of follow-up from the list.",
        "next_due_at": "Enter the date and time, e.g. 2026-11-26T10:30.",
        "next_assignee_id": ("Karan Mehta cannot see this lead; "
                             "assign the lead to them or add them as a follower first."),
        "next_notes": "Use at most 5,000 characters."}
    assert session.get(FollowUp, call.id).status == "planned"


def test_a_next_form_with_blanks_is_checked_not_ignored(session, executive, call):
    with pytest.raises(ValidationError) as err:
        followups.complete(session, executive, call.id, "Spoke", {"kind": "", "due_at": ""}, now=LATER)
    assert err.value.errors == {"next_kind": "Choose the kind of follow-up.",
                                "next_due_at": "Choose the date and time."}
