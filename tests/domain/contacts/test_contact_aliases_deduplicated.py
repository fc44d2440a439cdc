"""Aliases are tidied, kept once each, and find the contact in search."""
from hoffice_app.domain.contacts import ContactQuery, contact_detail, pick_contacts, search_contacts
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import contact_data, demo, engine, make_contact  # noqa: F401  (fixtures: a copy of one seeded database)


def test_repeats_and_blanks_dropped(session, executive, now):
    contact = make_contact(session, executive, now, aliases=["HT", " HT ", "", "Horus   Technologies", "HT"])
    assert contact_detail(session, executive, contact.code).aliases == ["HT", "Horus Technologies"]


def test_alias_finds_the_contact(session, executive, now):
    make_contact(session, executive, now, "Horus Tech", aliases=["Sun Disk Systems"])
    make_contact(session, executive, now, "Anubis Traders")
    page = search_contacts(session, executive, ContactQuery(text="disk sys"))
    assert [r.name for r in page.rows] == ["Horus Tech"]
    assert [o.label for o in pick_contacts(session, executive, "sun disk")] == ["Horus Tech · C000001"]


def test_removed_alias_no_longer_finds_the_contact(session, executive, now):
    contact = make_contact(session, executive, now, "Horus Tech", aliases=["Sun Disk"])
    contacts.save_contact(session, executive, contact_data(session, "Horus Tech", aliases=[]), now=now,
                          contact_id=contact.id)
    assert search_contacts(session, executive, ContactQuery(text="sun disk")).total == 0


def test_aliases_differing_only_in_case_kept_once(session, executive, now):
    contact = make_contact(session, executive, now, aliases=["HT", "ht", "Ht"])
    assert contact_detail(session, executive, contact.code).aliases == ["HT"]
