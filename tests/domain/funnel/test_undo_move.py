"""A board move's Undo: the same move back, refused when anyone changed the lead since;
undoing a move to lost reopens the lead, clearing its lost reason and closing time."""
from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain import funnel
from hoffice_app.models import FunnelStage, LeadEvent
from tests.contact_factory import actor, master_id
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def _stage(session, name):
    return session.exec(select(FunnelStage).where(FunnelStage.name == name)).one()


def test_undo_puts_a_lost_lead_back_open(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    lost, reason = _stage(session, "Lost").id, master_id(session, "lost_reason", "No budget")
    _lead, _news, undo = funnel.move_undoably(session, neha, lead.id, lost, expected_version=1, now=now,
                                              lost_reason_id=reason)
    assert (undo.back_to, undo.version, undo.code, undo.moved_to) == (_stage(session, "New Inquiry").id, 2,
                                                                      lead.code, "Lost")
    assert not lead.is_open and lead.closed_at == now and lead.lost_reason_id == reason
    later = now + timedelta(seconds=5)
    funnel.undo_move(session, neha, lead.id, version=undo.version, back_to=undo.back_to,
                     lost_reason_id=undo.lost_reason_id, now=later)
    assert lead.stage_id == undo.back_to and lead.is_open and lead.closed_at is None and lead.lost_reason_id is None
    assert lead.version == 3
    lines = session.exec(select(LeadEvent.text).where(LeadEvent.lead_id == lead.id, LeadEvent.kind == "stage")
                         .order_by(LeadEvent.id)).all()
    assert lines[-1].startswith("Stage: Lost → New Inquiry")


def test_undo_back_into_lost_restores_the_reason(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    reason = master_id(session, "lost_reason", "No budget")
    funnel.move_lead(session, neha, lead.id, _stage(session, "Lost").id, expected_version=1, now=now,
                     lost_reason_id=reason)
    _lead, _news, undo = funnel.move_undoably(session, neha, lead.id, _stage(session, "Contacted").id,
                                              expected_version=2, now=now)
    assert lead.is_open and undo.lost_reason_id == reason
    funnel.undo_move(session, neha, lead.id, version=undo.version, back_to=undo.back_to,
                     lost_reason_id=undo.lost_reason_id, now=now)
    assert not lead.is_open and lead.lost_reason_id == reason


def test_undo_is_refused_when_someone_changed_the_lead_since(session, now):
    neha, ravi = actor(session, "E03"), actor(session, "E02")
    lead = make_lead(session, neha, now, assigned_to="E03")
    _lead, _news, undo = funnel.move_undoably(session, neha, lead.id, _stage(session, "Contacted").id,
                                              expected_version=1, now=now)
    funnel.move_lead(session, ravi, lead.id, _stage(session, "Demo Scheduled").id, expected_version=undo.version,
                     now=now)
    with pytest.raises(funnel.UndoRefused) as err:
        funnel.undo_move(session, neha, lead.id, version=undo.version, back_to=undo.back_to, now=now)
    assert str(err.value) == ("Not undone: Ravi Shah changed this lead after your move; it is in Demo Scheduled "
                              "now and shown where it is.")
    assert lead.stage_id == _stage(session, "Demo Scheduled").id


def test_a_move_to_the_same_stage_has_nothing_to_undo(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    assert funnel.move_undoably(session, neha, lead.id, lead.stage_id, expected_version=1, now=now)[2] is None
