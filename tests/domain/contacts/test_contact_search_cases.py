"""One table of contact searches with the rows each must give, in order. bin/test runs it on
SQLite (FTS5 trigram table for terms of 3+ characters, LIKE for shorter ones) and again on
PostgreSQL (LIKE served by the pg_trgm GIN index, migration 0016): both engines must give
exactly these rows, so a difference between the two search paths shows here.

Names are ordered by their case-folded key, code point by code point (SQLite's BINARY
collation; the test server's C.UTF-8). E04 is an executive the private contact is not
shared with, E03 one it is shared with, E01 the administrator."""
import pytest

from hoffice_app.domain.contacts import ContactQuery, pick_contacts, search_contacts
from tests.contact_factory import actor, demo, engine, make_contact, make_private  # noqa: F401

BOOK = {  # name → extra fields of the form
    "Horus Technologies": {"emails": ["neel.shah@horus.in"], "mobiles": ["98250 12345"]},
    "Horizon Foods": {"office_phones": ["079 2686 2513"]},
    "100% Pure Oils": {}, "1000 Pure Oils": {},
    "A_B Corp": {}, "AXB Corp": {},
    "Slash\\Dot Media": {}, "SlashDot Media": {},
    "Éclair Pâtisserie": {}, "Straße Logistik": {}, "Ōkubo Trading": {"aliases": ["OKT"]},
}
SECRET = "Zephyr Secret Traders"

CASES = [  # (who, typed, names in order)
    ("E04", "hor", ["Horizon Foods", "Horus Technologies"]),
    ("E04", "HO", ["Horizon Foods", "Horus Technologies"]),
    ("E04", "FOODS hori", ["Horizon Foods"]),
    ("E04", "horus foods", []),
    ("E04", "pure oi", ["100% Pure Oils", "1000 Pure Oils"]),
    ("E04", "c000001", ["Horus Technologies"]),
    ("E04", "C000002", ["Horizon Foods"]),
    ("E04", "neel.shah@horus", ["Horus Technologies"]),
    ("E04", "@horus.in", ["Horus Technologies"]),
    ("E04", "+91 98250-12345", ["Horus Technologies"]),
    ("E04", "(98250) 12345", ["Horus Technologies"]),
    ("E04", "79 2686 2513", ["Horizon Foods"]),
    ("E04", "100%", ["100% Pure Oils"]),
    ("E04", "%", ["100% Pure Oils"]),
    ("E04", "_", ["A_B Corp"]),
    ("E04", "a_b", ["A_B Corp"]),
    ("E04", "slash\\d", ["Slash\\Dot Media"]),
    ("E04", "\\", ["Slash\\Dot Media"]),
    ("E04", "éclair", ["Éclair Pâtisserie"]),
    ("E04", "ÉCLAIR", ["Éclair Pâtisserie"]),
    ("E04", "pâ", ["Éclair Pâtisserie"]),
    ("E04", "eclair", []),  # no accent folding on either engine
    ("E04", "straße", ["Straße Logistik"]),
    ("E04", "STRASSE", ["Straße Logistik"]),
    ("E04", "ŌKUBO", ["Ōkubo Trading"]),
    ("E04", "okt", ["Ōkubo Trading"]),
    ("E04", '"big" OR "x', []),
    ("E04", "zephyr", []),
    ("E04", "tra", ["Straße Logistik", "Ōkubo Trading"]),
    ("E03", "tra", ["Straße Logistik", SECRET, "Ōkubo Trading"]),
    ("E03", "zephyr", [SECRET]),
    ("E01", "secret traders", [SECRET]),
    ("E04", "zz", []),
]


@pytest.fixture
def book(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    for name, fields in BOOK.items():
        make_contact(session, admin, now, name, **fields)
    make_private(session, admin, now, SECRET, shared_with=("E03",), emails=["zephyr@example.org"])
    session.commit()


@pytest.mark.parametrize("who, typed, names", CASES, ids=[f"{w}:{t}" for w, t, _ in CASES])
def test_search_gives_these_rows_in_this_order(session, book, who, typed, names):
    page = search_contacts(session, actor(session, who), ContactQuery(text=typed))
    assert ([r.name for r in page.rows], page.total) == (names, len(names))


@pytest.mark.parametrize("who, typed, names", [("E04", "tra", ["Straße Logistik · C000010", "Ōkubo Trading · C000011"]),
                                               ("E03", "zeph", [f"{SECRET} · C000012"]),
                                               ("E04", "_", ["A_B Corp · C000005"])])
def test_drop_down_gives_the_same_contacts(session, book, who, typed, names):
    assert [o.label for o in pick_contacts(session, actor(session, who), typed)] == names
