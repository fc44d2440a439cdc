"""A contact needs a name and a type of contact; nothing is written otherwise."""
from sqlmodel import func, select

from hoffice_app.models import Contact
from tests.contact_factory import contact_data, demo, engine, make_contact, master_id, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def _count(session):
    return session.exec(select(func.count()).select_from(Contact)).one()


def test_missing_name_and_type_are_both_reported(session, executive, now):
    errors = refused(session, executive, now, {"name": "   "})
    assert errors["name"] == "Enter the contact's name."
    assert errors["contact_type_id"] == "Choose the type of contact."
    assert _count(session) == 0


def test_type_must_be_a_contact_type(session, executive, now):
    data = contact_data(session, contact_type_id=str(master_id(session, "industry", "Finance")))
    assert refused(session, executive, now, data) == {"contact_type_id": "Choose the type of contact from the list."}


def test_name_over_200_characters_refused(session, executive, now):
    assert refused(session, executive, now, contact_data(session, "x" * 201)) == {
        "name": "Use at most 200 characters."}


def test_name_spaces_are_tidied(session, executive, now):
    contact = make_contact(session, executive, now, "  Horus    Tech ")
    assert contact.name == "Horus Tech"
    assert contact.contact_type_id == master_id(session, "contact_type", "Customer")


def test_unknown_country_refused(session, executive, now):
    assert refused(session, executive, now, contact_data(session, country="XX")) == {
        "country": "Choose a country from the list."}
