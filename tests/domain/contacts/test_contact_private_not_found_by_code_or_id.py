"""Opening, editing or changing a private contact one may not see says the same
"not found" as for a contact that does not exist; so does a contact mapped to divisions
one is not in (every test runs for both limits, contact_factory.HIDDEN_BY)."""
import pytest

from hoffice_app.domain.common import NotFound
from hoffice_app.domain.contacts import NOT_FOUND, contact_detail, form_values, get_visible
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import HIDDEN_BY, actor, contact_data, demo, engine, make_hidden  # noqa: F401  (fixtures: a copy of one seeded database)


@pytest.fixture(params=HIDDEN_BY)
def secret(request, session, admin, now):
    return make_hidden(session, admin, now, "Secret Client", request.param)


def _not_found(call):
    with pytest.raises(NotFound) as err:
        call()
    return err.value.message


def test_detail_and_form_by_code(session, secret):
    for code in ("E01", "E03"):
        who = actor(session, code)
        assert contact_detail(session, who, "c000001").display_name == "Mr. Secret Client"
        assert form_values(session, who, "C000001")["name"] == "Secret Client"
    for code in ("E02", "E04"):
        who = actor(session, code)
        assert _not_found(lambda: contact_detail(session, who, "C000001")) == NOT_FOUND
        assert _not_found(lambda: form_values(session, who, "C000001")) == NOT_FOUND


def test_same_message_for_a_missing_code(session, secret):
    karan = actor(session, "E04")
    private = _not_found(lambda: contact_detail(session, karan, "C000001"))
    missing = _not_found(lambda: contact_detail(session, karan, "C000099"))
    assert private == missing == "No such contact, or it is private and not shared with you."


def test_get_by_id(session, secret):
    assert get_visible(session, actor(session, "E03"), contact_id=secret.id).code == "C000001"
    assert get_visible(session, actor(session, "E01"), contact_id=secret.id).code == "C000001"
    for code in ("E02", "E04"):
        assert _not_found(lambda: get_visible(session, actor(session, code), contact_id=secret.id)) == NOT_FOUND


def test_edit_and_stage_change_refused(session, secret, now):
    karan = actor(session, "E04")
    message = _not_found(lambda: contacts.save_contact(session, karan, contact_data(session, "Hijacked"), now=now,
                                                       contact_id=secret.id))
    assert message == NOT_FOUND
    assert _not_found(lambda: contacts.set_customer(session, karan, secret.id, True, now=now)) == NOT_FOUND
    session.refresh(secret)
    assert (secret.name, secret.is_customer) == ("Secret Client", False)
