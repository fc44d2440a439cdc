"""Two people edit one lead: nobody's saved change silently disappears.

The form keeps the values and version it showed; a save against a lead changed
meanwhile merges field by field when the changes do not overlap, and is refused
(who, when, which fields) when they do. A save racing another past that check is
refused by the version on the row itself."""
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from hoffice_app.domain.common import versions
from hoffice_app.domain.funnel import MovedMeanwhile, move_lead
from hoffice_app.domain.leads import form_values
from hoffice_app.domain.leads import save as leads
from hoffice_app.models import FunnelStage, Lead
from tests.lead_factory import actor, demo, engine, make_lead  # noqa: F401

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def _open(session, who, code):
    """What the edit form holds: the values it shows, and what it read."""
    read = form_values(session, who, code)
    typed = {k: (list(v) if isinstance(v, list) else v) for k, v in read.items() if k != "version"}
    return typed, read


def _save(session, who, code, typed, read, at=NOW):
    saved = leads.save_from_form(session, who, typed, now=at, code=code, read=read, version=read["version"])
    session.commit()
    return saved


def test_changes_to_different_fields_are_both_kept(session, executive, manager):
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    a_typed, a_read = _open(session, manager, lead.code)
    b_typed, b_read = _open(session, executive, lead.code)
    _save(session, manager, lead.code, a_typed | {"estimated_value": "250000"}, a_read)
    saved = _save(session, executive, lead.code, b_typed | {"description": "Wants a demo"}, b_read,
                  at=NOW + timedelta(minutes=5))
    session.expire_all()
    row = session.get(Lead, lead.id)
    assert (row.estimated_value, row.description) == (Decimal("250000"), "Wants a demo")
    assert "Ravi Shah had changed this lead meanwhile (estimated value)" in saved.note


def test_a_change_to_the_same_field_is_refused_with_who_when_and_what(session, executive, manager):
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    a_typed, a_read = _open(session, manager, lead.code)
    b_typed, b_read = _open(session, executive, lead.code)
    _save(session, manager, lead.code, a_typed | {"estimated_value": "250000"}, a_read)
    with pytest.raises(versions.EditConflict) as err:
        _save(session, executive, lead.code, b_typed | {"estimated_value": "90000", "description": "x"}, b_read)
    session.rollback()
    assert err.value.message.startswith("Ravi Shah changed this lead at 15:00 on 02 Mar 2026, after you opened it "
                                        "(estimated value). Your change to estimated value was not saved")
    row = session.get(Lead, lead.id)
    assert (row.estimated_value, row.description) == (Decimal("250000"), "")


def test_typing_the_same_value_someone_saved_is_no_conflict(session, executive, manager):
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    a_typed, a_read = _open(session, manager, lead.code)
    b_typed, b_read = _open(session, executive, lead.code)
    _save(session, manager, lead.code, a_typed | {"estimated_value": "5000"}, a_read)
    _save(session, executive, lead.code, b_typed | {"estimated_value": "5000"}, b_read)
    assert session.get(Lead, lead.id).estimated_value == Decimal("5000")


def test_two_saves_racing_past_the_check_cannot_both_land(engine, executive, manager):  # noqa: F811
    with Session(engine) as setup:
        code = make_lead(setup, executive, NOW, assigned_to="E03").code
        setup.commit()
    with Session(engine) as first, Session(engine) as second:
        typed, read = _open(second, executive, code)
        seen = second.get(Lead, read_id(second, code))  # as the second save read it, before the first landed
        leads.save_from_form(first, manager, _open(first, manager, code)[0] | {"title": "First"}, now=NOW,
                             code=code, read=read, version=read["version"])
        first.commit()  # lands between the second save's check and its write: its version is now stale
        with pytest.raises(versions.EditConflict, match="at the same moment"):
            leads.save_lead(second, executive, typed | {"title": "Second"}, now=NOW, lead_id=seen.id)
        second.rollback()
    with Session(engine) as check:
        assert check.get(Lead, read_id(check, code)).title == "First"


def read_id(session, code):
    return session.exec(select(Lead.id).where(Lead.code == code)).one()


def _another_open_stage(session, lead):
    stages = session.exec(select(FunnelStage).where(FunnelStage.funnel_id == lead.funnel_id))
    return next(s for s in stages if s.id != lead.stage_id and s.kind == "open")


def test_an_edit_moves_the_version_a_board_move_checks(session, executive, manager):
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    seen = session.get(Lead, lead.id).version
    typed, read = _open(session, manager, lead.code)
    _save(session, manager, lead.code, typed | {"description": "Edited"}, read)
    other = _another_open_stage(session, lead)
    with pytest.raises(MovedMeanwhile, match="Ravi Shah changed this lead meanwhile"):
        move_lead(session, executive, lead.id, other.id, expected_version=seen, now=NOW)


def test_a_board_move_meanwhile_does_not_block_an_edit(session, executive, manager):
    lead = make_lead(session, executive, NOW, assigned_to="E03")
    typed, read = _open(session, executive, lead.code)
    other = _another_open_stage(session, lead)
    move_lead(session, manager, lead.id, other.id, expected_version=lead.version, now=NOW)
    session.commit()
    _save(session, executive, lead.code, typed | {"description": "After the move"}, read)
    row = session.get(Lead, lead.id)
    assert (row.stage_id, row.description) == (other.id, "After the move")
