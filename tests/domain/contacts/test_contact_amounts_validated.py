"""Amounts accept thousands separators; negatives are refused; a discount is at most 100 %."""
from decimal import Decimal

import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.contacts import contact_detail
from tests.contact_factory import contact_data, demo, engine, make_contact, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def test_indian_thousands_separators(session, executive, now):
    contact = make_contact(session, executive, now, credit_limit_amount="1,50,000", annual_revenue="2,500,000.5")
    assert contact.credit_limit_amount == Decimal("150000.00")
    assert contact.annual_revenue == Decimal("2500000.50")
    assert contact_detail(session, executive, contact.code).values["Credit limit"] == "150,000"


def test_negative_amount_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, credit_limit_amount="-5"))
    assert errors == {"credit_limit_amount": "Enter a number of 0 or more."}


def test_discount_above_100_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, default_discount_pct="100.5"))
    assert errors == {"default_discount_pct": "Enter a number from 0 to 100."}


def test_discount_of_100_accepted(session, executive, now):
    assert make_contact(session, executive, now, default_discount_pct="100").default_discount_pct == Decimal("100.00")


def test_credit_days_must_be_whole(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, credit_limit_days="30.5"))
    assert errors == {"credit_limit_days": "Enter a whole number."}
    assert make_contact(session, executive, now, credit_limit_days="45").credit_limit_days == 45


def test_text_and_not_a_number_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, credit_limit_amount="lots",
                                                           annual_revenue="NaN"))
    assert errors == {"credit_limit_amount": "Enter a number.", "annual_revenue": "Enter a number of 0 or more."}


def test_absurdly_large_amount_gets_a_field_message(session, executive, now):
    with pytest.raises(ValidationError) as err:
        make_contact(session, executive, now, credit_limit_amount="1" + "0" * 30)
    assert "credit_limit_amount" in err.value.errors
