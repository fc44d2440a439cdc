"""The lead list sorted by priority (the master's order), stage (funnel order), value and next
follow-up, both ways with blanks last, paged a segment at a time (sorting.py); filtering by
several priorities at once and by one source (campaign, employee, contact, friend)."""
from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain.leads import SORTS, LeadQuery, conditions, order_by
from hoffice_app.models import Funnel, FunnelStage, Lead, MasterEntry
from tests.domain.leads.test_lead_list_helpers import (  # noqa: F401
    actor,
    demo,
    employee_id,
    engine,
    make_contact,
    master_id,
    new_lead,
    page,
    titles,
)

NEW_SORTS = ("priority", "-priority", "stage", "-stage", "value", "-value", "next_followup", "-next_followup")


def _reorder_priorities(session, names):
    """Put the priority master in this order (so neither ids nor names give it)."""
    for position, name in enumerate(names, start=1):
        entry = session.get(MasterEntry, master_id(session, "lead_priority", name))
        entry.position = position
        session.add(entry)
    session.flush()


@pytest.fixture
def ranked(session, now, demo):  # noqa: F811
    """Nine leads over four priorities, one without; two funnels, the second placed first."""
    _reorder_priorities(session, ["Urgent", "Low", "High", "Medium"])
    plan = [("u1", "Urgent"), ("l1", "Low"), ("h1", "High"), ("m1", "Medium"), ("u2", "Urgent"), ("none", None),
            ("l2", "Low"), ("h2", "High"), ("u3", "Urgent")]
    for n, (title, priority) in enumerate(plan):
        new_lead(session, now, title, priority=priority, created_at=now - timedelta(hours=10 - n),
                 value=None if n % 4 == 0 else str(100 * (n % 3 + 1)),
                 next_followup=None if n % 3 == 0 else now + timedelta(days=n % 5))
    first = session.exec(select(Funnel).order_by(Funnel.position)).first()
    other = Funnel(name="Renewals", position=first.position - 1)
    session.add(other)
    session.flush()
    renew = FunnelStage(funnel_id=other.id, name="Due", position=1)
    session.add(renew)
    session.flush()
    for title in ("h1", "m1"):  # into the funnel that comes first
        lead = session.exec(select(Lead).where(Lead.title == title)).one()
        lead.funnel_id, lead.stage_id = other.id, renew.id
    none = session.exec(select(Lead).where(Lead.title == "l2")).one()
    none.funnel_id = none.stage_id = None
    session.commit()
    return other


def _order(session, now, sort, per_page=100):
    return [r.title for r in page(session, "E01", now, sort=sort, per_page=per_page).rows]


def test_priority_follows_the_master_order_newest_first_within_and_blank_last(session, now, ranked):
    assert _order(session, now, "priority") == ["u3", "u2", "u1", "l2", "l1", "h2", "h1", "m1", "none"]


def test_priority_the_other_way_reverses_the_priorities_and_keeps_the_blank_last(session, now, ranked):
    assert _order(session, now, "-priority") == ["m1", "h2", "h1", "l2", "l1", "u3", "u2", "u1", "none"]


def test_stage_follows_the_funnel_then_stage_order_and_no_stage_last(session, now, ranked):
    assert _order(session, now, "stage")[:2] == ["m1", "h1"]  # Renewals is the first funnel
    assert _order(session, now, "stage")[-1] == "l2"
    assert _order(session, now, "-stage")[-3:] == ["m1", "h1", "l2"]


def test_next_follow_up_latest_first_keeps_leads_without_one_last(session, now, ranked):
    rows = page(session, "E01", now, sort="-next_followup", per_page=100).rows
    planned = [r for r in rows if r.next_followup]
    assert rows[:len(planned)] == planned and len(planned) == 6
    due = [session.exec(select(Lead.next_followup_at).where(Lead.id == r.id)).one() for r in planned]
    assert due == sorted(due, reverse=True)


