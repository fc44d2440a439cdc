"""Moving a lead between funnel stages: lost needs a reason, won makes a
customer, every move is logged, and a stale move is refused with who moved it."""
from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain.common import NotFound, ValidationError
from hoffice_app.domain.funnel import moves as pipeline
from hoffice_app.models import Contact, FunnelStage, StageChange
from tests.contact_factory import actor, master_id
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def _stage(session, name):
    return session.exec(select(FunnelStage).where(FunnelStage.name == name)).one()


def test_new_lead_starts_in_the_first_open_stage(session, now):
    lead = make_lead(session, actor(session, "E03"), now, assigned_to="E03")
    assert lead.stage_id == _stage(session, "New Inquiry").id and lead.version == 1


def test_move_is_logged_with_time_in_previous_stage(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    later = now + timedelta(days=2)
    pipeline.move_lead(session, neha, lead.id, _stage(session, "Contacted").id, expected_version=1, now=later)
    change = session.exec(select(StageChange).where(StageChange.lead_id == lead.id)).one()
    assert (change.from_stage_id, change.to_stage_id) == (_stage(session, "New Inquiry").id,
                                                          _stage(session, "Contacted").id)
    assert change.seconds_in_previous == 2 * 86400 and change.actor_id == neha.id
    assert lead.version == 2 and lead.is_open


def test_lost_needs_a_reason(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    lost = _stage(session, "Lost").id
    with pytest.raises(ValidationError) as err:
        pipeline.move_lead(session, neha, lead.id, lost, expected_version=1, now=now)
    assert err.value.errors == {"lost_reason_id": "Choose why the lead was lost."}
    pipeline.move_lead(session, neha, lead.id, lost, expected_version=1, now=now,
                       lost_reason_id=master_id(session, "lost_reason", "No budget"))
    assert not lead.is_open and lead.closed_at == now


def test_won_closes_the_lead_and_makes_the_contact_a_customer(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    assert not session.get(Contact, lead.contact_id).is_customer
    pipeline.move_lead(session, neha, lead.id, _stage(session, "Won").id, expected_version=1, now=now)
    assert session.get(Contact, lead.contact_id).is_customer and not lead.is_open


def test_stale_move_is_refused_naming_who_moved_it(session, now):
    neha, ravi = actor(session, "E03"), actor(session, "E02")
    lead = make_lead(session, neha, now, assigned_to="E03")
    pipeline.move_lead(session, ravi, lead.id, _stage(session, "Contacted").id, expected_version=1, now=now)
    with pytest.raises(pipeline.MovedMeanwhile) as err:
        pipeline.move_lead(session, neha, lead.id, _stage(session, "Negotiation").id, expected_version=1, now=now)
    assert err.value.message.startswith("Ravi Shah changed this lead meanwhile; it is in Contacted now")
    assert lead.stage_id == _stage(session, "Contacted").id and lead.version == 2


def test_hidden_lead_cannot_be_moved(session, now):
    lead = make_lead(session, actor(session, "E04"), now, assigned_to="E04")
    with pytest.raises(NotFound):
        pipeline.move_lead(session, actor(session, "E03"), lead.id, _stage(session, "Contacted").id,
                           expected_version=1, now=now)


def test_column_totals_count_value_and_weighted_value(session, now):
    neha = actor(session, "E03")
    make_lead(session, neha, now, assigned_to="E03", estimated_value="100000")
    make_lead(session, neha, now, contact_name="Anubis Traders", assigned_to="E03", estimated_value="50000")
    make_lead(session, actor(session, "E04"), now, contact_name="Osiris Ltd", assigned_to="E04",
              estimated_value="999999")
    totals = {t.name: t for t in pipeline.column_totals(session, neha, _stage(session, "New Inquiry").funnel_id)}
    first = totals["New Inquiry"]
    assert (first.count, first.value, first.weighted) == (2, 150000, 15000)
    assert totals["Won"].count == 0 and len(totals) == 7
