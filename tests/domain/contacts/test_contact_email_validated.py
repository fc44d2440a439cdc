"""E-mail addresses are checked and tidied: the domain is lower-cased, the local part kept."""
from hoffice_app.domain.contacts import contact_detail
from tests.contact_factory import contact_data, demo, engine, make_contact, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def test_bad_address_refused_under_its_position(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, emails=["not-an-email"]))
    assert list(errors) == ["emails.0"]
    assert errors["emails.0"].startswith("Not a valid e-mail address:")


def test_second_bad_address_names_the_second_field(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, emails=["good@horus.in", "bad@@horus"]))
    assert list(errors) == ["emails.1"]


def test_domain_lower_cased_local_part_kept(session, executive, now):
    contact = make_contact(session, executive, now, emails=["Asha.Patel@Example.COM"])
    assert contact_detail(session, executive, contact.code).emails == ["Asha.Patel@example.com"]


def test_blank_and_repeated_addresses_dropped_first_is_primary(session, executive, now):
    contact = make_contact(session, executive, now, emails=["Neel@horus.in", "", "NEEL@Horus.IN", "ceo@horus.in"])
    assert contact_detail(session, executive, contact.code).emails == ["Neel@horus.in", "ceo@horus.in"]
