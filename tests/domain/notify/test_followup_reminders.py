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
from hoffice_app.models import FollowUp, Notification, OutboxMessage
from tests.domain.leads.private_office import SECRET, office
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine, new_lead  # noqa: F401
from tests.domain.notify.configured import mail_and_sms  # noqa: F401


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


def test_a_reminder_goes_by_every_channel_and_once_however_often_its_batch_runs(session, now, demo, mail_and_sms):
    """The minute's scan writes a batch's bell rows and messages together; a follow-up found
    again (as if its mark were lost) gets a second bell row at most, never a second message."""
    rows = [plan(session, now, due_in=timedelta(hours=2), assignee=code) for code in ("E03", "E04", "E03")]
    later = now + timedelta(minutes=91)
    assert notify.queue_reminders(session, now=later) == 3
    sent = [(m.channel, m.to, m.event) for m in session.exec(select(OutboxMessage).order_by(OutboxMessage.id))
            if m.event == "followup_reminder"]
    assert [c for c, _, _ in sent].count("email") == 3 and [c for c, _, _ in sent].count("sms") == 3
    assert ("email", "karan.mehta@example.com", "followup_reminder") in sent
    mail = session.exec(select(OutboxMessage).where(OutboxMessage.event == "followup_reminder",
                                                    OutboxMessage.channel == "email")).first()
    lead_code = mail.subject.rsplit(": ", 1)[1]
    assert f"https://crm.example.com/leads/{lead_code}" in mail.text and mail.status == "queued"
    assert bell(session, "E03").count("followup_reminder") == 2
    for row in rows:
        row.reminded_at = None
        session.add(row)
    session.flush()
    assert notify.queue_reminders(session, now=later) == 3
    again = session.exec(select(OutboxMessage).where(OutboxMessage.event == "followup_reminder")).all()
    assert len(again) == len(sent)


def test_in_one_batch_each_reader_sees_the_contact_as_they_may(session, now, demo, mail_and_sms):
    """E04 may see the lead but not its contact (private to E03): his reminder says "Private
    contact"; the administrator's, in the same batch, names it."""
    lead = office(session, now).lead
    for code in ("E04", "E01"):
        data = {"kind": "call", "due_at": local(session, now + timedelta(hours=2)),
                "assignee_id": str(employee_id(session, code))}
        followups.schedule(session, actor(session, "E01"), lead.id, data, now=now)
    assert notify.queue_reminders(session, now=now + timedelta(minutes=91)) == 2
    for code, shown in (("E04", "Private contact"), ("E01", SECRET)):
        who = employee_id(session, code)
        (note,) = session.exec(select(Notification).where(Notification.event == "followup_reminder",
                                                          Notification.recipient_id == who))
        (mail,) = session.exec(select(OutboxMessage).where(OutboxMessage.event == "followup_reminder",
                                                           OutboxMessage.key.endswith(f":{who}:email")))
        assert f"({shown})" in note.body and f"({shown})" in mail.text
        assert code == "E01" or SECRET not in note.body + mail.text + mail.subject


def test_a_handed_over_follow_up_reminds_and_warns_its_new_assignee(session, now, demo):
    from hoffice_app.domain.leads import bulk_assign

    soon = plan(session, now, due_in=timedelta(hours=2))  # reminded 30 minutes before
    late = plan(session, now, due_in=timedelta(hours=1), remind="none")
    at = now + timedelta(minutes=95)
    assert notify.queue_reminders(session, now=at) == 1 and notify.queue_overdue(session, now=at) == 1  # E03 told
    manager, new = actor(session, "E02"), employee_id(session, "E04")
    bulk_assign(session, manager, [soon.lead_id, late.lead_id], new, now=at)
    assert {session.get(FollowUp, f.id).assignee_id for f in (soon, late)} == {new}
    assert notify.queue_reminders(session, now=at + timedelta(minutes=1)) == 1
    assert notify.queue_overdue(session, now=at + timedelta(minutes=1)) == 1
    assert bell(session, "E04").count("followup_reminder") == 1 and bell(session, "E04").count("followup_overdue") == 1
    assert bell(session, "E03").count("followup_reminder") == 1  # the previous assignee is not told again
