"""A master entry a contact uses cannot be deleted; the refusal says contacts use it."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.contacts import associations
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.domain.masters import entries as masters
from tests.contact_factory import contact_data, demo, engine, make_contact, master_id  # noqa: F401  (fixtures: a copy of one seeded database)


def _refusal(session, admin, kind, name):
    with pytest.raises(ValidationError) as err:
        masters.delete_entry(session, admin, master_id(session, kind, name))
    assert master_id(session, kind, name)  # still there
    return err.value.errors["delete"]


def test_industry(session, admin, executive, now):
    make_contact(session, executive, now, industry_id=str(master_id(session, "industry", "Healthcare")))
    assert "1 contact" in _refusal(session, admin, "industry", "Healthcare")


def test_contact_type(session, admin, executive, now):
    make_contact(session, executive, now, "A", contact_type_id=str(master_id(session, "contact_type", "Vendor")))
    make_contact(session, executive, now, "B", contact_type_id=str(master_id(session, "contact_type", "Vendor")))
    message = _refusal(session, admin, "contact_type", "Vendor")
    assert message.startswith("“Vendor” is in use (2 contacts).")


def test_category(session, admin, executive, now):
    make_contact(session, executive, now, category_ids=[str(master_id(session, "contact_category", "Government"))])
    assert _refusal(session, admin, "contact_category", "Government").startswith("“Government” is in use (1 contact)")


def test_division(session, admin, executive, now):
    make_contact(session, executive, now, division_ids=[str(master_id(session, "division", "corpteaser"))])
    assert "1 contact" in _refusal(session, admin, "division", "corpteaser")


def test_relation(session, admin, executive, now):
    make_contact(session, executive, now, "Horus Tech")
    person = make_contact(session, executive, now, "Neel Shah")
    associations.associate(session, executive, person.id, "C000001", master_id(session, "relation", "Consultant"),
                           now=now)
    assert _refusal(session, admin, "relation", "Consultant").startswith(
        "“Consultant” is in use (1 contact association)")


def test_title_segment_and_campaign(session, admin, executive, now):
    make_contact(session, executive, now, title_id=str(master_id(session, "title", "Dr.")),
                 industry_id=str(master_id(session, "industry", "Retail")),
                 segment_id=str(master_id(session, "segment", "Fashion")),
                 reference_kind="campaign", reference_id=str(master_id(session, "campaign", "Website")))
    for kind, name in (("title", "Dr."), ("segment", "Fashion"), ("campaign", "Website")):
        assert f"“{name}” is in use (1 contact)" in _refusal(session, admin, kind, name), name


def test_unused_once_the_contact_stops_using_it(session, admin, executive, now):
    contact = make_contact(session, executive, now, category_ids=[str(master_id(session, "contact_category",
                                                                                 "Government"))])
    contacts.save_contact(session, executive, contact_data(session, category_ids=[]), now=now, contact_id=contact.id)
    masters.delete_entry(session, admin, master_id(session, "contact_category", "Government"))
    assert "Government" not in [e.name for e in masters.list_entries(session, admin, "contact_category")]
