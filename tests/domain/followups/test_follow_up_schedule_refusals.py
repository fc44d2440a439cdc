"""A follow-up needs a kind from the list, a valid time from now on, an active
assignee who can see the lead, and notes of reasonable length; nothing is
written when any of it is wrong."""
import pytest
from sqlmodel import func, select

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.followups import service as followups
from hoffice_app.domain.org import find_by_code
from hoffice_app.models import FollowUp, LeadEvent
from tests.lead_factory import demo, employee_id, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

# now: 2026-03-02 09:30 UTC = 15:00 company time (Asia/Kolkata)
GOOD = {"kind": "call", "due_at": "2026-03-10T11:00"}


@pytest.fixture
def lead(session, executive, now):
    return make_lead(session, executive, now, assigned_to="E03")


def refused(session, who, lead, now, **changes) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        followups.schedule(session, who, lead.id, {**GOOD, **changes}, now=now)
    return err.value.errors


def test_kind_required(session, executive, lead, now):
    assert refused(session, executive, lead, now, kind="") == {"kind": "Choose the kind of follow-up."}


def test_kind_must_be_from_the_list(session, executive, lead, now):
    assert refused(session, executive, lead, now, kind="fax") == {"kind": "Choose the kind of follow-up from the list."}


def test_kind_is_read_without_regard_to_case(session, executive, lead, now):
    assert followups.schedule(session, executive, lead.id, {**GOOD, "kind": " Visit "}, now=now).kind == "visit"


def test_due_at_required(session, executive, lead, now):
    assert refused(session, executive, lead, now, due_at="  ") == {"due_at": "Choose the date and time."}


@pytest.mark.parametrize("bad", ["tomorrow", "2026-02-30T10:00", "0001-01-01T00:00"])
def test_due_at_must_be_a_date_and_time(session, executive, lead, now, bad):
    assert refused(session, executive, lead, now, due_at=bad) == {
        "due_at": "Enter the date and time, e.g. 2026-11-26T10:30."}


def test_due_at_more_than_five_minutes_ago_refused(session, executive, lead, now):
    assert refused(session, executive, lead, now, due_at="2026-03-02T14:54") == {
        "due_at": "Choose a time from now on."}


def test_due_at_a_few_minutes_ago_still_allowed(session, executive, lead, now):
    view = followups.schedule(session, executive, lead.id, {**GOOD, "due_at": "2026-03-02T14:56"}, now=now)
    assert (view.due_iso, view.state) == ("2026-03-02T14:56", "overdue")


def test_unknown_assignee_refused(session, executive, lead, now):
    for bad in ("999999", "abc", "-1"):
        assert refused(session, executive, lead, now, assignee_id=bad) == {
            "assignee_id": "Choose an active employee."}, bad


def test_inactive_assignee_refused(session, manager, lead, now):
    neha = find_by_code(session, "E03")  # the lead's assignee, so the default
    neha.active = False
    session.add(neha)
    session.flush()
    assert refused(session, manager, lead, now) == {"assignee_id": "Choose an active employee."}


def test_assignee_must_be_able_to_see_the_lead(session, executive, lead, now):
    assert refused(session, executive, lead, now, assignee_id=str(employee_id(session, "E04"))) == {
        "assignee_id": "Karan Mehta cannot see this lead; assign the lead to them or add them as a follower first."}


def test_a_follower_can_be_the_assignee(session, executive, now):
    lead = make_lead(session, executive, now, follower_employee_ids=[str(employee_id(session, "E04"))])
    view = followups.schedule(session, executive, lead.id,
                              {**GOOD, "assignee_id": str(employee_id(session, "E04"))}, now=now)
    assert view.assignee == "Karan Mehta"


def test_notes_at_most_5000_characters(session, executive, lead, now):
    assert refused(session, executive, lead, now, notes="x" * 5001) == {"notes": "Use at most 5,000 characters."}
    assert len(followups.schedule(session, executive, lead.id, {**GOOD, "notes": "x" * 5000}, now=now).notes) == 5000


def test_every_problem_reported_and_nothing_written(session, executive, lead, now):
    events_before = session.exec(select(func.count()).select_from(LeadEvent)).one()
    errors = refused(session, executive, lead, now, kind="", due_at="", assignee_id="0", notes="y" * 6000)
    assert set(errors) == {"kind", "due_at", "assignee_id", "notes"}
    assert session.exec(select(func.count()).select_from(FollowUp)).one() == 0
    assert session.exec(select(func.count()).select_from(LeadEvent)).one() == events_before
    assert lead.next_followup_at is None

