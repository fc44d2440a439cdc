"""Moving a planned follow-up to another time: who may (whoever may complete it), which times
(not the past, with the schedule's grace), not a done one, not over a move someone made
meanwhile; the reminders fire again for the new time, the lead's next follow-up and its
timeline follow."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select

from hoffice_app.domain import followups
from hoffice_app.domain.common import DomainError, NotFound, PermissionDenied, ValidationError
from hoffice_app.models import FollowUp, LeadEvent
from tests.lead_factory import actor, demo, employee_id, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

LATER = datetime(2026, 3, 2, 11, 0, tzinfo=timezone.utc)  # 2 Mar, 16:30 company time
DUE = "2026-03-02T18:00"


@pytest.fixture
def lead(session, admin, now):
    """Assigned to Neha (E03), followed by Karan (E04) and Priya (E05)."""
    followers = [str(employee_id(session, code)) for code in ("E04", "E05")]
    return make_lead(session, admin, now, assigned_to="E03", follower_employee_ids=followers)


@pytest.fixture
def call(session, admin, lead, now):
    """Karan's call at 18:00, reminded 30 minutes before."""
    return followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": DUE,
                                                        "assignee_id": str(employee_id(session, "E04"))}, now=now)


def move(session, who, call, to, *, expected=DUE, at=LATER):
    return followups.reschedule(session, who, call.id, to, now=at, expected_due=expected)


@pytest.mark.parametrize("code", ["E04", "E03", "E02", "E01"])
def test_whoever_may_complete_it_may_move_it(session, call, code):
    """Its assignee, the lead's assignee, the team's manager, the administrator."""
    view = move(session, actor(session, code), call, "2026-03-03T10:00")
    assert (view.due_iso, session.get(FollowUp, call.id).due_at) == (
        "2026-03-03T10:00", datetime(2026, 3, 3, 4, 30, tzinfo=timezone.utc))


def test_a_follower_who_is_not_its_assignee_is_refused(session, call):
    with pytest.raises(PermissionDenied) as err:
        move(session, actor(session, "E05"), call, "2026-03-03T10:00")
    assert str(err.value) == ("Only the person it is assigned to, the lead's assignee or a manager "
                              "can reschedule this follow-up.")
    assert session.get(FollowUp, call.id).due_at == datetime(2026, 3, 2, 12, 30, tzinfo=timezone.utc)


def test_someone_who_cannot_see_the_lead_is_told_it_does_not_exist(session, admin, now):
    hidden = make_lead(session, admin, now, assigned_to="E03")
    call = followups.schedule(session, admin, hidden.id, {"kind": "call", "due_at": DUE}, now=now)
    with pytest.raises(NotFound):
        move(session, actor(session, "E04"), call, "2026-03-03T10:00")


@pytest.mark.parametrize("to, message", [
    ("2026-03-02T16:24", "Choose a time from now on."),  # six minutes ago
    ("", "Choose the date and time."),
    ("next Tuesday", "Enter the date and time, e.g. 2026-11-26T10:30."),
    (DUE, "It is due then already: choose another time."),
])
def test_refused_times_say_why_next_to_the_field(session, executive, call, to, message):
    with pytest.raises(ValidationError) as err:
        move(session, executive, call, to)
    assert err.value.errors == {"due_at": message}
    assert session.get(FollowUp, call.id).due_at == datetime(2026, 3, 2, 12, 30, tzinfo=timezone.utc)


def test_a_few_minutes_ago_still_counts_as_now(session, executive, call):
    assert move(session, executive, call, "2026-03-02T16:27").due_iso == "2026-03-02T16:27"


def test_a_done_follow_up_cannot_be_moved(session, executive, call):
    followups.complete(session, executive, call.id, "Spoke", None, now=LATER)
    with pytest.raises(DomainError) as err:
        move(session, executive, call, "2026-03-03T10:00")
    assert str(err.value) == "This follow-up is already done."


def test_a_move_made_meanwhile_is_not_overwritten(session, executive, manager, call):
    """Both dialogs read 18:00; Ravi moves it first; Neha's move is refused, naming his time."""
    move(session, manager, call, "2026-03-03T11:00")
    with pytest.raises(followups.MovedMeanwhile) as err:
        move(session, executive, call, "2026-03-04T09:00")
    assert err.value.errors == {"due_at": "Someone moved this follow-up meanwhile to 03 Mar 2026, 11:00. "
                                          "Choose the time again to move it anyway."}
    assert err.value.due_iso == "2026-03-03T11:00"
    assert session.get(FollowUp, call.id).due_at == datetime(2026, 3, 3, 5, 30, tzinfo=timezone.utc)
    # having seen his time, she may still move it
    assert move(session, executive, call, "2026-03-04T09:00", expected=err.value.due_iso).due_iso == "2026-03-04T09:00"


def test_the_reminders_fire_again_for_the_new_time(session, executive, call):
    row = session.get(FollowUp, call.id)
    row.reminded_at = row.overdue_notified_at = row.escalated_at = LATER
    session.add(row)
    move(session, executive, call, "2026-03-03T10:00")
    row = session.get(FollowUp, call.id)
    assert row.remind_at == datetime(2026, 3, 3, 4, 30, tzinfo=timezone.utc) - timedelta(minutes=30)
    assert (row.reminded_at, row.overdue_notified_at, row.escalated_at) == (None, None, None)


def test_no_reminder_stays_no_reminder(session, executive, lead, now):
    quiet = followups.schedule(session, executive, lead.id, {"kind": "email", "due_at": DUE, "remind": "none"},
                               now=now)
    move(session, executive, quiet, "2026-03-03T10:00")
    assert session.get(FollowUp, quiet.id).remind_at is None


def test_the_leads_next_follow_up_follows(session, executive, lead, call, now):
    followups.schedule(session, executive, lead.id, {"kind": "visit", "due_at": "2026-03-02T20:00"}, now=now)
    move(session, executive, call, "2026-03-03T10:00")
    session.refresh(lead)
    assert lead.next_followup_at == datetime(2026, 3, 2, 14, 30, tzinfo=timezone.utc)  # the visit, 20:00
    assert lead.updated_at == LATER


def test_the_move_is_on_the_timeline(session, executive, lead, call):
    move(session, executive, call, "2026-03-03T15:00")
    event = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id, LeadEvent.kind == "follow_up_moved")
                         ).one()
    assert (event.text, event.actor_id, event.at) == ("Call moved from 02 Mar, 18:00 to 03 Mar, 15:00",
                                                      executive.id, LATER)
    session.refresh(lead)
    assert lead.last_activity_at == LATER  # activity, as revoke policies measure it


def test_it_moves_between_the_buckets(session, executive, lead, now):
    """Planned for Neha at 16:00 and looked at 16:30: today, overdue; moved to tomorrow: upcoming."""
    call = followups.schedule(session, executive, lead.id, {"kind": "call", "due_at": "2026-03-02T16:00"}, now=now)
    mine = followups.my_follow_ups(session, executive, now=LATER)
    assert ([v.state for v in mine.today], mine.overdue_today) == (["overdue"], 1)
    move(session, executive, call, "2026-03-03T10:00", expected="2026-03-02T16:00")
    mine = followups.my_follow_ups(session, executive, now=LATER)
    assert (mine.today, mine.overdue, [v.due_iso for v in mine.upcoming]) == ([], [], ["2026-03-03T10:00"])
