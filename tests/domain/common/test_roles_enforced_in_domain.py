"""Only administrators manage masters, employees and defaults; nobody acts without logging in."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import PermissionDenied
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings
from hoffice_app.domain.org import employees
from hoffice_app.models import Employee, MasterEntry

ONLY_ADMIN = "Only an administrator can do that."
LOG_IN = "Please log in first."


def _refusals(call, manager, executive):
    messages = []
    for actor in (manager, executive, None):
        with pytest.raises(PermissionDenied) as err:
            call(actor)
        messages.append(err.value.message)
    assert messages == [ONLY_ADMIN, ONLY_ADMIN, LOG_IN]


def test_create_master_entry_needs_admin(session, manager, executive):
    _refusals(lambda a: masters.create_entry(session, a, "campaign", "Radio"), manager, executive)
    assert session.exec(select(MasterEntry).where(MasterEntry.name == "Radio")).first() is None


def test_list_master_entries_needs_admin(session, manager, executive):
    _refusals(lambda a: masters.list_entries(session, a, "campaign"), manager, executive)


def test_create_employee_needs_admin(session, now, manager, executive):
    data = {"code": "E09", "name": "Intruder", "email": "intruder@example.com", "role": "admin"}
    _refusals(lambda a: employees.create_employee(session, a, data, password="long-enough", now=now),
              manager, executive)
    assert employees.find_by_code(session, "E09") is None
    assert len(session.exec(select(Employee)).all()) == 5


def test_update_defaults_needs_admin(session, manager, executive, now):
    _refusals(lambda a: settings.update_defaults(session, a, {"default_currency": "USD"}, now=now), manager, executive)
    assert settings.get(session, "default_currency") == "INR"
