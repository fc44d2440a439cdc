"""Who may open a lead by its code: admins all; managers their team's, own and
followed; executives assigned, created or followed. The refusal reads the same
as for a lead that does not exist."""
import pytest

from hoffice_app.domain.common import NotFound
from hoffice_app.domain.leads import access as lead_access
from tests.contact_factory import actor, employee_id
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def _sees(session, code: str, lead) -> bool:
    try:
        lead_access.get_visible(session, actor(session, code), code=lead.code)
        return True
    except NotFound as err:
        assert err.message == "No such lead, or it is not shared with you."
        return False


def test_executives_see_their_own_and_not_each_others(session, now):
    karan_lead = make_lead(session, actor(session, "E04"), now, assigned_to="E04")
    assert _sees(session, "E04", karan_lead)
    assert not _sees(session, "E03", karan_lead)
    assert _sees(session, "E01", karan_lead)  # admin
    assert _sees(session, "E02", karan_lead)  # Karan reports to Ravi


def test_assigned_to_someone_else_stays_visible_to_its_creator(session, now):
    lead = make_lead(session, actor(session, "E03"), now, assigned_to="E04")
    assert _sees(session, "E03", lead) and _sees(session, "E04", lead)
    assert not _sees(session, "E05", lead)


def test_a_follower_sees_the_lead(session, now):
    lead = make_lead(session, actor(session, "E04"), now, assigned_to="E04",
                     follower_employee_ids=[str(employee_id(session, "E05"))])
    assert _sees(session, "E05", lead)
    assert not _sees(session, "E03", lead)


def test_manager_does_not_see_an_admins_lead_outside_the_team(session, now):
    lead = make_lead(session, actor(session, "E01"), now, assigned_to=None)
    assert not _sees(session, "E02", lead)
    assert _sees(session, "E01", lead)


def test_missing_code_reads_like_a_hidden_one(session, now):
    with pytest.raises(NotFound) as err:
        lead_access.get_visible(session, actor(session, "E03"), code="L999999")
    assert err.value.message == "No such lead, or it is not shared with you."
