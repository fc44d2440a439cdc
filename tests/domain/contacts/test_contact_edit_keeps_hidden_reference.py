"""Someone who cannot see a contact's (private) referrer may still edit the
contact; the reference they cannot see is kept as it was."""
import pytest

from hoffice_app.domain.contacts import contact_detail, form_values
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import actor, demo, engine, make_contact, make_private  # noqa: F401  (fixtures: a copy of one seeded database)


@pytest.fixture
def referred(session, admin, executive, now):
    secret = make_private(session, admin, now, "Secret Client", shared_with=("E03",))
    return make_contact(session, executive, now, "Horus Tech", reference_kind="contact", reference_id=str(secret.id))


def test_reference_shown_as_private_to_others(session, referred):
    karan = actor(session, "E04")
    assert contact_detail(session, karan, referred.code).values["Reference"] == "Contact: (private)"
    assert contact_detail(session, actor(session, "E03"), referred.code).values["Reference"] == \
        "Contact: Secret Client (C000001)"


def test_colleague_edits_the_contact_and_the_reference_stays(session, referred, now):
    karan = actor(session, "E04")
    form = form_values(session, karan, referred.code)
    form["designation"] = "Head office"
    contacts.save_contact(session, karan, form, now=now, contact_id=referred.id)
    neha_view = contact_detail(session, actor(session, "E03"), referred.code).values
    assert (neha_view["Designation"], neha_view["Reference"]) == ("Head office", "Contact: Secret Client (C000001)")
