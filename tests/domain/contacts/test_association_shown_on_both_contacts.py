"""An association "<contact> is <relation> of <other>" shows on both contacts,
worded from each side."""
from hoffice_app.domain.contacts import associations, contact_detail
from tests.contact_factory import demo, engine, make_contact, master_id  # noqa: F401  (fixtures: a copy of one seeded database)


def test_link_reads_from_each_side(session, executive, now):
    make_contact(session, executive, now, "Horus Tech")
    person = make_contact(session, executive, now, "Neel Shah")
    view = associations.associate(session, executive, person.id, "c000001", master_id(session, "relation", "Employee"),
                                  now=now)
    assert (view.other_code, view.other_name, view.text) == ("C000001", "Horus Tech", "Employee of Horus Tech")
    assert [(a.other_code, a.text) for a in contact_detail(session, executive, "C000002").associations] == [
        ("C000001", "Employee of Horus Tech")]
    assert [(a.other_code, a.text) for a in contact_detail(session, executive, "C000001").associations] == [
        ("C000002", "Neel Shah is Employee of this contact")]


def test_removed_link_gone_from_both(session, executive, now):
    make_contact(session, executive, now, "Horus Tech")
    person = make_contact(session, executive, now, "Neel Shah")
    view = associations.associate(session, executive, person.id, "C000001", master_id(session, "relation", "Owner"),
                                  now=now)
    associations.remove_association(session, executive, view.id)
    assert contact_detail(session, executive, "C000001").associations == []
    assert contact_detail(session, executive, "C000002").associations == []


def test_two_relations_between_the_same_pair_allowed(session, executive, now):
    make_contact(session, executive, now, "Horus Tech")
    person = make_contact(session, executive, now, "Neel Shah")
    for relation in ("Director", "Owner"):
        associations.associate(session, executive, person.id, "C000001", master_id(session, "relation", relation),
                               now=now)
    assert [a.text for a in associations.list_associations(session, executive, person.id)] == [
        "Director of Horus Tech", "Owner of Horus Tech"]