@pytest.mark.parametrize("sort", NEW_SORTS)
def test_pages_across_segment_boundaries_match_one_order_by(session, now, ranked, sort):
    """Every page of two (a page often spans two priorities or stages, or values and blanks)
    gives exactly the order one ORDER BY of the same terms gives."""
    admin = actor(session, "E01")
    cond = conditions(session, admin, LeadQuery(sort=sort), now=now)
    expected = list(session.exec(select(Lead.title).where(*cond).order_by(*order_by(sort))))
    walked = [t for n in range(1, 6) for t in
              [r.title for r in page(session, "E01", now, sort=sort, per_page=2, page=n).rows]]
    assert walked == expected and len(walked) == 9


@pytest.mark.parametrize("sort", NEW_SORTS)
def test_a_page_from_the_far_end_is_read_backwards_correctly(session, now, ranked, sort):
    whole = _order(session, now, sort)
    assert [r.title for r in page(session, "E01", now, sort=sort, per_page=4, page=3).rows] == whole[8:]
    assert [r.title for r in page(session, "E01", now, sort=sort, per_page=4, page=2).rows] == whole[4:8]


def test_sorted_by_priority_counts_and_values_every_match(session, now, ranked):
    result = page(session, "E01", now, sort="priority", per_page=2)
    plain = page(session, "E01", now, per_page=2)
    assert (result.total, result.pages, result.total_value) == (plain.total, plain.pages, plain.total_value)


def test_sorts_combine_with_filters(session, now, ranked):
    low = str(master_id(session, "lead_priority", "Low"))
    assert _order(session, now, "-value") != [] and "value" in SORTS
    assert [r.title for r in page(session, "E01", now, sort="priority", priority_id=low).rows] == ["l2", "l1"]


def test_several_priorities_at_once(session, now, ranked):
    both = f"{master_id(session, 'lead_priority', 'High')},{master_id(session, 'lead_priority', 'Medium')}"
    assert titles(session, "E01", now, priority_id=both) == {"h1", "h2", "m1"}
    assert titles(session, "E01", now, priority_id=both + ",x,") == {"h1", "h2", "m1"}  # junk is left out


def test_rows_say_where_the_lead_is(session, now, ranked):
    rows = {r.title: r for r in page(session, "E01", now, per_page=100).rows}
    assert (rows["h1"].funnel, rows["h1"].stage) == ("Renewals", "Due")
    assert (rows["l2"].funnel, rows["l2"].stage) == ("", "")
    assert rows["u1"].stage and rows["u1"].funnel


def test_funnel_filter(session, now, ranked):
    assert titles(session, "E01", now, funnel_id=str(ranked.id)) == {"h1", "m1"}


def test_source_down_to_the_friend_who_brought_it(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    kind = str(master_id(session, "contact_type", "Other"))
    friend = make_contact(session, admin, now, "Asha Friend", contact_type_id=kind)
    other = make_contact(session, admin, now, "Ravi Friend", contact_type_id=kind)
    new_lead(session, now, "via asha", source=("friend", friend.code))
    new_lead(session, now, "via ravi", source=("friend", other.code))
    new_lead(session, now, "asha as contact source", source=("contact", friend.code))
    assert titles(session, "E01", now, source_ref=friend.code) == {"via asha", "asha as contact source"}
    assert titles(session, "E01", now, source_kind="friend", source_ref=friend.code) == {"via asha"}
    assert titles(session, "E01", now, source_kind="friend") == {"via asha", "via ravi"}


def test_a_priority_outside_the_list_still_shows_before_the_blank(session, now, ranked):
    odd = session.exec(select(Lead).where(Lead.title == "m1")).one()
    odd.priority_id = master_id(session, "lead_status", "Lead")  # not a priority: an import gone wrong
    session.add(odd)
    session.commit()
    assert _order(session, now, "priority")[-2:] == ["m1", "none"]
    walked = [t for n in range(1, 4) for t in [r.title for r in page(session, "E01", now, sort="-priority",
                                                                       per_page=4, page=n).rows]]
    assert len(walked) == 9 and walked[-2:] == ["m1", "none"]
