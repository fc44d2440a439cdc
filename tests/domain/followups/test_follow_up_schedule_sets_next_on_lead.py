"""Planning a follow-up: what comes back, who it goes to by default, and the
lead's next follow-up kept at the earliest planned one."""
from datetime import datetime, timezone

from sqlmodel import Session

from hoffice_app.domain.followups import service as followups
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import FollowUp, Lead
from tests.lead_factory import actor, demo, employee_id, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

# conftest's now: 2026-03-02 09:30 UTC = 15:00 in Asia/Kolkata (the default company time zone)


def test_schedule_returns_the_follow_up_in_company_time(session, admin, now):
    lead = make_lead(session, admin, now, contact_name="Horus Tech", title="Rooftop solar", assigned_to="E03")
    view = followups.schedule(session, admin, lead.id, {"kind": "meeting", "due_at": "2026-11-26T10:30",
                                                        "notes": "  Bring the brochure  "}, now=now)
    assert (view.lead_id, view.lead_code, view.lead_title, view.contact_name) == (
        lead.id, lead.code, "Rooftop solar", "Horus Tech")
    assert (view.kind, view.kind_label, view.due, view.due_iso) == (
        "meeting", "Meeting", "26 Nov 2026, 10:30", "2026-11-26T10:30")
    assert (view.assignee, view.notes, view.status, view.state, view.outcome, view.completed) == (
        "Neha Joshi", "Bring the brochure", "planned", "planned", "", "")
    row = session.get(FollowUp, view.id)
    assert row.due_at == datetime(2026, 11, 26, 5, 0, tzinfo=timezone.utc)
    assert row.created_by_id == admin.id


def test_lead_shows_the_next_follow_up(session, engine, admin, now):
    lead = make_lead(session, admin, now)
    assert lead.next_followup_at is None
    followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": "2026-03-10T11:00"}, now=now)
    session.commit()
    with Session(engine) as fresh:
        assert fresh.get(Lead, lead.id).next_followup_at == datetime(2026, 3, 10, 5, 30, tzinfo=timezone.utc)


def test_an_earlier_follow_up_becomes_the_next_a_later_one_does_not(session, admin, now):
    lead = make_lead(session, admin, now)
    followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": "2026-03-10T11:00"}, now=now)
    followups.schedule(session, admin, lead.id, {"kind": "visit", "due_at": "2026-04-01T11:00"}, now=now)
    assert lead.next_followup_at == datetime(2026, 3, 10, 5, 30, tzinfo=timezone.utc)
    followups.schedule(session, admin, lead.id, {"kind": "email", "due_at": "2026-03-03T09:00"}, now=now)
    assert lead.next_followup_at == datetime(2026, 3, 3, 3, 30, tzinfo=timezone.utc)


def test_assignee_defaults_to_the_leads_assignee(session, admin, now):
    lead = make_lead(session, admin, now, assigned_to="E04")
    view = followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": "2026-03-10T11:00"}, now=now)
    assert (view.assignee_id, view.assignee) == (employee_id(session, "E04"), "Karan Mehta")


def test_assignee_defaults_to_the_actor_when_the_lead_has_none(session, executive, now):
    lead = make_lead(session, executive, now)
    assert lead.assigned_to_id is None
    view = followups.schedule(session, executive, lead.id, {"kind": "call", "due_at": "2026-03-10T11:00",
                                                            "assignee_id": "  "}, now=now)
    assert (view.assignee_id, view.assignee) == (executive.id, "Neha Joshi")


def test_assignee_can_be_chosen(session, manager, now):
    lead = make_lead(session, manager, now, assigned_to="E03")
    view = followups.schedule(session, manager, lead.id, {"kind": "whatsapp", "due_at": "2026-03-10T11:00",
                                                          "assignee_id": str(manager.id)}, now=now)
    assert (view.assignee, view.kind_label) == ("Ravi Shah", "WhatsApp")


def test_times_follow_the_company_time_zone_setting(session, admin, now):
    app_settings.put(session, "default_timezone", "Europe/London")
    lead = make_lead(session, admin, now)
    view = followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": "2026-03-10T11:00"}, now=now)
    assert (view.due, view.due_iso) == ("10 Mar 2026, 11:00", "2026-03-10T11:00")
    assert lead.next_followup_at == datetime(2026, 3, 10, 11, 0, tzinfo=timezone.utc)


def test_lead_follow_ups_planned_first_by_due_then_done_newest_first(session, admin, now):
    lead = make_lead(session, admin, now)
    plan = {"due_at": "2026-03-20T10:00"}
    late = followups.schedule(session, admin, lead.id, {**plan, "kind": "visit"}, now=now)
    first = followups.schedule(session, admin, lead.id, {"kind": "call", "due_at": "2026-03-02T16:00"}, now=now)
    second = followups.schedule(session, admin, lead.id, {"kind": "email", "due_at": "2026-03-05T10:00"}, now=now)
    followups.complete(session, admin, first.id, "Asked for a quote", None, now=now)
    followups.complete(session, admin, second.id, "Sent the quote", None,
                       now=datetime(2026, 3, 5, 5, 0, tzinfo=timezone.utc))
    rows = followups.lead_follow_ups(session, actor(session, "E01"), lead.id, now=now)
    assert [(r.kind, r.status) for r in rows] == [("visit", "planned"), ("email", "done"), ("call", "done")]
    assert rows[0].id == late.id
    assert (rows[1].outcome, rows[1].completed, rows[1].state) == ("Sent the quote", "05 Mar 2026, 10:30", "done")
