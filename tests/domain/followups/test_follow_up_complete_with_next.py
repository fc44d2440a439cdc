"""Completing a follow-up records what happened and can plan the next one in
the same step; the lead's next follow-up moves along."""
from datetime import datetime, timezone

import pytest

from hoffice_app.domain.common import DomainError, ValidationError
from hoffice_app.domain.followups import service as followups
from hoffice_app.models import FollowUp
from tests.lead_factory import demo, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

LATER = datetime(2026, 3, 2, 11, 0, tzinfo=timezone.utc)  # 16:30 company time


@pytest.fixture
def lead(session, executive, now):
    return make_lead(session, executive, now, assigned_to="E03")


@pytest.fixture
def call(session, executive, lead, now):
    return followups.schedule(session, executive, lead.id, {"kind": "call", "due_at": "2026-03-02T16:00"}, now=now)


def test_complete_and_plan_the_next_in_one_go(session, executive, lead, call):
    nxt = followups.complete(session, executive, call.id, "  Wants a site visit  ",
                             {"kind": "visit", "due_at": "2026-03-06T11:00", "notes": "Take the meter"}, now=LATER)
    first = session.get(FollowUp, call.id)
    assert (first.status, first.outcome, first.completed_at, first.completed_by_id) == (
        "done", "Wants a site visit", LATER, executive.id)
    assert (nxt.kind, nxt.due, nxt.assignee, nxt.notes, nxt.state) == (
        "visit", "06 Mar 2026, 11:00", "Neha Joshi", "Take the meter", "planned")
    assert lead.next_followup_at == datetime(2026, 3, 6, 5, 30, tzinfo=timezone.utc)
    rows = followups.lead_follow_ups(session, executive, lead.id, now=LATER)
    assert [(r.kind, r.status, r.completed) for r in rows] == [
        ("visit", "planned", ""), ("call", "done", "02 Mar 2026, 16:30")]


def test_complete_without_next_returns_none_and_clears_the_next_follow_up(session, executive, lead, call):
    assert lead.next_followup_at is not None
    assert followups.complete(session, executive, call.id, "No answer", None, now=LATER) is None
    assert lead.next_followup_at is None


def test_an_empty_next_form_plans_nothing(session, executive, lead, call):
    assert followups.complete(session, executive, call.id, "No answer", {}, now=LATER) is None
    assert session.get(FollowUp, call.id).status == "done"


def test_next_follow_up_defaults_to_the_leads_assignee(session, manager, lead, call):
    nxt = followups.complete(session, manager, call.id, "Done", {"kind": "call", "due_at": "2026-03-03T10:00"},
                             now=LATER)
    assert nxt.assignee == "Neha Joshi"
    assert session.get(FollowUp, call.id).completed_by_id == manager.id


def test_outcome_required(session, executive, call):
    with pytest.raises(ValidationError) as err:
        followups.complete(session, executive, call.id, "   ", None, now=LATER)
    assert err.value.errors == {"outcome": "Write what happened."}
    assert session.get(FollowUp, call.id).status == "planned"


def test_outcome_at_most_5000_characters(session, executive, call):
    with pytest.raises(ValidationError) as err:
        followups.complete(session, executive, call.id, "x" * 5001, None, now=LATER)
    assert err.value.errors == {"outcome": "Use at most 5,000 characters."}


def test_a_done_follow_up_cannot_be_completed_again(session, executive, call):
    followups.complete(session, executive, call.id, "Spoke", None, now=LATER)
    with pytest.raises(DomainError) as err:
        followups.complete(session, executive, call.id, "Spoke again", None, now=LATER)
    assert str(err.value) == "This follow-up is already done."
    assert session.get(FollowUp, call.id).outcome == "Spoke"


def test_a_follow_up_may_be_completed_before_its_time(session, executive, lead):
    view = followups.schedule(session, executive, lead.id, {"kind": "email", "due_at": "2026-03-09T10:00"},
                              now=LATER)
    followups.complete(session, executive, view.id, "Replied early", None, now=LATER)
    assert session.get(FollowUp, view.id).status == "done"
