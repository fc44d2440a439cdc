""""%" and "_" in the search box mean those characters, not SQL wildcards."""
from hoffice_app.domain.contacts import ContactQuery, pick_contacts, search_contacts
from tests.contact_factory import demo, engine, make_contact  # noqa: F401  (fixtures: a copy of one seeded database)


def _names(session, who, text):
    return [r.name for r in search_contacts(session, who, ContactQuery(text=text)).rows]


def test_percent_sign(session, executive, now):
    make_contact(session, executive, now, "100% Pure Oils")
    make_contact(session, executive, now, "1000 Pure Oils")
    assert _names(session, executive, "100%") == ["100% Pure Oils"]
    assert _names(session, executive, "%") == ["100% Pure Oils"]


def test_underscore(session, executive, now):
    make_contact(session, executive, now, "A_B Corp")
    make_contact(session, executive, now, "AXB Corp")
    assert _names(session, executive, "a_b") == ["A_B Corp"]
    assert [o.label for o in pick_contacts(session, executive, "_")] == ["A_B Corp · C000001"]


def test_backslash(session, executive, now):
    make_contact(session, executive, now, r"Slash\Dot Media")
    make_contact(session, executive, now, "SlashDot Media")
    assert _names(session, executive, "slash\\d") == [r"Slash\Dot Media"]
