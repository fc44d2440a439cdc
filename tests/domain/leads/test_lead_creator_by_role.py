"""Who may name a lead's creator ("Created by"): it decides who sees the lead and who is
credited, so an executive cannot name somebody else (the forged "Created by"). Admins name
anyone; managers someone of their team, on their team's leads; executives are the creator of
what they create and never change it. Demo: E01 admin, E02 manager of E03, E04, E05."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.leads import creator_field, form_values
from hoffice_app.domain.leads import save as leads
from hoffice_app.domain.org import employees
from tests.lead_factory import actor, demo, employee_id, engine, lead_data, make_contact  # noqa: F401

FIXED = "Only a manager or an administrator can change who created a lead."


@pytest.fixture
def contact(session, admin, now):
    return make_contact(session, admin, now, "Horus Tech")


def _save(session, who, now, contact, code="", **fields):
    return leads.save_from_form(session, who, lead_data(contact.code, **fields), now=now, code=code).code


def _refused(session, who, now, contact, code="", **fields) -> dict:
    with pytest.raises(ValidationError) as err:
        _save(session, who, now, contact, code, **fields)
    return err.value.errors


def _creator(session, who, code) -> str:
    return form_values(session, who, code)["created_by_id"]


def test_executive_cannot_name_another_creator_on_a_new_lead(session, executive, now, contact):
    karan = str(employee_id(session, "E04"))
    assert _refused(session, executive, now, contact, created_by_id=karan) == {"created_by_id": FIXED}
    code = _save(session, executive, now, contact, created_by_id=str(executive.id))
    assert _creator(session, executive, code) == str(executive.id)
    assert _creator(session, executive, _save(session, executive, now, contact)) == str(executive.id)


def test_executive_cannot_change_the_creator_on_edit(session, executive, manager, now, contact):
    own = _save(session, executive, now, contact)
    assert _refused(session, executive, now, contact, own, created_by_id=str(manager.id)) == {"created_by_id": FIXED}
    # A lead their manager created for them: they may edit it, not take the credit.
    given = _save(session, manager, now, contact, assigned_to_id=str(executive.id))
    assert _refused(session, executive, now, contact, given, created_by_id=str(executive.id)) == \
        {"created_by_id": FIXED}
    _save(session, executive, now, contact, given, title="Renamed", created_by_id=str(manager.id),
          assigned_to_id=str(executive.id))
    assert _creator(session, manager, given) == str(manager.id)


def test_manager_names_someone_of_their_team_only(session, manager, admin, now, contact):
    karan = str(employee_id(session, "E04"))
    code = _save(session, manager, now, contact, created_by_id=karan)
    assert _creator(session, manager, code) == karan
    assert _refused(session, manager, now, contact, code, created_by_id=str(admin.id)) == \
        {"created_by_id": "Choose yourself or someone in your team."}


def test_manager_cannot_take_a_lead_created_outside_their_team(session, manager, admin, now, contact):
    neha = str(employee_id(session, "E03"))
    asha_s = _save(session, admin, now, contact, assigned_to_id=neha)  # visible to the manager through Neha
    errors = _refused(session, manager, now, contact, asha_s, created_by_id=neha, assigned_to_id=neha)
    assert errors == {"created_by_id": "This lead was created outside your team: only an administrator can "
                                       "change its creator."}


def test_admin_names_any_active_employee(session, admin, now, contact):
    leaver = employee_id(session, "E05")
    code = _save(session, admin, now, contact, created_by_id=str(employee_id(session, "E04")))
    employees.set_active(session, admin, leaver, False, now=now)
    assert _refused(session, admin, now, contact, code, created_by_id=str(leaver)) == \
        {"created_by_id": "Choose the employee from the list."}


def test_an_unchanged_creator_who_has_left_does_not_block_saving(session, admin, now, contact):
    priya = employee_id(session, "E05")
    code = _save(session, admin, now, contact, created_by_id=str(priya))
    employees.set_active(session, admin, priya, False, now=now)
    _save(session, admin, now, contact, code, title="Still editable", created_by_id=str(priya))
    assert _creator(session, admin, code) == str(priya)


def test_the_form_shows_the_field_read_only_where_it_cannot_change(session, admin, manager, executive):
    mine = creator_field(session, executive, executive.id)
    assert (mine.editable, mine.label, mine.options, mine.note) == (False, "Neha Joshi · E03", [], FIXED)
    team = creator_field(session, manager, manager.id)
    assert team.editable and [o.label for o in team.options] == \
        ["Ravi Shah · E02", "Neha Joshi · E03", "Karan Mehta · E04", "Priya Desai · E05"]
    outside = creator_field(session, manager, admin.id)
    assert (outside.editable, outside.label) == (False, "Asha Patel · E01")
    assert len(creator_field(session, admin, admin.id).options) == 5
