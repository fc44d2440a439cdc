"""A prospect becomes a customer (and back) by hand."""
from hoffice_app.domain.contacts import ContactQuery, contact_detail, search_contacts
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import demo, engine, make_contact  # noqa: F401  (fixtures: a copy of one seeded database)


def test_new_contact_is_a_prospect(session, executive, now):
    contact = make_contact(session, executive, now)
    assert contact_detail(session, executive, contact.code).values["Stage"] == "Prospect"


def test_prospect_turned_customer(session, executive, now):
    contact = make_contact(session, executive, now)
    contacts.set_customer(session, executive, contact.id, True, now=now)
    detail = contact_detail(session, executive, contact.code)
    assert (detail.is_customer, detail.values["Stage"]) == (True, "Customer")
    assert [r.stage for r in search_contacts(session, executive, ContactQuery(stage="customer")).rows] == ["Customer"]
    assert contacts.count_visible(session, executive) == {"contacts": 1, "customers": 1, "prospects": 0}


def test_customer_turned_back_into_a_prospect(session, executive, now):
    contact = make_contact(session, executive, now, is_customer=True)
    contacts.set_customer(session, executive, contact.id, False, now=now)
    assert contacts.count_visible(session, executive) == {"contacts": 1, "customers": 0, "prospects": 1}
