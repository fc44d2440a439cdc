"""Custom values are saved by the lead's and the contact's own save: in the same transaction, under
the same version check and merge, on the same timeline. A bad value refuses the whole save."""
from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import ValidationError, versions
from hoffice_app.domain.contacts import form_values as contact_form_values
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.domain.leads import form_values
from hoffice_app.domain.leads import save as leads
from hoffice_app.models import Contact, Lead, LeadEvent
from tests.lead_factory import actor, demo, engine, lead_data, make_contact, make_lead  # noqa: F401


@pytest.fixture
def fields(session, admin, now):
    cf.add_field(session, admin, "lead", cf.FieldSpec(label="Industry", kind="select",
                                                      options=["Retail", "Wholesale"]), now=now)
    cf.add_field(session, admin, "lead", cf.FieldSpec(label="Seats", kind="number", required=True), now=now)
    cf.add_field(session, admin, "lead", cf.FieldSpec(label="Channel", kind="select", options=["Web", "Phone"],
                                                      default_value="web"), now=now)
    cf.add_field(session, admin, "contact", cf.FieldSpec(label="Referral code", kind="text"), now=now)
    session.commit()


def _shown(session, who, record, row_id):
    return {v.label: v.shown for v in cf.read_values(session, who, record, [row_id])[row_id]}


def _open(session, who, code):
    read = form_values(session, who, code)
    return {k: (list(v) if isinstance(v, list) else v) for k, v in read.items() if k != "version"}, read


def _save(session, who, code, typed, read, at):
    saved = leads.save_from_form(session, who, typed, now=at, code=code, read=read, version=read["version"])
    session.commit()
    return saved


def test_a_bad_custom_value_refuses_the_whole_save_and_writes_nothing(session, fields, executive, now):
    contact = make_contact(session, executive, now)
    session.commit()
    before = session.exec(select(Lead)).all()
    with pytest.raises(ValidationError) as err:
        leads.save_lead(session, executive, lead_data(contact.code, title="", cf_seats="forty",
                                                      cf_industry="Retail"), now=now)
    assert "title" in err.value.errors  # shown together with the built-in fields' messages
    assert err.value.errors["cf_seats"].startswith("Seats: Enter a number")
    with pytest.raises(ValidationError) as err:
        leads.save_lead(session, executive, lead_data(contact.code, cf_seats="40", cf_industry="Farming"), now=now)
    assert set(err.value.errors) == {"cf_industry"} and "Retail, Wholesale" in err.value.errors["cf_industry"]
    session.rollback()
    assert session.exec(select(Lead)).all() == before


def test_required_is_enforced_on_create_and_defaults_fill_in(session, fields, executive, now):
    contact = make_contact(session, executive, now)
    with pytest.raises(ValidationError) as err:
        leads.save_lead(session, executive, lead_data(contact.code), now=now)
    assert err.value.errors == {"cf_seats": "Seats: enter a value, it is required."}
    lead = leads.save_lead(session, executive, lead_data(contact.code, cf_seats="40"), now=now)
    assert _shown(session, executive, "lead", lead.id) == {"Industry": "", "Seats": "40", "Channel": "Web"}
    assert form_values(session, executive, lead.code)["cf_seats"] == "40"


def test_a_change_of_custom_values_only_moves_the_version_and_writes_the_timeline(session, fields, executive, now):
    lead = make_lead(session, executive, now, cf_seats="40", cf_industry="Retail")
    session.commit()
    version = lead.version
    typed, read = _open(session, executive, lead.code)
    _save(session, executive, lead.code, typed | {"cf_industry": "wholesale", "cf_seats": "45"}, read,
          now + timedelta(minutes=1))
    row = session.get(Lead, lead.id)
    assert row.version > version
    assert _shown(session, executive, "lead", lead.id)["Industry"] == "Wholesale"
    lines = session.exec(select(LeadEvent.text).where(LeadEvent.lead_id == lead.id, LeadEvent.kind == "updated")
                         .order_by(LeadEvent.id)).all()
    assert lines == ["Industry: Retail → Wholesale", "Seats: 40 → 45"]


def test_same_custom_value_resaved_at_the_same_moment_still_moves_the_version(session, fields, executive, now):
    lead = make_lead(session, executive, now, cf_seats="40")
    session.commit()
    version = lead.version
    typed = _open(session, executive, lead.code)[0]
    leads.save_lead(session, executive, typed | {"cf_seats": "41"}, now=now, lead_id=lead.id)
    session.commit()
    assert session.get(Lead, lead.id).version > version


