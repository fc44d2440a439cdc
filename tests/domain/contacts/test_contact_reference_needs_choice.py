""""Came through" a contact, an employee or a campaign: the kind needs a matching choice."""
from hoffice_app.domain.contacts import contact_detail
from tests.contact_factory import (  # noqa: F401  (fixtures: a copy of one seeded database)
    actor,
    contact_data,
    demo,
    employee_id,
    engine,
    make_contact,
    make_private,
    master_id,
    refused,
)


def test_each_kind_without_a_choice_refused(session, executive, now):
    for kind in ("contact", "employee", "campaign"):
        errors = refused(session, executive, now, contact_data(session, reference_kind=kind))
        assert errors == {"reference_id": f"Choose the {kind} this contact came through."}


def test_campaign_kind_with_an_employee_id_refused(session, executive, now):
    data = contact_data(session, reference_kind="campaign", reference_id=str(employee_id(session, "E04")))
    assert refused(session, executive, now, data) == {"reference_id": "Choose the campaign this contact came through."}


def test_unknown_kind_refused(session, executive, now):
    errors = refused(session, executive, now, contact_data(session, reference_kind="friend", reference_id="1"))
    assert errors == {"reference_kind": "Choose a reference from the list."}


def test_employee_reference_shown(session, executive, now):
    contact = make_contact(session, executive, now, reference_kind="employee",
                           reference_id=str(employee_id(session, "E04")))
    assert contact_detail(session, executive, contact.code).values["Reference"] == "Employee: Karan Mehta (E04)"


def test_campaign_reference_shown(session, executive, now):
    contact = make_contact(session, executive, now, reference_kind="campaign",
                           reference_id=str(master_id(session, "campaign", "Trade Show 2026")))
    assert contact_detail(session, executive, contact.code).values["Reference"] == "Campaign: Trade Show 2026"


def test_contact_reference_shown(session, executive, now):
    referrer = make_contact(session, executive, now, "Horus Tech")
    contact = make_contact(session, executive, now, "Anubis Traders", reference_kind="contact",
                           reference_id=str(referrer.id))
    assert contact_detail(session, executive, contact.code).values["Reference"] == "Contact: Horus Tech (C000001)"


def test_private_contact_the_actor_cannot_see_refused_as_reference(session, admin, now):
    secret = make_private(session, admin, now, shared_with=("E03",))
    karan = actor(session, "E04")
    data = contact_data(session, "Anubis Traders", reference_kind="contact", reference_id=str(secret.id))
    assert refused(session, karan, now, data) == {"reference_id": "Choose the contact this contact came through."}
