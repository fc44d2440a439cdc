"""One employee's typos never refuse a colleague's correct password from the same address (an
office behind one NAT address); the employee who mistyped waits, and is told how long."""
from datetime import timedelta

from hoffice_app.domain.auth import WRONG_LOGIN, login
from tests.domain.auth.throttle_helpers import OFFICE, THROTTLED, fail
from tests.factories import PASSWORD, make_employee


def test_colleague_logs_in_at_once_after_six_wrong_passwords_of_another(session, now):
    make_employee(session, now, "E01")
    make_employee(session, now, "E02", role="executive")
    fail(session, now, 5, "E01")
    assert login(session, "E01", "wrong-again", now=now, source=OFFICE).message.startswith(THROTTLED)

    assert login(session, "E02", PASSWORD, now=now, source=OFFICE).ok


def test_the_locked_account_waits_even_with_its_right_password_and_is_told_how_long(session, now):
    make_employee(session, now, "E01")
    fail(session, now, 5, "E01")  # the 5th failure locks for 30 s
    assert login(session, "E01", PASSWORD, now=now + timedelta(seconds=1), source=OFFICE).message == \
        "Too many failed attempts. Try again in 29 seconds."
    at = now
    for _ in range(5):  # the 6th … 10th failures lock for 60, 120, 240, 480 s, then 15 min (the cap)
        at += timedelta(minutes=16)
        fail(session, at, 1, "E01")
    assert login(session, "E01", PASSWORD, now=at, source=OFFICE).message == \
        "Too many failed attempts. Try again in 15 minutes."


def test_the_same_account_from_another_address_is_not_held_up(session, now):
    make_employee(session, now, "E01")
    fail(session, now, 5, "E01")
    assert login(session, "E01", PASSWORD, now=now, source=OFFICE).message.startswith(THROTTLED)
    assert login(session, "E01", PASSWORD, now=now, source="198.51.100.4").ok


def test_e_mail_and_code_count_as_one_account(session, now):
    make_employee(session, now, "E01", email="asha.patel@example.com")
    fail(session, now, 3, "asha.patel@example.com", source="")
    fail(session, now, 2, " e01 ", source="")
    assert login(session, "E01", PASSWORD, now=now, source="").message.startswith(THROTTLED)


def test_unknown_and_existing_accounts_are_throttled_alike(session, now):
    make_employee(session, now, "E01")
    fail(session, now, 5, "E01")
    fail(session, now, 5, "nobody@example.com")
    known = login(session, "E01", "wrong", now=now, source=OFFICE)
    unknown = login(session, "nobody@example.com", "wrong", now=now, source=OFFICE)
    assert known.message == unknown.message == "Too many failed attempts. Try again in 30 seconds."
    assert WRONG_LOGIN not in known.message
