"""The runner's minute scans: a follow-up's reminder goes to its assignee once, when its
time comes; an overdue follow-up is told to its assignee once, and to their manager once
after the company's delay; a follow-up that is done hears nothing more."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain import followups, notify
from hoffice_app.domain.common import PermissionDenied, ValidationError
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import FollowUp, Notification
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine, new_lead  # noqa: F401


def local(session, when) -> str:
    return when.astimezone(app_settings.zone(session)).strftime("%Y-%m-%dT%H:%M")


def plan(session, now, *, due_in: timedelta, remind: str | None = None, assignee: str = "E03") -> FollowUp:
    lead = new_lead(session, now, "Call back", assigned_to=assignee)
    data = {"kind": "call", "due_at": local(session, now + due_in), "assignee_id": str(employee_id(session, assignee))}
    if remind is not None:
        data["remind"] = remind
    view = followups.schedule(session, actor(session, "E01"), lead.id, data, now=now)
    return session.get(FollowUp, view.id)


def bell(session, code: str) -> list[str]:
    return [n.event for n in session.exec(select(Notification).where(
        Notification.recipient_id == employee_id(session, code)).order_by(Notification.id))]


def test_the_reminder_comes_at_its_time_once(session, now, demo):
    row = plan(session, now, due_in=timedelta(hours=2))  # the default: 30 minutes before
    assert row.remind_minutes == 30 and row.remind_at == row.due_at - timedelta(minutes=30)
    assert notify.queue_reminders(session, now=now + timedelta(minutes=80)) == 0
    assert notify.queue_reminders(session, now=now + timedelta(minutes=91)) == 1
    assert notify.queue_reminders(session, now=now + timedelta(minutes=95)) == 0
    assert bell(session, "E03").count("followup_reminder") == 1


def test_each_reminder_choice_sets_its_time_and_none_sets_none(session, now, demo):
    for remind, minutes in (("0", 0), ("15", 15), ("60", 60), ("1440", 1440)):
        row = plan(session, now, due_in=timedelta(days=2), remind=remind)
        assert row.remind_at == row.due_at - timedelta(minutes=minutes)
    row = plan(session, now, due_in=timedelta(days=2), remind="none")
    assert (row.remind_minutes, row.remind_at) == (None, None)
    assert notify.queue_reminders(session, now=now + timedelta(days=3)) == 4


def test_a_done_follow_up_is_neither_reminded_nor_overdue(session, now, demo):
    row = plan(session, now, due_in=timedelta(hours=1))
    followups.complete(session, actor(session, "E03"), row.id, "Spoke to them", None, now=now)
    later = now + timedelta(days=3)
    assert notify.queue_reminders(session, now=later) == 0
    assert notify.queue_overdue(session, now=later) == 0


def test_overdue_goes_to_the_assignee_then_after_the_delay_to_their_manager(session, now, demo):
    plan(session, now, due_in=timedelta(hours=1), remind="none")
    assert notify.queue_overdue(session, now=now + timedelta(minutes=59)) == 0
    assert notify.queue_overdue(session, now=now + timedelta(hours=2)) == 1
    assert notify.queue_overdue(session, now=now + timedelta(hours=3)) == 0
    assert bell(session, "E02") == []  # E03 reports to E02; the company's delay is a day
    assert notify.queue_overdue(session, now=now + timedelta(hours=26)) == 1
    assert bell(session, "E02") == ["followup_overdue_manager"]
    assert bell(session, "E03") == ["lead_assigned", "followup_overdue"]


def test_a_reminder_names_the_lead_and_the_due_time_in_the_company_zone(session, now, demo):
    row = plan(session, now, due_in=timedelta(hours=2))
    notify.queue_reminders(session, now=row.remind_at)
    (note,) = session.exec(select(Notification).where(Notification.event == "followup_reminder")).all()
    due = row.due_at.astimezone(app_settings.zone(session)).strftime("%d %b %Y, %H:%M")
    assert due in note.title and note.link.startswith("/leads/")


def test_the_company_sets_how_long_before_the_manager_hears(session, now, demo):
    admin = actor(session, "E01")
    with pytest.raises(ValidationError) as err:
        notify.save_overdue_manager_delay(session, admin, "soon", now=now)
    assert "0 to 720" in err.value.errors["overdue_delay"]
    with pytest.raises(PermissionDenied):
        notify.save_overdue_manager_delay(session, actor(session, "E02"), "2", now=now)
    notify.save_overdue_manager_delay(session, admin, "2", now=now)
    plan(session, now, due_in=timedelta(hours=1), remind="none")
    assert notify.queue_overdue(session, now=now + timedelta(hours=2)) == 1  # the assignee
    assert notify.queue_overdue(session, now=now + timedelta(hours=3, minutes=1)) == 1  # the manager, 2 h later
    assert bell(session, "E02") == ["followup_overdue_manager"]
