"""Moving a lead to another funnel: as a stage move, whoever sees the lead may move it, a
stale move is refused changing nothing, a lost stage needs a reason; the move is logged
(stage change, timeline) and both funnels' boards hear of it."""
from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain import funnel
from hoffice_app.domain.common import NotFound, ValidationError
from hoffice_app.domain.funnel import admin as fa
from hoffice_app.domain.funnel import transfer
from hoffice_app.models import FunnelStage, LeadEvent, StageChange
from tests.contact_factory import actor, master_id
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def _stage(session, funnel_id, name) -> int:
    return session.exec(select(FunnelStage.id).where(FunnelStage.funnel_id == funnel_id,
                                                     FunnelStage.name == name)).one()


def _setup(session, now):
    dealers = fa.create_funnel(session, actor(session, "E01"), "Dealers")
    neha = actor(session, "E03")
    return neha, dealers, make_lead(session, neha, now, assigned_to="E03")


def test_move_is_logged_and_starts_the_time_in_the_new_stage(session, now, monkeypatch):
    neha, dealers, lead = _setup(session, now)
    heard = []
    monkeypatch.setattr(transfer, "announce", lambda _s, news: heard.append((news.key, news.data["to"])))
    sales, first = lead.funnel_id, lead.stage_id
    later = now + timedelta(days=3)
    funnel.move_to_funnel(session, neha, lead.id, _stage(session, dealers, "New"), expected_version=1, now=later)
    assert (lead.funnel_id, lead.stage_id, lead.stage_entered_at, lead.version) == \
        (dealers, _stage(session, dealers, "New"), later, 2)
    change = session.exec(select(StageChange).where(StageChange.lead_id == lead.id)).one()
    assert (change.from_stage_id, change.to_stage_id, change.seconds_in_previous, change.actor_id) == \
        (first, _stage(session, dealers, "New"), 3 * 86400, neha.id)
    line = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id, LeadEvent.kind == "stage")).one()
    assert line.text == ("Moved from funnel Sales Funnel · New Inquiry to funnel Dealers · New, "
                         "after 3 days in New Inquiry")
    assert heard == [(dealers, lead.stage_id), (sales, lead.stage_id)]  # the card lands on one board, leaves the other


def test_the_dialog_offers_the_other_active_funnels_and_their_stages(session, now):
    neha, dealers, lead = _setup(session, now)
    found = funnel.funnel_move_choices(session, neha, lead.code)
    assert (found.where, found.version, [o.label for o in found.funnels]) == \
        ("Sales Funnel · New Inquiry", 1, ["Dealers"])
    assert [o.label for o in found.stages[str(dealers)]] == ["New", "Won", "Lost"]
    assert found.first_open[str(dealers)] == str(_stage(session, dealers, "New"))
    assert found.lost == [str(_stage(session, dealers, "Lost"))]


def test_someone_who_cannot_see_the_lead_cannot_move_it(session, now):
    _neha, dealers, lead = _setup(session, now)
    with pytest.raises(NotFound):
        funnel.move_to_funnel(session, actor(session, "E04"), lead.id, _stage(session, dealers, "New"),
                              expected_version=1, now=now)
    with pytest.raises(NotFound):
        funnel.funnel_move_choices(session, actor(session, "E04"), lead.code)
    funnel.move_to_funnel(session, actor(session, "E02"), lead.id, _stage(session, dealers, "New"),  # her manager
                          expected_version=1, now=now)
    assert lead.funnel_id == dealers


def test_a_stale_move_is_refused_naming_who_changed_the_lead(session, now):
    neha, dealers, lead = _setup(session, now)
    contacted = session.exec(select(FunnelStage.id).where(FunnelStage.name == "Contacted")).one()
    funnel.move_lead(session, actor(session, "E02"), lead.id, contacted, expected_version=1, now=now)
    with pytest.raises(funnel.FunnelChangedMeanwhile) as err:
        funnel.move_to_funnel(session, neha, lead.id, _stage(session, dealers, "New"), expected_version=1, now=now)
    assert err.value.message == ("Ravi Shah changed this lead meanwhile; it is in Sales Funnel · Contacted now. "
                                 "Nothing was moved: check the lead and move it again if you still want to.")
    assert (lead.stage_id, lead.version) == (contacted, 2)


def test_a_lost_stage_needs_a_reason_and_the_target_must_be_another_funnel(session, now):
    neha, dealers, lead = _setup(session, now)
    lost = _stage(session, dealers, "Lost")
    with pytest.raises(ValidationError) as err:
        funnel.move_to_funnel(session, neha, lead.id, lost, expected_version=1, now=now)
    assert err.value.errors == {"lost_reason_id": "Choose why the lead was lost."}
    with pytest.raises(ValidationError) as err:
        funnel.move_to_funnel(session, neha, lead.id, lead.stage_id, expected_version=1, now=now)
    assert set(err.value.errors) == {"funnel"}
    with pytest.raises(ValidationError) as err:
        funnel.move_to_funnel(session, neha, lead.id, "", expected_version=1, now=now)
    assert set(err.value.errors) == {"stage"}
    no_budget = master_id(session, "lost_reason", "No budget")
    funnel.move_to_funnel(session, neha, lead.id, lost, expected_version=1, now=now, lost_reason_id=no_budget)
    assert (lead.funnel_id, lead.is_open, lead.closed_at, lead.lost_reason_id) == (dealers, False, now, no_budget)
    line = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id, LeadEvent.kind == "stage")).one()
    assert line.text.startswith("Moved from funnel Sales Funnel · New Inquiry to funnel Dealers · Lost "
                                "(lost: No budget)")
