"""Two administrators edit one stage or rename one funnel: nobody's saved change silently
disappears; a reorder or a switch-off meanwhile blocks nobody's edit."""
from sqlmodel import select

from hoffice_app.domain.funnel import admin as fa
from hoffice_app.domain.funnel import funnel_values, stage_values
from hoffice_app.models import Funnel, FunnelStage
from tests.contact_factory import demo, engine  # noqa: F401
from tests.edit_race import Dialog, race, ravi_admin, refused  # noqa: F401


def _contacted(session) -> FunnelStage:
    return session.exec(select(FunnelStage).where(FunnelStage.name.in_(("Contacted", "First call")))).one()


def _stage_view(session, who):
    stage = _contacted(session)
    return next(v for v in fa.list_stages(session, who, stage.funnel_id) if v.id == stage.id)


STAGE = Dialog(
    open=lambda s, who: stage_values(_stage_view(s, who)),
    save=lambda s, who, typed, read, now: fa.edit_stage(s, who, _contacted(s).funnel_id, _contacted(s).id, typed,
                                                        now=now, read=read, version=read["version"]))


def test_a_stage_changed_twice_in_one_field_keeps_the_first_and_names_who(session, now, admin, ravi_admin):  # noqa
    outcome = race(session, STAGE, admin, ravi_admin, now, ravi_types={"probability": "25"},
                   asha_types={"probability": "30", "color": "teal"})
    assert "Your change to probability was not saved" in refused(outcome, "stage", "probability")
    stage = _contacted(session)
    assert (stage.probability, stage.color, stage.updated_by_id) == (25, "cyan", ravi_admin.id)


def test_a_stage_changed_in_different_fields_keeps_both(session, now, admin, ravi_admin):  # noqa: F811
    saved = race(session, STAGE, admin, ravi_admin, now, ravi_types={"name": "First call"},
                 asha_types={"color": "teal", "days_to_rot": "5"})
    assert saved.note == "Ravi Shah had changed this stage meanwhile (name); both changes are saved."
    stage = _contacted(session)
    assert (stage.name, stage.color, stage.days_to_rot, stage.updated_by_id) == ("First call", "teal", 5, admin.id)


def test_a_reorder_meanwhile_blocks_no_stage_edit(session, now, admin, ravi_admin):  # noqa: F811
    read = STAGE.open(session, admin)
    fa.move_stage(session, ravi_admin, _contacted(session).id, -1)
    session.commit()
    assert _contacted(session).version != read["version"]
    saved = STAGE.save(session, admin, read | {"probability": "35"}, read, now)
    assert (saved.note, _contacted(session).probability, _contacted(session).position) == ("", 35, 1)


def _sales(session) -> Funnel:
    return session.exec(select(Funnel).order_by(Funnel.id)).first()


RENAME = Dialog(
    open=lambda s, who: funnel_values(next(f for f in fa.list_funnels(s, who) if f.id == _sales(s).id)),
    save=lambda s, who, typed, read, now: fa.edit_funnel_name(s, who, _sales(s).id, typed["name"], now=now,
                                                              read=read, version=read["version"]))


def test_a_funnel_renamed_twice_keeps_the_first_and_names_who(session, now, admin, ravi_admin):  # noqa: F811
    outcome = race(session, RENAME, admin, ravi_admin, now, ravi_types={"name": "Direct sales"},
                   asha_types={"name": "Retail sales"})
    refused(outcome, "funnel", "name")
    assert (_sales(session).name, _sales(session).updated_by_id) == ("Direct sales", ravi_admin.id)


def test_a_switch_off_meanwhile_blocks_no_rename(session, now, admin, ravi_admin):  # noqa: F811
    fa.create_funnel(session, admin, "Dealers")
    session.commit()
    read = RENAME.open(session, admin)
    fa.set_funnel_active(session, ravi_admin, _sales(session).id, False, now=now)
    session.commit()
    saved = RENAME.save(session, admin, {"name": "Direct sales"}, read, now)
    funnel = _sales(session)
    assert (saved.note, funnel.name, funnel.active, funnel.updated_by_id) == ("", "Direct sales", False, admin.id)
