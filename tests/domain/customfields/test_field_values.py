"""A record's custom values: each type checked as the built-in fields check theirs and shown in
the company's formats; required and default; who may edit; a private contact stays private."""
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlmodel import select

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import ValidationError
from hoffice_app.models import LeadCustomValue
from tests.contact_factory import make_private
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def _field(session, now, label, kind, record="lead", **kw):
    return cf.add_field(session, actor(session, "E01"), record, cf.FieldSpec(label=label, kind=kind, **kw), now=now)


def _shown(session, lead, who="E01"):
    return {v.label: v.shown for v in cf.read_values(session, actor(session, who), "lead", [lead.id])[lead.id]}


GOOD = [
    ("text", "  Ring twice ", "Ring twice"),
    ("long_text", "Line one\nLine two", "Line one\nLine two"),
    ("number", "1,250.5", "1250.5"),
    ("amount", "₹ 2,50,000", "₹2,50,000"),
    ("date", "2026-12-31", "31 Dec 2026"),
    ("date", "46387", "31 Dec 2026"),  # an Excel date's serial number
    ("datetime", "2026-12-31 10:30", "31 Dec 2026, 10:30"),
    ("yes_no", "YES", "Yes"),
    ("email", "Buyer@Example.COM", "Buyer@example.com"),
    ("phone", "098250 44321", "+91 98250 44321"),
    ("url", "https://example.com/po/17", "https://example.com/po/17"),
    ("employee", "e03", "Neha Joshi"),
]
BAD = [
    ("number", "twelve", "Enter a number"),
    ("number", "1.23456", "at most four decimals"),
    ("amount", "-5", "0 or more"),
    ("date", "31/12/2026", "YYYY-MM-DD"),
    ("datetime", "tomorrow", "YYYY-MM-DD HH:MM"),
    ("yes_no", "maybe", "Yes or No"),
    ("email", "buyer@", "Not a valid e-mail address"),
    ("phone", "12", "phone number"),
    ("url", "example.com", "http:// or https://"),
    ("employee", "E99", "No active employee"),
    ("text", "x" * 201, "at most 200 characters"),
]


@pytest.mark.parametrize("kind,typed,shown", GOOD)
def test_each_type_takes_what_people_type_and_shows_it_in_the_company_format(session, now, kind, typed, shown):
    _field(session, now, "Value", kind)
    lead = new_lead(session, now)
    cf.write_values(session, actor(session, "E01"), "lead", lead.id, {"cf_value": typed}, creating=False)
    assert _shown(session, lead) == {"Value": shown}


@pytest.mark.parametrize("kind,typed,reason", BAD)
def test_each_type_refuses_a_bad_value_naming_the_field_and_writes_nothing(session, now, kind, typed, reason):
    _field(session, now, "Value", kind)
    _field(session, now, "Note", "text")
    lead = new_lead(session, now)
    with pytest.raises(ValidationError) as err:
        cf.write_values(session, actor(session, "E01"), "lead", lead.id, {"cf_value": typed, "cf_note": "kept?"},
                        creating=False)
    assert reason in err.value.errors["cf_value"] and err.value.errors["cf_value"].startswith("Value: ")
    assert _shown(session, lead) == {"Value": "", "Note": ""}


def test_values_are_stored_typed(session, now):
    for label, kind in (("Seats", "number"), ("Renewal", "date"), ("Signed", "yes_no")):
        _field(session, now, label, kind)
    lead = new_lead(session, now)
    cf.write_values(session, actor(session, "E01"), "lead", lead.id,
                    {"cf_seats": "40", "cf_renewal": "2027-03-31", "cf_signed": "no"}, creating=False)
    rows = {r.field_id: r for r in session.exec(select(LeadCustomValue).where(LeadCustomValue.lead_id == lead.id))}
    values = {(r.number_value, r.date_value, r.bool_value) for r in rows.values()}
    assert (Decimal("40"), None, None) in values and (None, date(2027, 3, 31), None) in values
    assert (None, None, False) in values


def test_multi_select_matches_any_case_and_keeps_the_options_order(session, now):
    _field(session, now, "Interests", "multi_select", options=["Solar", "Wind", "Storage"])
    lead = new_lead(session, now)
    cf.write_values(session, actor(session, "E01"), "lead", lead.id, {"cf_interests": "storage, SOLAR"}, creating=False)
    assert _shown(session, lead) == {"Interests": "Solar, Storage"}
    value = cf.read_values(session, actor(session, "E01"), "lead", [lead.id])[lead.id][0]
    assert value.raw == "Solar|Storage"


