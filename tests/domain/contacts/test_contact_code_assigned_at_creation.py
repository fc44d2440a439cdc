"""Each new contact gets the next readable code; the code never changes and a
failed save burns no number."""
import pytest

from hoffice_app.domain.contacts import contact_detail
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import contact_data, demo, engine, make_contact, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def test_first_two_contacts_get_c000001_and_c000002(session, executive, now):
    first = make_contact(session, executive, now, "Horus Tech")
    second = make_contact(session, executive, now, "Anubis Traders")
    assert (first.code, second.code) == ("C000001", "C000002")
    assert contact_detail(session, executive, "C000002").display_name == "Mr. Anubis Traders"


def test_code_is_kept_when_the_contact_is_edited(session, executive, now):
    contact = make_contact(session, executive, now, "Horus Tech")
    data = contact_data(session, "Horus Technologies", code="C999999")
    edited, _ = contacts.save_contact(session, executive, data, now=now, contact_id=contact.id)
    assert edited.id == contact.id
    assert edited.code == "C000001"
    assert contact_detail(session, executive, "C000001").display_name == "Mr. Horus Technologies"


def test_refused_save_does_not_use_up_a_code(session, executive, now):
    make_contact(session, executive, now, "Horus Tech")
    assert "name" in refused(session, executive, now, contact_data(session, ""))
    assert make_contact(session, executive, now, "Anubis Traders").code == "C000002"


def test_duplicate_refusal_does_not_use_up_a_code(session, executive, now):
    make_contact(session, executive, now, "Horus Tech", emails=["info@horus.in"])
    with pytest.raises(contacts.DuplicateFound):
        contacts.save_contact(session, executive, contact_data(session, "Horus Again", emails=["info@horus.in"]),
                              now=now)
    assert make_contact(session, executive, now, "Anubis Traders").code == "C000002"


def test_rolled_back_save_gives_its_code_to_the_next_contact(session, executive, now):
    make_contact(session, executive, now, "Horus Tech")
    session.commit()
    make_contact(session, executive, now, "Rolled Back")
    session.rollback()
    assert make_contact(session, executive, now, "Anubis Traders").code == "C000002"
