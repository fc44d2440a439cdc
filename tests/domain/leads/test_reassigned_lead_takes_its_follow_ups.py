"""Re-assigning a lead (one by its form, many from the list) hands its open follow-ups to the new
assignee: the previous one may no longer see the lead, and the follow-up would sit in nobody's
list. Done follow-ups, and ones planned for somebody else, stay as they were."""
from datetime import datetime, timezone

from sqlmodel import select

from hoffice_app.domain import followups
from hoffice_app.domain.leads import form_values, reassign
from hoffice_app.domain.leads import save as leads
from hoffice_app.models import FollowUp, LeadEvent
from tests.lead_factory import actor, demo, employee_id, engine, make_lead  # noqa: F401

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def _plan(session, who, lead, due, **extra):
    return followups.schedule(session, who, lead.id, {"kind": "call", "due_at": due, **extra}, now=NOW)


def _assignees(session, lead_id):
    rows = session.exec(select(FollowUp).where(FollowUp.lead_id == lead_id).order_by(FollowUp.id)).all()
    return [(row.status, row.assignee_id) for row in rows]


def _moved_lines(session, lead_id):
    return [e.text for e in session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead_id)
                                         .order_by(LeadEvent.id)) if "follow-up" in e.text]


def test_bulk_reassignment_moves_open_follow_ups_and_says_so(session, executive, demo):  # noqa: F811
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    _plan(session, executive, lead, "2026-03-05T10:00")
    _plan(session, executive, lead, "2026-03-06T10:00")
    done = _plan(session, executive, lead, "2026-03-04T10:00")
    followups.complete(session, executive, done.id, "Called, will call back", None, now=NOW)
    manager = actor(session, "E02")
    result = reassign(session, manager, [lead.id], employee_id(session, "E05"), now=NOW)
    assert (result.leads, result.follow_ups) == (1, 2)
    priya, neha = employee_id(session, "E05"), employee_id(session, "E03")
    assert _assignees(session, lead.id) == [("planned", priya), ("planned", priya), ("done", neha)]
    assert [v.lead_code for v in followups.my_follow_ups(session, actor(session, "E05"), now=NOW).upcoming] == \
        [lead.code, lead.code]
    assert _moved_lines(session, lead.id) == ["2 open follow-ups moved to Priya Desai"]


def test_reassigning_one_lead_on_its_form_moves_them_too(session, executive, demo):  # noqa: F811
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    _plan(session, executive, lead, "2026-03-05T10:00")
    admin = actor(session, "E01")
    data = form_values(session, admin, lead.code) | {"assigned_to_id": str(employee_id(session, "E04"))}
    leads.save_lead(session, admin, data, now=NOW, lead_id=lead.id)
    assert _assignees(session, lead.id) == [("planned", employee_id(session, "E04"))]
    assert _moved_lines(session, lead.id) == ["1 open follow-up moved to Karan Mehta"]


def test_a_follow_up_planned_for_someone_else_stays_with_them(session, executive, demo):  # noqa: F811
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    manager = actor(session, "E02")
    _plan(session, manager, lead, "2026-03-05T10:00", assignee_id=str(employee_id(session, "E02")))
    result = reassign(session, manager, [lead.id], employee_id(session, "E05"), now=NOW)
    assert (result.leads, result.follow_ups) == (1, 0)
    assert _assignees(session, lead.id) == [("planned", employee_id(session, "E02"))]
    assert _moved_lines(session, lead.id) == []
