"""Each plan and completion leaves a line on the lead's timeline, by whom and when."""
from datetime import datetime, timezone

import pytest
from sqlmodel import select

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.followups import service as followups
from hoffice_app.models import LeadEvent
from tests.lead_factory import demo, engine, make_lead  # noqa: F401  (fixtures: a copy of one seeded database)

LATER = datetime(2026, 3, 2, 11, 0, tzinfo=timezone.utc)


def _events(session, lead):
    rows = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id, LeadEvent.kind.like("follow_up%"))
                        .order_by(LeadEvent.id)).all()
    return [(e.kind, e.text, e.actor_id, e.at) for e in rows]


def test_planning_is_recorded(session, manager, now):
    lead = make_lead(session, manager, now, assigned_to="E03")
    followups.schedule(session, manager, lead.id, {"kind": "call", "due_at": "2026-11-26T10:30"}, now=now)
    assert _events(session, lead) == [
        ("follow_up_planned", "Call planned for 26 Nov 2026, 10:30 with Neha Joshi", manager.id, now)]


def test_completing_with_next_records_done_then_planned(session, executive, now):
    lead = make_lead(session, executive, now, assigned_to="E03")
    call = followups.schedule(session, executive, lead.id, {"kind": "email", "due_at": "2026-03-02T16:00"}, now=now)
    followups.complete(session, executive, call.id, "Sent the price list",
                       {"kind": "whatsapp", "due_at": "2026-03-04T09:05"}, now=LATER)
    assert _events(session, lead)[1:] == [
        ("follow_up_done", "E-mail done: Sent the price list", executive.id, LATER),
        ("follow_up_planned", "WhatsApp planned for 04 Mar 2026, 09:05 with Neha Joshi", executive.id, LATER)]
    assert lead.updated_at == LATER


def test_refused_requests_leave_no_line(session, executive, now):
    lead = make_lead(session, executive, now)
    with pytest.raises(ValidationError):
        followups.schedule(session, executive, lead.id, {"kind": "", "due_at": ""}, now=now)
    assert _events(session, lead) == []
