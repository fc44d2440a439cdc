"""Saving a contact whose e-mail or mobile another contact already has stops with
the other contact named; the user may save anyway."""
import pytest

from hoffice_app.domain.contacts import DuplicateHit
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import (  # noqa: F401  (fixtures: a copy of one seeded database)
    actor,
    contact_data,
    demo,
    engine,
    make_contact,
    make_divisional,
    make_private,
    set_divisions_limit,
)


def _hits(session, who, now, data, **kw):
    with pytest.raises(contacts.DuplicateFound) as err:
        contacts.save_contact(session, who, data, now=now, **kw)
    assert err.value.message == "Another contact has the same e-mail or mobile number."
    return err.value.hits


def test_same_email_in_another_case(session, executive, now):
    make_contact(session, executive, now, "Horus Tech", emails=["Neel.Shah@Horus.in"])
    hits = _hits(session, executive, now, contact_data(session, "Horus Again", emails=["NEEL.SHAH@HORUS.IN"]))
    assert hits == [DuplicateHit(code="C000001", name="Horus Tech", matched_on="e-mail NEEL.SHAH@horus.in")]


def test_same_mobile_in_another_format(session, executive, now):
    make_contact(session, executive, now, "Neel Shah", mobiles=["98250 12345"])
    hits = _hits(session, executive, now, contact_data(session, "N. Shah", mobiles=["+91-98250-12345"]))
    assert hits == [DuplicateHit(code="C000001", name="Neel Shah", matched_on="mobile +91 98250 12345")]


def test_refused_duplicate_writes_nothing(session, executive, now):
    make_contact(session, executive, now, "Neel Shah", mobiles=["9825012345"])
    _hits(session, executive, now, contact_data(session, "N. Shah", mobiles=["09825012345"]))
    assert contacts.count_visible(session, executive)["contacts"] == 1


def test_allow_duplicate_saves_anyway(session, executive, now):
    make_contact(session, executive, now, "Horus Tech", emails=["info@horus.in"])
    contact, _ = contacts.save_contact(session, executive, contact_data(session, "Horus Again",
                                                                        emails=["info@horus.in"]),
                                       now=now, allow_duplicate=True)
    assert contact.code == "C000002"
    assert contacts.count_visible(session, executive)["contacts"] == 2


def test_office_phone_equal_to_a_mobile_is_not_a_duplicate(session, executive, now):
    make_contact(session, executive, now, "Neel Shah", office_phones=["07926862513"])
    contact, _ = contacts.save_contact(session, executive, contact_data(session, "Horus Tech",
                                                                        office_phones=["079 2686 2513"]), now=now)
    assert contact.code == "C000002"


def test_private_duplicate_reported_without_name_or_code(session, admin, now):
    make_private(session, admin, now, "Secret Client", shared_with=("E03",), emails=["boss@secret.in"])
    for code in ("E04", "E02"):
        hits = _hits(session, actor(session, code), now, contact_data(session, "Someone", emails=["boss@secret.in"]))
        assert hits == [DuplicateHit(code="", name="A private contact you cannot open",
                                     matched_on="e-mail boss@secret.in")], code


def test_private_duplicate_named_for_whom_it_is_shared_with(session, admin, executive, now):
    make_private(session, admin, now, "Secret Client", shared_with=("E03",), emails=["boss@secret.in"])
    for who in (executive, admin):
        hits = _hits(session, who, now, contact_data(session, "Someone", emails=["boss@secret.in"]))
        assert [(h.code, h.name) for h in hits] == [("C000001", "Secret Client")]


def test_a_duplicate_outside_ones_divisions_reported_without_name_or_code(session, admin, executive, now):
    make_divisional(session, admin, now, "Secret Client", emails=["boss@secret.in"])  # E03's division only
    for code in ("E04", "E02"):
        hits = _hits(session, actor(session, code), now, contact_data(session, "Someone", emails=["boss@secret.in"]))
        assert hits == [DuplicateHit(code="", name="A private contact you cannot open",
                                     matched_on="e-mail boss@secret.in")], code
    for who in (executive, admin):
        hits = _hits(session, who, now, contact_data(session, "Someone", emails=["boss@secret.in"]))
        assert [(h.code, h.name) for h in hits] == [("C000001", "Secret Client")]
    set_divisions_limit(session, now, False)
    hits = _hits(session, actor(session, "E04"), now, contact_data(session, "Someone", emails=["boss@secret.in"]))
    assert [(h.code, h.name) for h in hits] == [("C000001", "Secret Client")]


def test_editing_a_contact_does_not_find_itself(session, executive, now):
    contact = make_contact(session, executive, now, "Horus Tech", emails=["info@horus.in"], mobiles=["9825012345"])
    edited, _ = contacts.save_contact(session, executive, contact_data(session, "Horus Technologies",
                                                                       emails=["INFO@horus.in"],
                                                                       mobiles=["98250 12345"]),
                                      now=now, contact_id=contact.id)
    assert (edited.code, edited.name) == ("C000001", "Horus Technologies")


def test_editing_still_finds_the_other_contact(session, executive, now):
    make_contact(session, executive, now, "Horus Tech", emails=["info@horus.in"])
    other = make_contact(session, executive, now, "Anubis Traders")
    hits = _hits(session, executive, now, contact_data(session, "Anubis Traders", emails=["info@horus.in"]),
                 contact_id=other.id)
    assert [h.code for h in hits] == ["C000001"]
