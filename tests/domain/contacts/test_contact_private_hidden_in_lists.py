"""A private contact shared with E03 shows for E03 and the administrator only:
search rows and totals, pickers, filter choices, counts and associations. So does a
contact mapped to a division only E03 (and the administrator) is in: every test runs
for both limits (contact_factory.HIDDEN_BY)."""
import pytest

from hoffice_app.domain.common import NotFound
from hoffice_app.domain.contacts import (
    NOT_FOUND,
    ContactQuery,
    address_choices,
    associations,
    pick_contacts,
    search_contacts,
)
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import HIDDEN_BY, actor, demo, engine, make_contact, make_hidden, master_id  # noqa: F401  (fixtures: a copy of one seeded database)

SEES = ("E01", "E03")
BLIND = ("E02", "E04")


@pytest.fixture(params=HIDDEN_BY)
def secret(request, session, admin, now):
    make_contact(session, admin, now, "Open Traders", addresses=[{"city": "Surat", "state": "Gujarat"}])
    return make_hidden(session, admin, now, "Secret Client", request.param, is_customer=True,
                       addresses=[{"city": "Rajkot", "state": "Saurashtra"}])


def _each(session, codes):
    return [(code, actor(session, code)) for code in codes]


def test_search_rows_and_totals(session, secret):
    for code, who in _each(session, SEES):
        page = search_contacts(session, who, ContactQuery())
        assert ([r.name for r in page.rows], page.total) == (["Open Traders", "Secret Client"], 2), code
        assert [r.is_private for r in page.rows] == [False, secret.is_private]
    for code, who in _each(session, BLIND):
        page = search_contacts(session, who, ContactQuery())
        assert ([r.name for r in page.rows], page.total, page.pages) == (["Open Traders"], 1, 1), code


def test_search_by_its_code_or_name_finds_nothing_for_others(session, secret):
    for code, who in _each(session, BLIND):
        for text in ("secret", secret.code):
            assert search_contacts(session, who, ContactQuery(text=text)).total == 0, (code, text)
    assert search_contacts(session, actor(session, "E03"), ContactQuery(text="secret")).total == 1


def test_pickers(session, secret):
    for code, who in _each(session, SEES):
        assert [o.label for o in pick_contacts(session, who, "client")] == ["Secret Client · C000002"], code
    for code, who in _each(session, BLIND):
        assert pick_contacts(session, who, "client") == [], code


def test_city_and_state_choices(session, secret):
    for code, who in _each(session, SEES):
        assert address_choices(session, who, "city") == ["Rajkot", "Surat"], code
        assert address_choices(session, who, "state") == ["GUJARAT", "SAURASHTRA"], code
    for code, who in _each(session, BLIND):
        assert address_choices(session, who, "city") == ["Surat"], code
        assert address_choices(session, who, "state") == ["GUJARAT"], code


def test_counts(session, secret):
    for code, who in _each(session, SEES):
        assert contacts.count_visible(session, who) == {"contacts": 2, "customers": 1, "prospects": 1}, code
    for code, who in _each(session, BLIND):
        assert contacts.count_visible(session, who) == {"contacts": 1, "customers": 0, "prospects": 1}, code


def test_association_to_a_private_contact_listed_only_for_those_who_see_it(session, secret, now):
    neha = actor(session, "E03")
    [open_traders] = search_contacts(session, neha, ContactQuery(text="open")).rows
    associations.associate(session, neha, secret.id, open_traders.code,
                           master_id(session, "relation", "Partner"), now=now)
    for code, who in _each(session, SEES):
        assert [a.text for a in associations.list_associations(session, who, open_traders.id)] == [
            "Secret Client is Partner of this contact"], code
    for code, who in _each(session, BLIND):
        assert associations.list_associations(session, who, open_traders.id) == [], code


def test_associations_of_a_private_contact_not_listed_for_others(session, secret, now):
    neha = actor(session, "E03")
    [open_traders] = search_contacts(session, neha, ContactQuery(text="open")).rows
    associations.associate(session, neha, secret.id, open_traders.code,
                           master_id(session, "relation", "Partner"), now=now)
    with pytest.raises(NotFound) as err:
        associations.list_associations(session, actor(session, "E04"), secret.id)
    assert err.value.message == NOT_FOUND
