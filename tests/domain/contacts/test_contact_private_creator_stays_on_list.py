"""Whoever makes a contact private (if not an administrator) stays on its list;
an administrator must name at least one employee."""
from hoffice_app.domain.contacts import ContactQuery, contact_detail, search_contacts
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import actor, contact_data, demo, employee_id, engine, make_contact, make_private, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def test_executive_sharing_with_a_colleague_keeps_seeing_it(session, demo, now):
    karan = actor(session, "E04")
    contact = make_private(session, karan, now, "Secret Client", shared_with=("E03",))
    detail = contact_detail(session, karan, contact.code)
    assert detail.is_private
    assert detail.shared_with == ["Karan Mehta (E04)", "Neha Joshi (E03)"]
    assert search_contacts(session, karan, ContactQuery()).total == 1


def test_executive_making_a_contact_private_with_no_one_keeps_it(session, demo, now):
    karan = actor(session, "E04")
    contact = make_contact(session, karan, now, "Open Traders")
    contacts.save_contact(session, karan, contact_data(session, "Open Traders", is_private=True,
                                                       privacy_employee_ids=[]), now=now, contact_id=contact.id)
    assert contact_detail(session, karan, contact.code).shared_with == ["Karan Mehta (E04)"]
    assert search_contacts(session, actor(session, "E05"), ContactQuery()).total == 0


def test_admin_must_choose_someone(session, admin, now):
    errors = refused(session, admin, now, contact_data(session, is_private=True, privacy_employee_ids=[]))
    assert errors == {"privacy_employee_ids": "Choose who may see this private contact."}


def test_admin_is_not_added_to_the_list(session, admin, now):
    contact = make_private(session, admin, now, shared_with=("E05",))
    assert contact_detail(session, admin, contact.code).shared_with == ["Priya Desai (E05)"]


def test_unknown_employee_refused(session, admin, now):
    data = contact_data(session, is_private=True, privacy_employee_ids=[str(employee_id(session, "E03")), "999"])
    assert refused(session, admin, now, data) == {"privacy_employee_ids": "Choose employees from the list."}


def test_making_it_public_again_shows_it_to_everyone(session, admin, now):
    contact = make_private(session, admin, now, "Secret Client", shared_with=("E03",))
    contacts.save_contact(session, admin, contact_data(session, "Secret Client", is_private=False), now=now,
                          contact_id=contact.id)
    assert search_contacts(session, actor(session, "E04"), ContactQuery()).total == 1
    assert contact_detail(session, admin, contact.code).shared_with == []