def test_two_people_changing_different_custom_fields_both_keep_their_change(session, fields, executive, manager,
                                                                            now):
    lead = make_lead(session, executive, now, assigned_to="E03", cf_seats="40")
    session.commit()
    a_typed, a_read = _open(session, manager, lead.code)
    b_typed, b_read = _open(session, executive, lead.code)
    _save(session, manager, lead.code, a_typed | {"cf_industry": "Retail"}, a_read, now + timedelta(minutes=1))
    saved = _save(session, executive, lead.code, b_typed | {"cf_seats": "55"}, b_read, now + timedelta(minutes=2))
    assert "(Industry)" in saved.note
    assert _shown(session, executive, "lead", lead.id) | {"Channel": ""} == {"Industry": "Retail", "Seats": "55",
                                                                             "Channel": ""}


def test_the_same_custom_field_changed_twice_is_refused(session, fields, executive, manager, now):
    lead = make_lead(session, executive, now, assigned_to="E03", cf_seats="40")
    session.commit()
    a_typed, a_read = _open(session, manager, lead.code)
    b_typed, b_read = _open(session, executive, lead.code)
    _save(session, manager, lead.code, a_typed | {"cf_seats": "50"}, a_read, now + timedelta(minutes=1))
    with pytest.raises(versions.EditConflict) as err:
        _save(session, executive, lead.code, b_typed | {"cf_seats": "60"}, b_read, now + timedelta(minutes=2))
    session.rollback()
    assert "Your change to Seats was not saved" in err.value.message
    assert _shown(session, executive, "lead", lead.id)["Seats"] == "50"


def test_a_value_whose_option_was_switched_off_survives_a_resave(session, fields, admin, executive, now):
    lead = make_lead(session, executive, now, cf_seats="40", cf_industry="Retail")
    field = cf.find_field(session, "lead", "Industry")
    retail = cf.options_of(session, [field.id])[field.id][0]
    cf.set_option_active(session, admin, retail.id, False)
    session.commit()
    typed, read = _open(session, executive, lead.code)
    _save(session, executive, lead.code, typed | {"description": "Call back"}, read, now + timedelta(minutes=1))
    assert _shown(session, executive, "lead", lead.id)["Industry"] == "Retail"
    options = {f["key"]: f["choices"] for f in cf.form_fields(session, executive, "lead", lead.id)}
    assert options["cf_industry"] == ["Retail", "Wholesale"]  # kept for this lead, not offered to others
    assert {f["key"]: f["choices"] for f in cf.form_fields(session, executive, "lead", None)}["cf_industry"] == [
        "Wholesale"]


def test_a_field_the_role_may_not_edit_is_read_only_on_the_form_and_refused(session, admin, executive, now):
    cf.add_field(session, admin, "lead", cf.FieldSpec(label="Credit limit", kind="amount", edit_roles=("admin",)),
                 now=now)
    lead = make_lead(session, admin, now, assigned_to="E03", cf_credit_limit="50000")
    session.commit()
    field = {f["key"]: f for f in cf.form_fields(session, executive, "lead", lead.id)}["cf_credit_limit"]
    assert (field["editable"], field["value"], field["prefix"]) == ("", "50000", "₹")
    with pytest.raises(ValidationError) as err:
        leads.save_lead(session, executive, {**_open(session, executive, lead.code)[0], "cf_credit_limit": "9"},
                        now=now, lead_id=lead.id)
    assert "only admin may change it" in err.value.errors["cf_credit_limit"]


def test_the_contact_save_takes_its_custom_values_too(session, fields, executive, now):
    contact = make_contact(session, executive, now, cf_referral_code="  REF-17 ")
    session.commit()
    assert _shown(session, executive, "contact", contact.id) == {"Referral code": "REF-17"}
    version = contact.version
    read = contact_form_values(session, executive, contact.code)
    assert read["cf_referral_code"] == "REF-17"
    typed = {k: v for k, v in read.items() if k != "version"} | {"cf_referral_code": "REF-18"}
    contacts.save_from_form(session, executive, typed, now=now + timedelta(minutes=1), code=contact.code,
                            read=read, version=read["version"], allow_duplicate=True)
    session.commit()
    assert session.get(Contact, contact.id).version > version
    assert _shown(session, executive, "contact", contact.id) == {"Referral code": "REF-18"}
    with pytest.raises(ValidationError) as err:
        contacts.save_contact(session, executive, typed | {"name": "", "cf_referral_code": "x" * 300}, now=now,
                              contact_id=contact.id)
    assert {"name", "cf_referral_code"} <= set(err.value.errors)
