"""The lead page's stage card: where the lead is (funnel, stage, days there in the company's
time zone, won/lost day and reason) and "Move to stage", which is the board's own move:
lost needs a reason, a stale version is refused naming who moved it, hidden leads are not
found, and every move writes its timeline line."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select

from hoffice_app.domain import funnel
from hoffice_app.domain.common import NotFound, ValidationError
from hoffice_app.models import FunnelStage, LeadEvent
from tests.contact_factory import actor, master_id
from tests.lead_factory import demo, engine, make_lead  # noqa: F401

NOON_UTC = datetime(2026, 12, 6, 10, 0, tzinfo=timezone.utc)  # 15:30 in Asia/Kolkata


def _stage_id(session, name):
    return session.exec(select(FunnelStage.id).where(FunnelStage.name == name)).one()


def _move(session, who, place, name, **kw):
    return funnel.move_lead(session, who, place.lead_id, _stage_id(session, name), expected_version=place.version,
                            now=kw.pop("now", NOON_UTC), **kw)


def test_shows_the_funnel_stage_and_its_choices(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    place = funnel.lead_stage(session, neha, lead.code.lower(), now=now)  # by code, as the page asks
    assert (place.funnel, place.stage, place.kind, place.version) == ("Sales Funnel", "New Inquiry", "open", 1)
    assert [c.label for c in place.choices][:2] == ["New Inquiry", "Contacted"]
    assert {c.kind for c in place.choices} == {"open", "won", "lost"}
    assert "No budget" in [o.label for o in place.lost_reasons]
    assert (place.closed_on, place.lost_reason) == ("", "")


@pytest.mark.parametrize("entered, days, text", [
    (datetime(2026, 12, 5, 19, 0, tzinfo=timezone.utc), 0, "Entered today"),  # 6 Dec 00:30 in Kolkata
    (datetime(2026, 12, 5, 18, 0, tzinfo=timezone.utc), 1, "1 day in this stage"),  # 5 Dec 23:30 in Kolkata
    (datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc), 10, "10 days in this stage"),
])
def test_days_in_the_stage_are_company_calendar_days(session, now, entered, days, text):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    lead.stage_entered_at = entered
    session.add(lead)
    session.flush()
    place = funnel.lead_stage(session, neha, lead.id, now=NOON_UTC)
    assert (place.days, place.days_text) == (days, text)
    assert place.since == entered.astimezone(timezone(timedelta(hours=5, minutes=30))).strftime("%d %b %Y")


def test_lost_from_the_lead_page_needs_a_reason_then_shows_day_and_reason(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    place = funnel.lead_stage(session, neha, lead.id, now=now)
    with pytest.raises(ValidationError) as err:
        _move(session, neha, place, "Lost")
    assert err.value.errors == {"lost_reason_id": "Choose why the lead was lost."}
    _move(session, neha, place, "Lost", lost_reason_id=str(master_id(session, "lost_reason", "No budget")),
          now=datetime(2026, 12, 6, 20, 0, tzinfo=timezone.utc))  # 7 Dec 01:30 in Kolkata
    after = funnel.lead_stage(session, neha, lead.id, now=NOON_UTC + timedelta(days=1))
    assert (after.stage, after.kind, after.closed_on, after.lost_reason) == ("Lost", "lost", "07 Dec 2026", "No budget")
    assert after.version == place.version + 1
    line = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id, LeadEvent.kind == "stage")).one()
    assert line.text.startswith("Stage: New Inquiry → Lost (lost: No budget)")


def test_won_shows_the_day_it_was_won(session, now):
    neha = actor(session, "E03")
    lead = make_lead(session, neha, now, assigned_to="E03")
    _move(session, neha, funnel.lead_stage(session, neha, lead.id, now=now), "Won")
    after = funnel.lead_stage(session, neha, lead.id, now=NOON_UTC)
    assert (after.kind, after.closed_on, after.lost_reason) == ("won", "06 Dec 2026", "")


def test_a_move_from_a_page_read_before_someone_else_moved_it_is_refused(session, now):
    neha, ravi = actor(session, "E03"), actor(session, "E02")
    lead = make_lead(session, neha, now, assigned_to="E03")
    stale = funnel.lead_stage(session, neha, lead.id, now=now)
    _move(session, ravi, funnel.lead_stage(session, ravi, lead.id, now=now), "Contacted")
    with pytest.raises(funnel.MovedMeanwhile) as err:
        _move(session, neha, stale, "Negotiation")
    assert err.value.message.startswith("Ravi Shah changed this lead meanwhile; it is in Contacted now")
    assert funnel.lead_stage(session, neha, lead.id, now=now).stage == "Contacted"


def test_someone_who_may_not_see_the_lead_gets_not_found(session, now):
    lead = make_lead(session, actor(session, "E04"), now, assigned_to="E04")
    with pytest.raises(NotFound):
        funnel.lead_stage(session, actor(session, "E03"), lead.id, now=now)
