"""The Settings overview: the organisation's counts, for administrators only."""
import pytest

from hoffice_app.domain import org
from hoffice_app.domain.auth import logout
from hoffice_app.domain.common import PermissionDenied
from hoffice_app.domain.org import employees
from tests.conftest import DEMO_PASSWORD
from tests.factories import log_in


def test_overview_after_the_demo_seed(session, now, admin):
    counts = org.overview(session, admin, now=now)
    assert counts.employees_active == 5
    assert counts.employees_by_role == {"admin": 1, "manager": 1, "executive": 3}
    assert (counts.divisions, counts.products) == (2, 7)
    assert counts.master_lists == 20
    assert counts.master_entries_active == 78 + 12 + 7  # lists, segments, products


def test_overview_counts_open_sessions_only(session, now, admin):
    assert org.overview(session, admin, now=now).sessions_active == 0
    tokens = [log_in(session, code, DEMO_PASSWORD, now=now) for code in ("E01", "E03")]
    assert org.overview(session, admin, now=now).sessions_active == 2
    logout(session, tokens[1], now=now)
    assert org.overview(session, admin, now=now).sessions_active == 1


def test_overview_leaves_out_deactivated_employees_and_lists_every_role(session, now, admin):
    for code in ("E02", "E04"):
        employees.set_active(session, admin, employees.find_by_code(session, code).id, False, now=now)
    counts = org.overview(session, admin, now=now)
    assert counts.employees_active == 3
    assert counts.employees_by_role == {"admin": 1, "manager": 0, "executive": 2}


@pytest.mark.parametrize("who", ["manager", "executive"])
def test_only_an_administrator_reads_the_overview(session, now, who, request):
    with pytest.raises(PermissionDenied):
        org.overview(session, request.getfixturevalue(who), now=now)


def test_the_overview_needs_a_logged_in_user(session, now, demo):
    with pytest.raises(PermissionDenied):
        org.overview(session, None, now=now)
