"""Filling a page of leads takes the same few queries for 2 rows or 40
(batched look-ups, never one query per row)."""
from sqlalchemy import event

from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, make_contact, new_lead, page  # noqa: F401


def _statements(session, now, **query) -> tuple[int, int]:
    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    bind = session.get_bind()
    event.listen(bind, "before_cursor_execute", count)
    try:
        rows = len(page(session, "E03", now, **query).rows)
    finally:
        event.remove(bind, "before_cursor_execute", count)
    return rows, len(seen)


def test_query_count_does_not_grow_with_rows(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    for n in range(40):
        contact = make_contact(session, admin, now, f"Customer {n}") if n % 4 == 0 else None
        new_lead(session, now, f"lead {n}", contact=contact, assigned_to="E03", status="Lead", priority="High",
                 value="1000")
    session.commit()
    small = _statements(session, now, per_page=2)
    big = _statements(session, now, per_page=40)
    assert (small[0], big[0]) == (2, 40)
    assert big[1] == small[1]
    assert big[1] <= 14  # the page, its count, and one look-up per kind (contacts, mobiles, people, masters, stages…)
