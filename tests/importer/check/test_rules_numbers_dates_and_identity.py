"""E-mail, phones, country, state, PIN, amounts, dates, privacy and statutory numbers."""
from datetime import date

import pytest

from hoffice_app.importer.check.context import build_context
from hoffice_app.importer.check.normalize import Facts
from tests.contact_factory import employee_id
from tests.importer.helpers import parse, reasons, warnings


@pytest.fixture
def ctx(session, admin, now):
    return build_context(session, admin, now)


def base(**cells):
    return {"name": "Asha", "contact_type": "Customer", **cells}


def test_email_one_valid_address_stored_with_lower_case_domain(ctx):
    assert parse(ctx, **base(email=" Asha.Patel@Example.COM ")).email == "Asha.Patel@example.com"
    assert "Not a valid e-mail" in reasons(parse(ctx, **base(email="asha@@example")))["Email Address"]
    assert "one e-mail" in reasons(parse(ctx, **base(email="a@example.com, b@example.com")))["Email Address"]


def test_mobiles_parsed_for_the_rows_country_and_stored_e164(ctx):
    row = parse(ctx, **base(mobile="9327058088.0", mobile1="98250 12345"))
    assert row.phones == {"mobile": "+919327058088", "mobile1": "+919825012345"}
    us = parse(ctx, **base(country="United States", mobile="(201) 555-0123"))
    assert us.phones == {"mobile": "+12015550123"}
    assert "Not a valid mobile number" in reasons(parse(ctx, **base(mobile="12345")))["Mobile Number"]
    assert "Mobile Number1" in reasons(parse(ctx, **base(mobile1="0792686251")))


def test_office_and_other_numbers_accept_std_codes(ctx):
    row = parse(ctx, **base(office_phone="07926862513", office_phone1="022 2345 6789", other_number="7926862513"))
    assert row.phones == {"office_phone": "+917926862513", "office_phone1": "+912223456789",
                          "other_number": "+917926862513"} or row.phones["office_phone"] == "+917926862513"
    assert "Not a possible phone number" in reasons(parse(ctx, **base(office_phone="12")))["Office Phone"]


def test_phones_of_an_updated_contact_use_its_country(ctx):
    target = Facts(1, "C000001", "Joe", "US", None, None)
    row = parse(ctx, target, mobile="(201) 555-0123")
    assert row.phones == {"mobile": "+12015550123"} and not row.errors


def test_country_by_name_common_name_or_code(ctx):
    for text, code in (("India", "IN"), ("united states", "US"), ("UK", "GB"), ("DE", "DE"), ("Viet Nam", "VN")):
        assert parse(ctx, **base(country=text)).values["country"] == code
    assert "Unknown country" in reasons(parse(ctx, **base(country="Atlantis")))["Country"]


def test_state_stored_upper_case_and_address_gets_the_row_country(ctx):
    row = parse(ctx, **base(state="Gujarat", city="Ahmedabad"))
    assert row.address["state"] == "GUJARAT" and row.address["country"] == "IN"


def test_indian_pin_has_six_digits_elsewhere_up_to_twelve(ctx):
    assert parse(ctx, **base(pin="380015.0")).address["pin"] == "380015"
    assert "exactly 6 digits" in reasons(parse(ctx, **base(pin="38001")))["Zip / Pin Code"]
    assert parse(ctx, **base(country="UK", pin="SW1A 1AA")).address["pin"] == "SW1A 1AA"
    assert "at most 12" in reasons(parse(ctx, **base(country="UK", pin="1234567890123")))["Zip / Pin Code"]


def test_annual_revenue_a_number_of_zero_or_more_with_separators(ctx):
    assert str(parse(ctx, **base(annual_revenue="9,00,000")).values["annual_revenue"]) == "900000.00"
    assert str(parse(ctx, **base(annual_revenue="1 250 000.5")).values["annual_revenue"]) == "1250000.50"
    assert "0 or more" in reasons(parse(ctx, **base(annual_revenue="-5")))["Annual Revenue"]
    assert "Enter a number" in reasons(parse(ctx, **base(annual_revenue="lots")))["Annual Revenue"]


def test_dates_excel_or_iso_not_in_future_birth_before_death(ctx):
    assert parse(ctx, **base(date_of_birth="1980-09-25")).values["date_of_birth"] == date(1980, 9, 25)
    assert parse(ctx, **base(date_of_birth="29489")).values["date_of_birth"] == date(1980, 9, 25)  # serial
    assert "YYYY-MM-DD" in reasons(parse(ctx, **base(anniversary="25/09/1980")))["Anniversary Date"]
    assert "future" in reasons(parse(ctx, **base(date_of_birth="2099-01-01")))["Date Of Birth"]
    assert "after the date of birth" in reasons(parse(ctx, **base(date_of_birth="1980-01-01",
                                                                  date_of_death="1970-01-01")))["Date Of Death"]


def test_privacy_unknown_codes_dropped_with_warning_none_left_public(ctx, session):
    row = parse(ctx, **base(privacy="e03, E99"))
    assert row.privacy_ids == [employee_id(session, "E03")] and row.values["is_private"] is True
    assert "E99 left out" in warnings(row)["Privacy"] and not row.errors
    public = parse(ctx, **base(privacy="E98, E99"))
    assert public.values["is_private"] is False and "public" in warnings(public)["Privacy"]


def test_an_executive_making_a_contact_private_keeps_seeing_it(session, executive, now):
    ctx = build_context(session, executive, now)
    row = parse(ctx, **base(privacy="E04"))
    assert set(row.privacy_ids) == {employee_id(session, "E04"), executive.id}


def test_pan_gstin_aadhaar_format_only_warns(ctx):
    row = parse(ctx, **base(pan="abc12", gstin="GSTIN12345ABCD", aadhaar="1234 5678"))
    assert not row.errors
    assert set(warnings(row)) == {"PAN Number", "GST Number", "Adhar Number"}
    good = parse(ctx, **base(pan="abcde1234f", gstin="24AAAAA9999A1Z5", aadhaar="1234 5678 9012"))
    assert not good.warnings and good.values["pan"] == "ABCDE1234F" and good.values["aadhaar"] == "123456789012"


def test_text_columns_keep_the_forms_limits(ctx):
    assert "at most 100" in reasons(parse(ctx, **base(designation="x" * 101)))["Designation"]
    assert parse(ctx, **base(remarks="r" * 6000)).values["remarks"] == "r" * 5000