def test_required_and_default_on_a_new_record(session, now):
    lead = new_lead(session, now)  # before the fields: the lead's own save would ask for them
    _field(session, now, "Region", "select", options=["North", "South"], required=True, default_value="north")
    _field(session, now, "PO", "text", required=True)
    with pytest.raises(ValidationError) as err:
        cf.write_values(session, actor(session, "E01"), "lead", lead.id, {}, creating=True)
    assert err.value.errors == {"cf_po": "PO: enter a value, it is required."}
    cf.write_values(session, actor(session, "E01"), "lead", lead.id, {"cf_po": "17"}, creating=True)
    assert _shown(session, lead) == {"Region": "North", "PO": "17"}


def test_a_role_that_may_not_edit_a_field_cannot_change_it_but_saves_the_rest(session, now):
    _field(session, now, "Credit limit", "amount", edit_roles=("admin", "manager"))
    _field(session, now, "Note", "text")
    lead = new_lead(session, now, assigned_to="E03")
    neha = actor(session, "E03")
    with pytest.raises(ValidationError, match="Credit limit: only admin, manager may change it"):
        cf.write_values(session, neha, "lead", lead.id, {"cf_credit_limit": "5000", "cf_note": "x"}, creating=False)
    cf.write_values(session, actor(session, "E02"), "lead", lead.id, {"cf_credit_limit": "5000"}, creating=False)
    # the executive's form sends the value back unchanged with her note: allowed
    cf.write_values(session, neha, "lead", lead.id, {"cf_credit_limit": "5,000", "cf_note": "x"}, creating=False)
    assert _shown(session, lead, "E03") == {"Credit limit": "₹5,000", "Note": "x"}


def test_a_contact_field_shows_a_private_contact_as_private(session, now):
    _field(session, now, "Referred by", "contact")
    admin = actor(session, "E01")
    secret = make_private(session, admin, now, "Secret Referrer", shared_with=("E01",))
    lead = new_lead(session, now, assigned_to="E03")
    with pytest.raises(ValidationError, match="that you may see"):
        cf.write_values(session, actor(session, "E03"), "lead", lead.id, {"cf_referred_by": secret.code},
                        creating=False)
    cf.write_values(session, admin, "lead", lead.id, {"cf_referred_by": secret.code}, creating=False)
    assert _shown(session, lead, "E01") == {"Referred by": "Secret Referrer"}
    value = cf.read_values(session, actor(session, "E03"), "lead", [lead.id])[lead.id][0]
    assert (value.shown, value.raw) == ("Private contact", "")


def test_a_contact_field_takes_only_a_contact_the_person_may_see_however_it_is_named(session, now):
    """The form's picker offers only contacts the person may see and sends the code; the check
    does not rely on it: a hand-made request naming a private contact by its code (any case) or
    its id is refused, without the contact's name."""
    row = _field(session, now, "Referred by", "contact")
    admin, neha = actor(session, "E01"), actor(session, "E03")
    secret = make_private(session, admin, now, "Secret Referrer", shared_with=("E01",))
    for named in (secret.code, secret.code.lower(), str(secret.id)):
        with pytest.raises(ValidationError) as err:
            cf.check_value(session, row, named, actor=neha)
        assert "that you may see" in err.value.errors["cf_referred_by"]
        assert "Secret" not in err.value.errors["cf_referred_by"]
    shared = make_private(session, admin, now, "Shared Referrer", shared_with=("E03",))
    assert [t.value for t in cf.check_value(session, row, shared.code.lower(), actor=neha)] == [shared.id]


def test_an_inactive_field_is_hidden_and_keeps_its_data(session, now):
    row = _field(session, now, "Legacy code", "text")
    lead = new_lead(session, now)
    cf.write_values(session, actor(session, "E01"), "lead", lead.id, {"cf_legacy_code": "L-17"}, creating=False)
    cf.update_field(session, actor(session, "E01"), row.id, cf.FieldSpec(label="Legacy code", kind="text",
                                                                         active=False), version=row.version, now=now)
    assert _shown(session, lead) == {}
    cf.update_field(session, actor(session, "E01"), row.id, cf.FieldSpec(label="Legacy code", kind="text"),
                    version=row.version, now=now)
    assert _shown(session, lead) == {"Legacy code": "L-17"}


def test_datetime_is_read_in_the_company_zone(session, now):
    _field(session, now, "Site visit", "datetime")
    lead = new_lead(session, now)
    cf.write_values(session, actor(session, "E01"), "lead", lead.id, {"cf_site_visit": "2026-12-31T10:30"},
                    creating=False)
    stored = session.exec(select(LeadCustomValue).where(LeadCustomValue.lead_id == lead.id)).one().moment_value
    assert stored.replace(tzinfo=timezone.utc) == datetime(2026, 12, 31, 5, 0, tzinfo=timezone.utc)
