import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.org import employees, find_by_code


def _as_data(view, **over):
    data = {"code": view.code, "name": view.name, "email": view.email, "mobile": view.mobile, "role": view.role,
            "reports_to_id": view.reports_to_id or None, "division_ids": view.division_ids}
    data.update(over)
    return data


def test_manager_cannot_report_to_their_own_executive(session, now, admin):
    ravi = employees.get_employee(session, admin, find_by_code(session, "E02").id)
    neha = find_by_code(session, "E03")  # reports to E02
    with pytest.raises(ValidationError) as err:
        employees.update_employee(session, admin, ravi.id, _as_data(ravi, reports_to_id=str(neha.id)), now=now)
    assert "reporting loop" in err.value.errors["reports_to_id"]


def test_garbage_ids_are_refused_with_a_message(session, now, admin):
    ravi = employees.get_employee(session, admin, find_by_code(session, "E02").id)
    with pytest.raises(ValidationError) as err:
        employees.update_employee(session, admin, ravi.id,
                                  _as_data(ravi, reports_to_id="²", division_ids=["x", 10**30]), now=now)
    assert err.value.errors == {"reports_to_id": "Choose an existing employee.",
                                "division_ids": "Choose divisions from the list."}
