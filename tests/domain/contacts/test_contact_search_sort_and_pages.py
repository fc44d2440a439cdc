"""The list sorts by name, code or date created, both ways, and pages with a
bounded page size; a page past the end shows the last page."""
from datetime import timedelta

import pytest

from hoffice_app.domain.contacts import ContactQuery, search_contacts
from hoffice_app.models import Contact
from tests.contact_factory import demo, engine, make_contact, master_id  # noqa: F401  (fixtures: a copy of one seeded database)


@pytest.fixture
def five(session, executive, now):
    # saved in this order (codes C000001..C000005), dated so that neither names nor codes follow the date
    for day, name in ((2, "Delta Dyes"), (0, "alpha Agro"), (4, "Echo Exports"), (1, "Charlie Chem"),
                      (3, "Bravo Bikes")):
        make_contact(session, executive, now - timedelta(days=day), name)


def _codes(session, who, **q):
    return [r.code for r in search_contacts(session, who, ContactQuery(**q)).rows]


def _names(session, who, **q):
    return [r.name for r in search_contacts(session, who, ContactQuery(**q)).rows]


def test_name_ignores_case_both_ways(session, executive, five):
    names = ["alpha Agro", "Bravo Bikes", "Charlie Chem", "Delta Dyes", "Echo Exports"]
    assert _names(session, executive, sort="name") == names
    assert _names(session, executive, sort="-name") == names[::-1]


def test_code_both_ways(session, executive, five):
    codes = ["C000001", "C000002", "C000003", "C000004", "C000005"]
    assert _codes(session, executive, sort="code") == codes
    assert _codes(session, executive, sort="-code") == codes[::-1]


def test_created_both_ways(session, executive, five):
    newest_first = ["alpha Agro", "Charlie Chem", "Delta Dyes", "Bravo Bikes", "Echo Exports"]
    assert _names(session, executive, sort="-created") == newest_first
    assert _names(session, executive, sort="created") == newest_first[::-1]


def test_unknown_sort_falls_back_to_name(session, executive, five):
    assert _names(session, executive, sort="salary")[0] == "alpha Agro"


def test_pages(session, executive, five):
    page = search_contacts(session, executive, ContactQuery(sort="code", per_page=2, page=2))
    assert ([r.code for r in page.rows], page.page, page.pages, page.total) == (["C000003", "C000004"], 2, 3, 5)


def test_page_past_the_end_shows_the_last_page(session, executive, five):
    page = search_contacts(session, executive, ContactQuery(sort="code", per_page=2, page=99))
    assert ([r.code for r in page.rows], page.page) == (["C000005"], 3)


def test_page_zero_shows_the_first_page(session, executive, five):
    page = search_contacts(session, executive, ContactQuery(sort="code", per_page=2, page=0))
    assert ([r.code for r in page.rows], page.page) == (["C000001", "C000002"], 1)


def test_empty_list_has_one_page(session, executive):
    page = search_contacts(session, executive, ContactQuery(page=5))
    assert (page.rows, page.total, page.page, page.pages) == ([], 0, 1, 1)


def test_page_size_capped_at_100(session, executive, now):
    kind = master_id(session, "contact_type", "Customer")
    session.add_all(Contact(code=f"C{n:06d}", name=f"Bulk {n:03d}", name_key=f"bulk {n:03d}", contact_type_id=kind,
                            created_at=now, updated_at=now) for n in range(1, 106))
    session.flush()
    page = search_contacts(session, executive, ContactQuery(per_page=500))
    assert (len(page.rows), page.per_page, page.pages, page.total) == (100, 100, 2, 105)
    last = search_contacts(session, executive, ContactQuery(per_page=500, page=2))
    assert [r.name for r in last.rows] == ["Bulk 101", "Bulk 102", "Bulk 103", "Bulk 104", "Bulk 105"]
