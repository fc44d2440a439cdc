"""Setting the status of many leads at once, each with its timeline line."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.leads import bulk_set_status
from hoffice_app.models import Lead, LeadEvent, MasterEntry
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, master_id, new_lead  # noqa: F401


def status_events(session, lead_id):
    return [e.text for e in session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead_id,
                                                                  LeadEvent.kind == "status"))]


def test_sets_status_and_records_the_change(session, now, demo):  # noqa: F811
    prospect = new_lead(session, now, "was prospect", status="Prospect", assigned_to="E03")
    blank = new_lead(session, now, "had none", assigned_to="E03")
    qualified = master_id(session, "lead_status", "Qualified Opportunity")
    n = bulk_set_status(session, actor(session, "E03"), [prospect.id, blank.id], str(qualified), now=now)
    assert n == 2
    assert session.get(Lead, prospect.id).status_id == qualified
    assert status_events(session, prospect.id) == ["Status: Prospect → Qualified Opportunity"]
    assert status_events(session, blank.id) == ["Status: nobody → Qualified Opportunity"]


def test_leads_already_in_that_status_are_not_counted(session, now, demo):  # noqa: F811
    lead = new_lead(session, now, "already", status="Lead")
    assert bulk_set_status(session, actor(session, "E01"), [lead.id], master_id(session, "lead_status", "Lead"),
                           now=now) == 0
    assert status_events(session, lead.id) == []


@pytest.mark.parametrize("kind,name", [("lead_priority", "High"), ("contact_type", "Customer"),
                                       ("campaign", "Website")])
def test_status_must_be_a_lead_status(session, now, demo, kind, name):  # noqa: F811
    lead = new_lead(session, now, "stays", status="Prospect")
    with pytest.raises(ValidationError) as err:
        bulk_set_status(session, actor(session, "E01"), [lead.id], master_id(session, kind, name), now=now)
    assert list(err.value.errors) == ["status_id"]
    assert session.get(Lead, lead.id).status_id == master_id(session, "lead_status", "Prospect")


@pytest.mark.parametrize("bad", ["", "x", "999999", None])
def test_status_must_exist(session, now, demo, bad):  # noqa: F811
    with pytest.raises(ValidationError):
        bulk_set_status(session, actor(session, "E01"), [], bad, now=now)


def test_deactivated_status_is_refused(session, now, demo):  # noqa: F811
    lead = new_lead(session, now, "stays")
    entry = session.get(MasterEntry, master_id(session, "lead_status", "Lead"))
    entry.active = False
    session.add(entry)
    session.flush()
    with pytest.raises(ValidationError):
        bulk_set_status(session, actor(session, "E01"), [lead.id], entry.id, now=now)
