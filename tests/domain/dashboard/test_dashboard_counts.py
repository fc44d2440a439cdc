import pytest

from hoffice_app.domain import dashboard
from hoffice_app.domain.auth import logout
from hoffice_app.domain.common import PermissionDenied
from hoffice_app.domain.org import employees
from tests.conftest import DEMO_PASSWORD
from tests.factories import log_in


def test_counts_after_the_demo_seed(session, now, executive):
    counts = dashboard.counts(session, executive, now=now)
    assert counts.employees_active == 5
    assert counts.employees_by_role == {"admin": 1, "manager": 1, "executive": 3}
    assert (counts.divisions, counts.products) == (2, 7)
    assert counts.master_lists == 19
    assert counts.master_entries_active == 74 + 12 + 7  # lists, segments, products


def test_counts_open_sessions_only(session, now, admin):
    assert dashboard.counts(session, admin, now=now).sessions_active == 0
    tokens = [log_in(session, code, DEMO_PASSWORD, now=now) for code in ("E01", "E03")]
    assert dashboard.counts(session, admin, now=now).sessions_active == 2
    logout(session, tokens[1], now=now)
    assert dashboard.counts(session, admin, now=now).sessions_active == 1


def test_counts_leave_out_deactivated_employees(session, now, admin):
    karan = employees.find_by_code(session, "E04")
    employees.set_active(session, admin, karan.id, False, now=now)
    counts = dashboard.counts(session, admin, now=now)
    assert counts.employees_active == 4
    assert counts.employees_by_role["executive"] == 2


def test_counts_need_a_logged_in_user(session, now, demo):
    with pytest.raises(PermissionDenied):
        dashboard.counts(session, None, now=now)
