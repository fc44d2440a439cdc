"""Two administrators edit one employee: nobody's saved change silently disappears."""
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.org import employees, find_by_code
from hoffice_app.models import Employee
from tests.contact_factory import demo, engine  # noqa: F401
from tests.edit_race import Dialog, race, ravi_admin, refused  # noqa: F401


def _karan(session):
    return find_by_code(session, "E04").id


EMPLOYEE = Dialog(
    open=lambda s, who: employees.edit_values(employees.get_employee(s, who, _karan(s))),
    save=lambda s, who, typed, read, now: employees.edit_employee(s, who, _karan(s), typed, now=now, read=read,
                                                                  version=read["version"]))


def test_a_change_to_the_same_field_is_refused_and_the_first_kept(session, now, admin, ravi_admin):  # noqa: F811
    outcome = race(session, EMPLOYEE, admin, ravi_admin, now, ravi_types={"name": "Karan M. Mehta"},
                   asha_types={"name": "Karan Mehta Jr.", "mobile": "+91 98200 00004"})
    assert "Your change to name was not saved" in refused(outcome, "employee", "name")
    row = session.get(Employee, _karan(session))
    assert (row.name, row.mobile, row.updated_by_id) == ("Karan M. Mehta", "+919825010004", ravi_admin.id)


def test_changes_to_different_fields_are_both_kept(session, now, admin, ravi_admin):  # noqa: F811
    division = masters.options(session, admin, "division")[0].value
    saved = race(session, EMPLOYEE, admin, ravi_admin, now, ravi_types={"name": "Karan M. Mehta"},
                 asha_types={"mobile": "+91 98200 00004", "division_ids": [division]})
    assert saved.note == "Ravi Shah had changed this employee meanwhile (name); both changes are saved."
    row = session.get(Employee, _karan(session))
    assert (row.name, row.mobile, row.updated_by_id) == ("Karan M. Mehta", "+91 98200 00004", admin.id)
    assert employees.get_employee(session, admin, row.id).division_ids == [int(division)]


def test_a_password_reset_meanwhile_does_not_block_an_edit(session, now, admin, ravi_admin):  # noqa: F811
    read = EMPLOYEE.open(session, admin)
    employees.reset_password(session, ravi_admin, _karan(session), None, now=now)
    session.commit()
    saved = EMPLOYEE.save(session, admin, read | {"name": "Karan Mehta Sr."}, read, now)
    assert (saved.note, session.get(Employee, _karan(session)).name) == ("", "Karan Mehta Sr.")
