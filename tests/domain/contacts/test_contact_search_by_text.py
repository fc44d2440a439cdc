"""The search box finds a contact by part of its name, its code in any case, an
e-mail, or a mobile typed in any of the usual ways."""
import pytest

from hoffice_app.domain.contacts import ContactQuery, search_contacts
from tests.contact_factory import demo, engine, make_contact  # noqa: F401  (fixtures: a copy of one seeded database)


@pytest.fixture
def book(session, executive, now):
    make_contact(session, executive, now, "Horus Technologies", emails=["neel.shah@horus.in"],
                 mobiles=["98250 12345"])
    make_contact(session, executive, now, "Anubis Traders", emails=["accounts@anubis.co.in"],
                 mobiles=["99099 88776"], office_phones=["079 2686 2513"])
    make_contact(session, executive, now, "Horizon Foods")


def _names(session, who, text):
    return [r.name for r in search_contacts(session, who, ContactQuery(text=text)).rows]


def test_part_of_the_name(session, executive, book):
    assert _names(session, executive, "techno") == ["Horus Technologies"]
    assert _names(session, executive, "hor") == ["Horizon Foods", "Horus Technologies"]


def test_every_word_must_match(session, executive, book):
    assert _names(session, executive, "horus foods") == []
    assert _names(session, executive, "FOODS hori") == ["Horizon Foods"]


def test_code_in_any_case(session, executive, book):
    assert _names(session, executive, "c000002") == ["Anubis Traders"]
    assert _names(session, executive, "C000002") == ["Anubis Traders"]


def test_email(session, executive, book):
    assert _names(session, executive, "neel.shah@horus.in") == ["Horus Technologies"]
    assert _names(session, executive, "anubis.co") == ["Anubis Traders"]


@pytest.mark.parametrize("typed", ["98250 12345", "+91-98250-12345", "9825012345", "(98250) 12345", "919825012345"])
def test_mobile_in_any_format(session, executive, book, typed):
    assert _names(session, executive, typed) == ["Horus Technologies"]


def test_row_shows_primary_email_and_mobile(session, executive, book):
    [row] = search_contacts(session, executive, ContactQuery(text="horus")).rows
    assert (row.code, row.email, row.mobile, row.stage, row.title) == (
        "C000001", "neel.shah@horus.in", "+91 98250 12345", "Prospect", "Mr.")


def test_office_phone_found_by_its_digits(session, executive, book):
    assert _names(session, executive, "79 2686 2513") == ["Anubis Traders"]


def test_mobile_typed_with_the_leading_zero(session, executive, book):
    assert _names(session, executive, "098250 12345") == ["Horus Technologies"]


def test_empty_search_lists_everyone_by_name(session, executive, book):
    assert _names(session, executive, "  ") == ["Anubis Traders", "Horizon Foods", "Horus Technologies"]


def test_a_term_must_appear_whole_not_only_its_pieces(session, executive, now):
    """The search index keeps which contacts hold each three-letter piece, not where: "Abcd
    Cdef" holds every piece of "abcdef" (abc, bcd, cde, def) but not the word itself."""
    make_contact(session, executive, now, "Abcd Cdef")
    make_contact(session, executive, now, "Abcdef Traders")
    assert _names(session, executive, "abcdef") == ["Abcdef Traders"]
    assert _names(session, executive, "abcd") == ["Abcd Cdef", "Abcdef Traders"]
