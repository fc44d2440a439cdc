import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.org import employees


def _data(**over):
    data = {"code": "", "name": "Meera Iyer", "email": "meera.iyer@example.com", "mobile": "",
            "role": "executive", "reports_to_id": None, "division_ids": []}
    data.update(over)
    return data


def test_duplicate_email_refused_in_any_case(session, now, admin):
    with pytest.raises(ValidationError) as err:
        employees.create_employee(session, admin, _data(email=" Ravi.Shah@EXAMPLE.com"), password=None, now=now)
    assert err.value.errors == {"email": "ravi.shah@example.com already belongs to Ravi Shah."}


def test_duplicate_code_refused_in_any_case(session, now, admin):
    with pytest.raises(ValidationError) as err:
        employees.create_employee(session, admin, _data(code="e02"), password=None, now=now)
    assert err.value.errors == {"code": "Code E02 already belongs to Ravi Shah."}


def test_next_code_follows_the_demo_employees(session, now, admin):
    assert employees.next_code(session) == "E06"
    view, password = employees.create_employee(session, admin, _data(), password=None, now=now)
    assert (view.code, view.email) == ("E06", "meera.iyer@example.com")
    assert len(password) >= 12  # generated, shown once


def test_cannot_deactivate_yourself(session, now, admin):
    with pytest.raises(ValidationError) as err:
        employees.set_active(session, admin, admin.id, False, now=now)
    assert err.value.errors == {"active": "You cannot deactivate yourself."}
    assert employees.get_employee(session, admin, admin.id).active


def test_cannot_remove_your_own_admin_role(session, now, admin):
    me = employees.get_employee(session, admin, admin.id)
    data = _data(code=me.code, name=me.name, email=me.email, role="manager")
    with pytest.raises(ValidationError) as err:
        employees.update_employee(session, admin, admin.id, data, now=now)
    assert err.value.errors == {"role": "You cannot remove your own administrator role."}
    session.rollback()
    assert employees.get_employee(session, admin, admin.id).role == "admin"
