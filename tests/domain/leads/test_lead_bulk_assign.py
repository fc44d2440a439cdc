"""Assigning many leads at once: each changed lead gets its assignee, the time
of assignment and a timeline line, like editing the lead would."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.leads import bulk_assign
from hoffice_app.models import Employee, Lead, LeadEvent
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine, new_lead  # noqa: F401


def events(session, lead_id, kind="assigned"):
    return [e.text for e in session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead_id,
                                                                  LeadEvent.kind == kind).order_by(LeadEvent.id))]


def test_assigns_each_lead_and_records_who_had_it(session, now, demo):  # noqa: F811
    neha = new_lead(session, now, "had neha", assigned_to="E03")
    nobody = new_lead(session, now, "had nobody", created_by="E02")
    later = now.replace(hour=11)
    n = bulk_assign(session, actor(session, "E02"), [neha.id, nobody.id], str(employee_id(session, "E05")), now=later)
    assert n == 2
    for lead in (neha, nobody):
        session.refresh(lead)
        assert (lead.assigned_to_id, lead.assigned_at, lead.updated_at) == (employee_id(session, "E05"), later, later)
    assert events(session, neha.id) == ["Assigned to Priya Desai (was Neha Joshi)"]
    assert events(session, nobody.id) == ["Assigned to Priya Desai (was nobody)"]
    event = session.exec(select(LeadEvent).where(LeadEvent.lead_id == neha.id, LeadEvent.kind == "assigned")).one()
    assert (event.actor_id, event.at) == (employee_id(session, "E02"), later)


def test_leads_already_with_that_employee_are_not_counted_or_logged(session, now, demo):  # noqa: F811
    same = new_lead(session, now, "already priya's", assigned_to="E05")
    other = new_lead(session, now, "neha's", assigned_to="E03")
    n = bulk_assign(session, actor(session, "E01"), [same.id, other.id, other.id], employee_id(session, "E05"), now=now)
    assert n == 1
    assert events(session, same.id) == []
    assert len(events(session, other.id)) == 1


def test_missing_or_odd_ids_are_skipped(session, now, demo):  # noqa: F811
    lead = new_lead(session, now, "real")
    n = bulk_assign(session, actor(session, "E01"), [lead.id, 999999, "x", None, -1], employee_id(session, "E03"),
                    now=now)
    assert n == 1


def test_nothing_selected_changes_nothing(session, now, demo):  # noqa: F811
    assert bulk_assign(session, actor(session, "E01"), [], employee_id(session, "E03"), now=now) == 0


@pytest.mark.parametrize("who", ["", "abc", "999999", None])
def test_assignee_must_be_an_employee(session, now, demo, who):  # noqa: F811
    lead = new_lead(session, now, "stays", assigned_to="E03")
    with pytest.raises(ValidationError) as err:
        bulk_assign(session, actor(session, "E01"), [lead.id], who, now=now)
    assert list(err.value.errors) == ["assigned_to_id"]
    session.refresh(lead)
    assert lead.assigned_to_id == employee_id(session, "E03")


def test_assignee_must_be_active(session, now, demo):  # noqa: F811
    lead = new_lead(session, now, "stays", assigned_to="E03")
    gone = session.exec(select(Employee).where(Employee.code == "E05")).one()
    gone.active = False
    session.add(gone)
    session.flush()
    with pytest.raises(ValidationError):
        bulk_assign(session, actor(session, "E01"), [lead.id], gone.id, now=now)
    assert session.get(Lead, lead.id).assigned_to_id == employee_id(session, "E03")


def test_too_many_at_once_is_refused(session, now, demo):  # noqa: F811
    with pytest.raises(ValidationError):
        bulk_assign(session, actor(session, "E01"), list(range(1, 5002)), employee_id(session, "E03"), now=now)
