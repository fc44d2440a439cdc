"""Divisions limit who sees a contact: mapped to divisions, only employees of one of them
(and administrators) see it; with no division, everyone. Privacy still applies on top.
The company setting turns the rule off (on by default), and then — as for an
administrator — the query carries no division condition at all. The cases shared with
private contacts (lists, pickers, counts, URLs, duplicates) run in the privacy tests
next door for both limits (contact_factory.HIDDEN_BY)."""
import pytest
from sqlalchemy import delete
from sqlmodel import select

from hoffice_app.domain.common import NotFound, PermissionDenied, ValidationError
from hoffice_app.domain.contacts import (
    ContactQuery,
    contact_detail,
    divisions_limit,
    get_visible,
    pick_contacts,
    search_contacts,
    visible_clause,
)
from hoffice_app.domain.masters import settings
from hoffice_app.models import Contact, EmployeeDivision
from tests.contact_factory import (  # noqa: F401  (fixtures: a copy of one seeded database)
    actor,
    contact_data,
    demo,
    engine,
    make_contact,
    make_divisional,
    make_private,
    master_id,
    move_to_division,
    refused,
    set_divisions_limit,
)


def _names(session, code, **query):
    return [r.name for r in search_contacts(session, actor(session, code), ContactQuery(**query)).rows]


@pytest.fixture
def office(session, admin, now):
    """Open Traders (no division), Corp Client (corpteaser), Both Ways (both divisions);
    E04 and E05 work in hoffice only, E03 in both."""
    make_contact(session, admin, now, "Open Traders")
    corp = make_divisional(session, admin, now, "Corp Client", outsiders=("E04", "E05"))
    both = [str(master_id(session, "division", d)) for d in ("hoffice", "corpteaser")]
    make_contact(session, admin, now, "Both Ways", division_ids=both)
    session.commit()
    return corp


def test_on_by_default_and_who_sees_what(session, office):
    assert divisions_limit(session) is True
    assert _names(session, "E04") == ["Both Ways", "Open Traders"]
    assert _names(session, "E03") == _names(session, "E01") == ["Both Ways", "Corp Client", "Open Traders"]


def test_an_employee_of_no_division_sees_only_contacts_of_no_division(session, office):
    session.exec(delete(EmployeeDivision).where(EmployeeDivision.employee_id == actor(session, "E05").id))
    assert _names(session, "E05") == ["Open Traders"]


def test_a_change_of_divisions_applies_at_once(session, office):
    assert _names(session, "E04", text="corp") == []
    move_to_division(session, ["E04"], "corpteaser")
    assert _names(session, "E04", text="corp") == ["Corp Client"]
    assert _names(session, "E04") == ["Both Ways", "Corp Client", "Open Traders"]


def test_privacy_still_applies_inside_the_division(session, admin, now, office):
    corp_id = str(master_id(session, "division", "corpteaser"))
    make_private(session, admin, now, "Quiet Corp", shared_with=("E04",), division_ids=[corp_id])
    make_private(session, admin, now, "Quiet Home", shared_with=("E03",),
                 division_ids=[str(master_id(session, "division", "hoffice"))])
    assert _names(session, "E04", text="quiet") == []  # shared with them, but not their division
    assert _names(session, "E03", text="quiet") == ["Quiet Home"]  # their division, and shared with them
    assert _names(session, "E02", text="quiet") == []  # in both divisions, shared with neither


def test_setting_off_everyone_sees_every_division(session, now, office):
    set_divisions_limit(session, now, False)
    assert divisions_limit(session) is False
    assert _names(session, "E04") == ["Both Ways", "Corp Client", "Open Traders"]
    karan = actor(session, "E04")
    assert contact_detail(session, karan, office.code).display_name.endswith("Corp Client")
    assert [o.label for o in pick_contacts(session, karan, "corp")] == [f"Corp Client · {office.code}"]
    set_divisions_limit(session, now, True)
    with pytest.raises(NotFound):
        get_visible(session, karan, code=office.code)


def test_no_division_condition_for_an_administrator_or_with_the_setting_off(session, now, office):
    """Keeps the 100,000-contact list as fast as before for them: nothing added to the SQL."""
    def sql(code):
        return str(select(Contact.id).where(visible_clause(session, actor(session, code))))

    assert "contact_division" in sql("E04")
    assert "contact_division" not in sql("E01")
    set_divisions_limit(session, now, False)
    assert "contact_division" not in sql("E04") and "contact_privacy" in sql("E04")


def test_the_setting_takes_on_or_off_only(session, now):
    with pytest.raises(ValidationError) as err:
        settings.update_defaults(session, actor(session, "E01"), {"divisions_limit_access": "maybe"}, now=now)
    assert err.value.errors == {"divisions_limit_access": "Choose on or off."}
    with pytest.raises(PermissionDenied):
        settings.update_defaults(session, actor(session, "E03"), {"divisions_limit_access": "0"}, now=now)
    assert settings.get_defaults(session, actor(session, "E03")).divisions_limit_access == "1"


def test_an_executive_cannot_map_a_contact_away_from_all_their_divisions(session, now, office):
    """They would lose it on saving (as whoever makes a contact private stays on its list)."""
    karan, corp = actor(session, "E04"), str(master_id(session, "division", "corpteaser"))
    data = contact_data(session, "Far Away Traders", division_ids=[corp])
    assert refused(session, karan, now, data) == {
        "division_ids": "Include one of your own divisions: only their employees see this contact."}
    home = str(master_id(session, "division", "hoffice"))
    assert make_contact(session, karan, now, "Near Traders", division_ids=[corp, home]).code
    set_divisions_limit(session, now, False)
    assert make_contact(session, karan, now, "Far Away Traders", division_ids=[corp]).code
