"""Settings → Funnels: the rules that keep every board honest."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import DomainError, PermissionDenied, ValidationError
from hoffice_app.domain.funnel import admin as fa
from hoffice_app.domain.funnel import moves as pipeline
from hoffice_app.models import FunnelStage
from tests.contact_factory import actor
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def _sales(session):
    return pipeline.default_stage(session).funnel_id


def _stage(session, name, funnel_id=None):
    query = select(FunnelStage).where(FunnelStage.name == name)
    if funnel_id:
        query = query.where(FunnelStage.funnel_id == funnel_id)
    return session.exec(query).one()


def _refused(call) -> dict:
    with pytest.raises(ValidationError) as err:
        call()
    return err.value.errors


def test_only_an_admin_manages_funnels(session):
    with pytest.raises(PermissionDenied):
        fa.list_funnels(session, actor(session, "E02"))
    with pytest.raises(PermissionDenied):
        fa.create_funnel(session, actor(session, "E03"), "Dealers")


def test_new_funnel_starts_with_open_won_and_lost(session):
    admin = actor(session, "E01")
    funnel_id = fa.create_funnel(session, admin, "  Dealer   onboarding ")
    stages = fa.list_stages(session, admin, funnel_id)
    assert [(s.name, s.kind) for s in stages] == [("New", "open"), ("Won", "won"), ("Lost", "lost")]
    assert [f.name for f in fa.list_funnels(session, admin)][-1] == "Dealer onboarding"


def test_funnel_names_are_unique_case_insensitive(session):
    admin = actor(session, "E01")
    assert _refused(lambda: fa.create_funnel(session, admin, "sales funnel")) == {
        "name": "A funnel called Sales Funnel already exists."}
    assert _refused(lambda: fa.create_funnel(session, admin, " ")) == {"name": "Enter the funnel's name."}


def test_stage_fields_are_validated_next_to_each_field(session, now):
    admin = actor(session, "E01")
    errors = _refused(lambda: fa.save_stage(session, admin, _sales(session), None, {
        "name": "", "kind": "maybe", "color": "plaid", "probability": "120", "days_to_rot": "x"}, now=now))
    assert set(errors) == {"name", "kind", "color", "probability"}
    errors = _refused(lambda: fa.save_stage(session, admin, _sales(session), None, {
        "name": "Site visit", "kind": "open", "probability": "30%", "days_to_rot": "0"}, now=now))
    assert errors == {"days_to_rot": "Enter whole days from 1 to 365, or leave it blank."}


def test_added_stage_goes_last_with_its_settings(session, now):
    admin = actor(session, "E01")
    stage_id = fa.save_stage(session, admin, _sales(session), None, {
        "name": "Site visit", "kind": "open", "color": "teal", "probability": "30%", "days_to_rot": "5"}, now=now)
    stage = session.get(FunnelStage, stage_id)
    assert (stage.probability, stage.color, stage.days_to_rot) == (30, "teal", 5)
    assert [s.name for s in pipeline.stages(session, _sales(session))][-1] == "Site visit"


def test_stage_names_unique_within_a_funnel(session, now):
    admin = actor(session, "E01")
    errors = _refused(lambda: fa.save_stage(session, admin, _sales(session), None, {"name": "contacted"}, now=now))
    assert errors == {"name": "This funnel already has a stage called contacted."}


def test_a_funnel_has_at_most_twelve_stages(session, now):
    admin = actor(session, "E01")
    for n in range(fa.MAX_STAGES - 7):
        fa.save_stage(session, admin, _sales(session), None, {"name": f"Step {n}"}, now=now)
    errors = _refused(lambda: fa.save_stage(session, admin, _sales(session), None, {"name": "One too many"}, now=now))
    assert "at most 12 stages" in errors["name"]


def test_stage_holding_leads_cannot_be_removed_or_change_kind(session, now):
    admin = actor(session, "E01")
    make_lead(session, admin, now)
    first = _stage(session, "New Inquiry")
    with pytest.raises(DomainError, match="New Inquiry holds 1 leads"):
        fa.remove_stage(session, admin, first.id, now=now)
    errors = _refused(lambda: fa.save_stage(session, admin, first.funnel_id, first.id,
                                            {"name": "New Inquiry", "kind": "won", "probability": "100"}, now=now))
    assert errors == {"kind": "This stage holds 1 leads; move them before changing its kind."}


def test_last_open_stage_stays(session, now):
    admin = actor(session, "E01")
    funnel_id = fa.create_funnel(session, admin, "Dealers")
    new = _stage(session, "New", funnel_id)
    with pytest.raises(DomainError, match="at least one open stage"):
        fa.remove_stage(session, admin, new.id, now=now)
    errors = _refused(lambda: fa.save_stage(session, admin, funnel_id, new.id, {"name": "New", "kind": "lost"},
                                            now=now))
    assert errors == {"kind": "A funnel needs at least one open stage for new leads."}


def test_unused_stage_is_deleted_used_one_hidden_and_revived_by_name(session, now):
    admin = actor(session, "E01")
    funnel = _sales(session)
    assert fa.remove_stage(session, admin, _stage(session, "Negotiation").id, now=now) == "deleted"
    lead = make_lead(session, admin, now)
    demo_stage = _stage(session, "Demo Scheduled")
    pipeline.move_lead(session, admin, lead.id, demo_stage.id, expected_version=1, now=now)
    pipeline.move_lead(session, admin, lead.id, _stage(session, "Contacted").id, expected_version=2, now=now)
    assert fa.remove_stage(session, admin, demo_stage.id, now=now) == "hidden"
    assert "Demo Scheduled" not in [s.name for s in fa.list_stages(session, admin, funnel)]
    revived = fa.save_stage(session, admin, funnel, None, {"name": "demo scheduled", "probability": "45"}, now=now)
    assert revived == demo_stage.id and session.get(FunnelStage, revived).probability == 45


def test_funnel_with_open_leads_stays_active(session, now):
    admin = actor(session, "E01")
    make_lead(session, admin, now)
    with pytest.raises(DomainError, match="still has 1 open leads"):
        fa.set_funnel_active(session, admin, _sales(session), False, now=now)


def test_the_last_active_funnel_stays_active(session, now):
    admin = actor(session, "E01")
    other = fa.create_funnel(session, admin, "Dealers")
    fa.set_funnel_active(session, admin, _sales(session), False, now=now)
    with pytest.raises(DomainError, match="keep at least one funnel active"):
        fa.set_funnel_active(session, admin, other, False, now=now)


def test_moving_a_funnel_first_makes_it_where_new_leads_start(session):
    admin = actor(session, "E01")
    dealers = fa.create_funnel(session, admin, "Dealers")
    fa.move_funnel(session, admin, dealers, -1)
    assert pipeline.default_stage(session).funnel_id == dealers


def test_stage_reorder_changes_the_board_order(session):
    admin = actor(session, "E01")
    fa.move_stage(session, admin, _stage(session, "Contacted").id, -1)
    assert [s.name for s in pipeline.stages(session, _sales(session))][:2] == ["Contacted", "New Inquiry"]
