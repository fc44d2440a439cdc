"""Dates are YYYY-MM-DD, never after the company's today, and death comes after birth."""
from datetime import date, datetime, timezone

from tests.contact_factory import contact_data, demo, engine, make_contact, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def test_birth_tomorrow_refused(session, executive, now):
    # now is 2026-03-02 09:30 UTC: 15:00 the same day in Asia/Kolkata
    errors = refused(session, executive, now, contact_data(session, date_of_birth="2026-03-03"))
    assert errors == {"date_of_birth": "The date of birth cannot be in the future."}


def test_today_accepted(session, executive, now):
    contact = make_contact(session, executive, now, anniversary="2026-03-02")
    assert contact.anniversary == date(2026, 3, 2)


def test_today_is_the_company_date_not_the_utc_date(session, executive):
    late_evening_utc = datetime(2026, 3, 2, 20, 0, tzinfo=timezone.utc)  # already 3 March in India
    contact = make_contact(session, executive, late_evening_utc, anniversary="2026-03-03")
    assert contact.anniversary == date(2026, 3, 3)


def test_future_anniversary_and_death_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, anniversary="2027-01-01",
                                                           date_of_death="2030-05-05"))
    assert errors == {"anniversary": "The anniversary cannot be in the future.",
                      "date_of_death": "The date of death cannot be in the future."}


def test_death_before_birth_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, date_of_birth="1950-06-01",
                                                           date_of_death="1949-12-31"))
    assert errors == {"date_of_death": "The date of death must come after the date of birth."}


def test_birth_and_death_in_order_saved(session, executive, now):
    contact = make_contact(session, executive, now, date_of_birth="1950-06-01", date_of_death="2020-01-15")
    assert (contact.date_of_birth, contact.date_of_death) == (date(1950, 6, 1), date(2020, 1, 15))


def test_other_date_format_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, date_of_birth="02/03/1990"))
    assert errors == {"date_of_birth": "Enter the date of birth as YYYY-MM-DD."}
