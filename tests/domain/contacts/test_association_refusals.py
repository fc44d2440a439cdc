"""Associations refused: the same link twice, a contact with itself, an unknown
relation, and a contact the actor may not see."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.contacts import NOT_FOUND, associations
from tests.contact_factory import actor, demo, engine, make_contact, make_private, master_id  # noqa: F401  (fixtures: a copy of one seeded database)


def _refusal(session, who, contact_id, code, relation_id, now):
    with pytest.raises(ValidationError) as err:
        associations.associate(session, who, contact_id, code, relation_id, now=now)
    return err.value.errors


@pytest.fixture
def pair(session, executive, now):
    return make_contact(session, executive, now, "Horus Tech"), make_contact(session, executive, now, "Neel Shah")


def test_same_link_twice(session, executive, now, pair):
    _company, person = pair
    employee = master_id(session, "relation", "Employee")
    associations.associate(session, executive, person.id, "C000001", employee, now=now)
    assert _refusal(session, executive, person.id, "C000001", employee, now) == {
        "related": "Neel Shah is already Employee of Horus Tech."}
    assert len(associations.list_associations(session, executive, person.id)) == 1


def test_with_itself(session, executive, now, pair):
    _company, person = pair
    assert _refusal(session, executive, person.id, "C000002", master_id(session, "relation", "Partner"), now) == {
        "related": "A contact cannot be associated with itself."}


def test_unknown_relation(session, executive, now, pair):
    _company, person = pair
    for bad in ("", "999999", str(master_id(session, "title", "Mr."))):
        assert _refusal(session, executive, person.id, "C000001", bad, now) == {
            "relation": "Choose the relation."}, bad
    assert associations.list_associations(session, executive, person.id) == []


def test_no_contact_chosen(session, executive, now, pair):
    _company, person = pair
    assert _refusal(session, executive, person.id, "", master_id(session, "relation", "Partner"), now) == {
        "related": "Choose the contact to associate."}


def test_contact_the_actor_cannot_see(session, admin, now, pair):
    _company, person = pair
    make_private(session, admin, now, "Secret Client", shared_with=("E03",))
    karan = actor(session, "E04")
    errors = _refusal(session, karan, person.id, "C000003", master_id(session, "relation", "Partner"), now)
    assert errors == {"related": NOT_FOUND}
    assert errors["related"] == _refusal(session, karan, person.id, "C000999",
                                         master_id(session, "relation", "Partner"), now)["related"]


def test_shared_private_contact_can_be_linked(session, admin, executive, now, pair):
    _company, person = pair
    make_private(session, admin, now, "Secret Client", shared_with=("E03",))
    view = associations.associate(session, executive, person.id, "C000003", master_id(session, "relation", "Partner"),
                                  now=now)
    assert view.text == "Partner of Secret Client"
