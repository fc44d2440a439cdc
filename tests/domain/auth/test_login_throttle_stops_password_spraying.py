"""Password spraying (a few passwords tried against many accounts) from one address: 100
failures within 15 minutes, over any accounts, make the address wait until the 15 minutes
are over. An office's ordinary typos stay far below that."""
from datetime import timedelta

from hoffice_app.domain.auth import login
from tests.domain.auth.throttle_helpers import OFFICE, fail
from tests.factories import PASSWORD, make_employee


def _spray(session, now, times: int) -> None:
    for n in range(times):
        fail(session, now, 1, f"guess{n}@example.com")


def test_ninety_nine_failures_over_many_accounts_refuse_nobody(session, now):
    make_employee(session, now, "E01")
    _spray(session, now, 99)
    assert login(session, "E01", PASSWORD, now=now, source=OFFICE).ok


def test_the_hundredth_locks_the_address_until_the_window_ends(session, now):
    make_employee(session, now, "E01")
    _spray(session, now, 1)
    _spray(session, now + timedelta(minutes=5), 99)

    refused = login(session, "E01", PASSWORD, now=now + timedelta(minutes=5), source=OFFICE)
    assert refused.message == "Too many failed attempts from this network. Try again in 10 minutes."
    assert login(session, "E01", PASSWORD, now=now + timedelta(minutes=5), source="198.51.100.4").ok
    assert login(session, "E01", PASSWORD, now=now + timedelta(minutes=15), source=OFFICE).ok


def test_a_success_does_not_reset_the_address_count(session, now):
    make_employee(session, now, "E01")
    _spray(session, now, 99)
    assert login(session, "E01", PASSWORD, now=now, source=OFFICE).ok
    _spray(session, now, 1)
    assert not login(session, "E01", PASSWORD, now=now, source=OFFICE).ok


def test_failures_of_an_earlier_window_do_not_count(session, now):
    make_employee(session, now, "E01")
    _spray(session, now, 99)
    _spray(session, now + timedelta(minutes=15), 1)
    assert login(session, "E01", PASSWORD, now=now + timedelta(minutes=15), source=OFFICE).ok
