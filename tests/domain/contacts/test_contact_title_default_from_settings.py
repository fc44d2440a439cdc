"""A contact saved without a title gets the default title of the settings."""
from hoffice_app.domain.contacts import contact_detail
from hoffice_app.domain.masters import settings
from tests.contact_factory import demo, engine, make_contact, master_id  # noqa: F401  (fixtures: a copy of one seeded database)


def test_no_title_gives_the_seeded_default_mr(session, executive, now):
    contact = make_contact(session, executive, now, "Neel Shah")
    assert contact.title_id == master_id(session, "title", "Mr.")
    assert contact_detail(session, executive, contact.code).values["Title"] == "Mr."


def test_changed_default_title_applies_to_new_contacts(session, admin, executive, now):
    settings.update_defaults(session, admin, {"default_title": str(master_id(session, "title", "Dr."))}, now=now)
    contact = make_contact(session, executive, now, "Neel Shah")
    assert contact_detail(session, executive, contact.code).display_name == "Dr. Neel Shah"


def test_chosen_title_wins_over_the_default(session, executive, now):
    contact = make_contact(session, executive, now, "Horus Tech", title_id=str(master_id(session, "title", "M/S")))
    assert contact_detail(session, executive, contact.code).display_name == "M/S Horus Tech"


def test_a_company_from_the_quick_dialog_gets_m_s_not_mr(session, executive, now):
    """The lead form's "+" dialog says whether the new contact is a company."""
    company = make_contact(session, executive, now, "Omkar Pharma Pvt Ltd", is_company=True)
    assert contact_detail(session, executive, company.code).display_name == "M/S Omkar Pharma Pvt Ltd"
    person = make_contact(session, executive, now, "Neel Shah", is_company=False)
    assert person.title_id == master_id(session, "title", "Mr.")
    chosen = make_contact(session, executive, now, "Dr. Firm", is_company=True,
                          title_id=str(master_id(session, "title", "Dr.")))
    assert chosen.title_id == master_id(session, "title", "Dr.")


def test_without_an_m_s_title_a_company_gets_none_rather_than_mr(session, admin, executive, now):
    from hoffice_app.domain.masters import entries

    entries.delete_entry(session, admin, master_id(session, "title", "M/S"))
    company = make_contact(session, executive, now, "Omkar Pharma Pvt Ltd", is_company=True)
    assert company.title_id is None
