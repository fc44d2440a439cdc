"""Guessing one account's password from many addresses: 20 failures in all lock the account
everywhere (each address alone would allow five)."""
from datetime import timedelta

from hoffice_app.domain.auth import login
from tests.domain.auth.throttle_helpers import THROTTLED, fail
from tests.factories import PASSWORD, make_employee


def test_twenty_failures_from_twenty_addresses_lock_the_account(session, now):
    make_employee(session, now, "E01")
    for n in range(19):
        fail(session, now, 1, "E01", source=f"192.0.2.{n + 1}")
    assert login(session, "E01", PASSWORD, now=now, source="198.51.100.4").ok  # a success starts again
    for n in range(20):
        fail(session, now, 1, "E01", source=f"192.0.2.{n + 1}")

    refused = login(session, "E01", PASSWORD, now=now, source="198.51.100.4")
    assert refused.message == "Too many failed attempts. Try again in 30 seconds."
    assert login(session, "E01", PASSWORD, now=now + timedelta(seconds=30), source="198.51.100.4").ok


def test_failures_from_one_ipv6_network_count_as_one_address(session, now):
    make_employee(session, now, "E01")
    for n in range(5):
        fail(session, now, 1, "E01", source=f"2001:db8:1:2::{n + 1:x}")
    assert login(session, "E01", PASSWORD, now=now, source="2001:db8:1:2::ff").message.startswith(THROTTLED)
    assert login(session, "E01", PASSWORD, now=now, source="2001:db8:9:9::1").ok
