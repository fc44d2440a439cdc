"""Sorting the lead list, and pages that stay in range."""
from datetime import timedelta

import pytest

from hoffice_app.domain.leads import SORTS
from hoffice_app.domain.leads import search as lead_search
from tests.domain.leads.test_lead_list_helpers import demo, engine, new_lead, page  # noqa: F401


@pytest.fixture
def four(session, now, demo):  # noqa: F811
    new_lead(session, now, "bravo", value="200", created_at=now - timedelta(days=3),
             next_followup=now + timedelta(days=2))
    new_lead(session, now, "Alpha", value="300", created_at=now - timedelta(days=1))
    new_lead(session, now, "delta", created_at=now - timedelta(days=4), next_followup=now - timedelta(days=1))
    new_lead(session, now, "charlie", value="100", created_at=now - timedelta(days=2),
             next_followup=now + timedelta(days=1))
    session.commit()


def order(session, now, sort):
    return [r.title for r in page(session, "E01", now, sort=sort).rows]


def test_the_sorts_of_the_contract():
    assert set(SORTS) == {"-created", "created", "-value", "value", "next_followup", "-next_followup", "title",
                          "priority", "-priority", "stage", "-stage"}


def test_newest_first_is_the_default(session, now, four):
    assert order(session, now, "-created") == ["Alpha", "charlie", "bravo", "delta"]
    assert [r.title for r in page(session, "E01", now).rows] == ["Alpha", "charlie", "bravo", "delta"]


def test_oldest_first(session, now, four):
    assert order(session, now, "created") == ["delta", "bravo", "charlie", "Alpha"]


def test_value_high_to_low_puts_leads_without_value_last(session, now, four):
    assert order(session, now, "-value") == ["Alpha", "bravo", "charlie", "delta"]


def test_value_low_to_high_puts_leads_without_value_last(session, now, four):
    assert order(session, now, "value") == ["charlie", "bravo", "Alpha", "delta"]


def test_next_follow_up_soonest_first_and_none_last(session, now, four):
    assert order(session, now, "next_followup") == ["delta", "charlie", "bravo", "Alpha"]


def test_title_ignores_case(session, now, four):
    assert order(session, now, "title") == ["Alpha", "bravo", "charlie", "delta"]


def test_unknown_sort_falls_back_to_newest_first(session, now, four):
    assert order(session, now, "title; drop table lead") == ["Alpha", "charlie", "bravo", "delta"]


@pytest.fixture
def thirty(session, now, demo):  # noqa: F811
    for n in range(30):
        new_lead(session, now, f"lead {n:02d}", created_at=now - timedelta(minutes=n))
    session.commit()


def test_pages_split_the_rows_in_order(session, now, thirty):
    first, second = page(session, "E01", now, per_page=10), page(session, "E01", now, per_page=10, page=2)
    assert (first.total, first.pages, first.page, len(first.rows)) == (30, 3, 1, 10)
    assert [r.title for r in first.rows][:2] == ["lead 00", "lead 01"]
    assert [r.title for r in second.rows][0] == "lead 10"


def test_last_page_holds_the_rest(session, now, thirty):
    result = page(session, "E01", now, page=2)
    assert (result.page, result.pages, len(result.rows), result.rows[-1].title) == (2, 2, 5, "lead 29")


def test_page_past_the_end_shows_the_last_page(session, now, thirty):
    result = page(session, "E01", now, page=99)
    assert (result.page, len(result.rows)) == (2, 5)


@pytest.mark.parametrize("bad", [0, -3, "x", None])
def test_page_below_one_or_not_a_number_shows_the_first(session, now, thirty, bad):
    result = page(session, "E01", now, page=bad)
    assert (result.page, result.rows[0].title) == (1, "lead 00")


def test_per_page_is_clamped_to_1_and_100(session, now, thirty):
    assert (page(session, "E01", now, per_page=0).per_page, len(page(session, "E01", now, per_page=0).rows)) == (1, 1)
    assert page(session, "E01", now, per_page=1000).per_page == 100
    assert page(session, "E01", now, per_page=1000).pages == 1


def test_empty_list_has_one_empty_page(session, now, demo):  # noqa: F811
    result = page(session, "E01", now, page=5)
    assert (result.rows, result.total, result.page, result.pages) == ([], 0, 1, 1)


@pytest.fixture
def ties(session, now, demo):  # noqa: F811
    """Eleven leads with equal creation times, values, follow-ups and titles, and blanks."""
    same_time = now - timedelta(days=1)
    for n in range(11):
        new_lead(session, now, ["same", "Same", "other"][n % 3], value=[None, "500", "100"][n % 3],
                 created_at=same_time if n % 2 else now - timedelta(hours=n),
                 next_followup=None if n % 4 == 0 else now + timedelta(days=n % 3))
    session.commit()


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("per_page", [1, 3, 4])
@pytest.mark.parametrize("collect_first", [False, True])
def test_walking_every_page_gives_the_whole_list_once_in_order(session, now, ties, sort, per_page, collect_first,
                                                                monkeypatch):
    if collect_first:  # the plan for few matches deep in a big table (see lead_search.page_ids)
        monkeypatch.setattr(lead_search, "WALK_BUDGET", 0)
    whole = [r.id for r in page(session, "E01", now, sort=sort, per_page=100).rows]
    first = page(session, "E01", now, sort=sort, per_page=per_page)
    walked = [r.id for n in range(1, first.pages + 1)
              for r in page(session, "E01", now, sort=sort, per_page=per_page, page=n).rows]
    assert len(whole) == 11
    assert walked == whole


def test_ties_are_broken_by_the_order_of_entry(session, now, demo):  # noqa: F811
    same_time = now - timedelta(days=1)
    ids = [new_lead(session, now, "twin", value="100", created_at=same_time).id for _ in range(3)]
    for sort, expected in (("created", ids), ("-created", ids[::-1]), ("title", ids), ("value", ids),
                           ("-value", ids[::-1])):
        assert [r.id for r in page(session, "E01", now, sort=sort).rows] == expected, sort
