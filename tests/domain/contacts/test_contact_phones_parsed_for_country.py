"""Phones are read for the contact's country and stored in E.164."""
from hoffice_app.domain.contacts import contact_detail
from tests.contact_factory import contact_data, demo, engine, make_contact, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def _phones(session, actor, contact):
    return [(p.kind, p.number, p.display) for p in contact_detail(session, actor, contact.code).phones]


def test_indian_mobile_with_a_space(session, executive, now):
    contact = make_contact(session, executive, now, country="IN", mobiles=["98250 12345"])
    assert _phones(session, executive, contact) == [("mobile", "+919825012345", "+91 98250 12345")]


def test_invalid_mobile_refused_under_its_position(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, country="IN", mobiles=["12345"]))
    assert errors == {"mobiles.0": "Not a valid mobile number for India."}


def test_landline_typed_as_mobile_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, mobiles=["98250 12345", "07926862513"]))
    assert errors == {"mobiles.1": "Not a valid mobile number for India."}


def test_us_number_for_a_us_contact(session, executive, now):
    contact = make_contact(session, executive, now, country="US", mobiles=["(650) 253-0000"])
    assert _phones(session, executive, contact) == [("mobile", "+16502530000", "+1 650-253-0000")]


def test_indian_mobile_is_not_valid_for_a_us_contact(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, country="US", mobiles=["98250 12345"]))
    assert errors == {"mobiles.0": "Not a valid mobile number for United States."}


def test_office_phone_with_std_code(session, executive, now):
    contact = make_contact(session, executive, now, office_phones=["07926862513"])
    assert _phones(session, executive, contact) == [("office", "+917926862513", "+91 79 2686 2513")]


def test_country_defaults_from_settings_for_phones(session, executive, now):
    contact = make_contact(session, executive, now, mobiles=["9825012345"])
    assert contact.country == "IN"
    assert _phones(session, executive, contact)[0][1] == "+919825012345"


def test_same_mobile_twice_kept_once(session, executive, now):
    contact = make_contact(session, executive, now, mobiles=["98250 12345", "+91-98250-12345"])
    assert [p[1] for p in _phones(session, executive, contact)] == ["+919825012345"]
