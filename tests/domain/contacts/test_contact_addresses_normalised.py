"""Addresses: state in capitals, default type from settings, 6-digit Indian PIN,
exactly one default address."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.contacts import contact_detail, form_values
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.domain.masters import settings
from tests.contact_factory import contact_data, demo, engine, make_contact, master_id, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def _addresses(session, actor, contact):
    return contact_detail(session, actor, contact.code).addresses


def test_state_upper_cased_and_spaces_tidied(session, executive, now):
    contact = make_contact(session, executive, now, addresses=[
        {"line1": "12  Ashram Road", "city": "Ahmedabad", "state": "gujarat", "pin": "380009"}])
    [address] = _addresses(session, executive, contact)
    assert (address.state, address.city) == ("GUJARAT", "Ahmedabad")
    assert address.text.startswith("12 Ashram Road, Ahmedabad, GUJARAT 380009")


def test_type_defaults_from_settings(session, admin, executive, now):
    first = make_contact(session, executive, now, addresses=[{"city": "Surat"}])
    settings.update_defaults(session, admin, {"default_address_type": str(master_id(session, "address_type",
                                                                                       "Godown Address"))}, now=now)
    second = make_contact(session, executive, now, "Anubis Traders", addresses=[{"city": "Surat"}])
    assert _addresses(session, executive, first)[0].address_type == "Office Address"
    assert _addresses(session, executive, second)[0].address_type == "Godown Address"


def test_chosen_type_kept(session, executive, now):
    contact = make_contact(session, executive, now, addresses=[
        {"city": "Vapi", "address_type_id": str(master_id(session, "address_type", "Factory Address"))}])
    assert _addresses(session, executive, contact)[0].address_type == "Factory Address"


def test_type_must_be_an_address_type(session, executive, now):
    wrong_kind = str(master_id(session, "title", "Mr."))
    data = contact_data(session, addresses=[{"city": "Vapi", "address_type_id": wrong_kind}])
    assert refused(session, executive, now, data) == {
        "addresses.0.address_type_id": "Choose the type of address from the list."}


def test_indian_pin_needs_exactly_six_digits(session, executive, now):
    for bad in ("38000", "3800091", "38OO09"):
        data = contact_data(session, addresses=[{"city": "Ahmedabad", "pin": bad}])
        assert refused(session, executive, now, data) == {
            "addresses.0.pin": "An Indian PIN code has exactly 6 digits."}, bad


def test_foreign_postcode_not_held_to_six_digits(session, executive, now):
    contact = make_contact(session, executive, now, addresses=[
        {"city": "London", "country": "gb", "pin": "SW1A 1AA"}])
    [address] = form_values(session, executive, contact.code)["addresses"]
    assert (address["country"], address["pin"]) == ("GB", "SW1A 1AA")


def test_blank_address_rows_skipped_and_error_names_the_typed_row(session, executive, now):
    data = contact_data(session, addresses=[{"city": ""}, {"city": "Surat", "pin": "39"}])
    assert refused(session, executive, now, data) == {"addresses.1.pin": "An Indian PIN code has exactly 6 digits."}


def test_no_default_marked_makes_the_first_the_default(session, executive, now):
    contact = make_contact(session, executive, now, addresses=[{"city": "Surat"}, {"city": "Vapi"}])
    assert [(a.city, a.is_default) for a in _addresses(session, executive, contact)] == [
        ("Surat", True), ("Vapi", False)]


def test_two_defaults_marked_leave_exactly_one(session, executive, now):
    contact = make_contact(session, executive, now, addresses=[
        {"city": "Surat", "is_default": True}, {"city": "Vapi", "is_default": True}])
    assert [a.is_default for a in _addresses(session, executive, contact)].count(True) == 1


def test_the_one_marked_default_stays_default(session, executive, now):
    contact = make_contact(session, executive, now, addresses=[{"city": "Surat"}, {"city": "Vapi", "is_default": True}])
    assert [(a.city, a.is_default) for a in _addresses(session, executive, contact)] == [
        ("Surat", False), ("Vapi", True)]


def test_address_country_must_be_from_the_list(session, executive, now):
    data = contact_data(session, addresses=[{"city": "Ahmedabad", "country": "India", "pin": "38"}])
    with pytest.raises(ValidationError) as err:
        contacts.save_contact(session, executive, data, now=now)
    assert "addresses.0.country" in err.value.errors
