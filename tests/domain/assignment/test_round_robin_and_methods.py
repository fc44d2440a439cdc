"""How a rule shares leads among its members: in turn, to whoever has fewest open leads, or
by weights; the turn carries over from one save to the next."""
from sqlmodel import select

from hoffice_app.domain.assignment import pick_assignee
from hoffice_app.models import AssignmentRule, Employee, Lead
from tests.domain.assignment.helpers import (  # noqa: F401
    actor,
    codes_of,
    demo,
    employee_id,
    engine,
    make_contact,
    rule,
    website,
    website_lead,
)
from tests.lead_factory import make_lead


def test_round_robin_goes_in_turn_across_saves(session, now, demo):  # noqa: F811
    rule(session, now, "Website inquiries", ["E03", "E04", "E05"], **website(session))
    contact = make_contact(session, actor(session, "E02"), now, "Kalpana Traders")
    leads = [website_lead(session, now, contact, f"lead {i}") for i in range(7)]
    assert codes_of(session, leads) == ["E03", "E04", "E05", "E03", "E04", "E05", "E03"]


def test_fewest_open_goes_to_the_least_loaded(session, now, demo):  # noqa: F811
    contact = make_contact(session, actor(session, "E02"), now, "Kalpana Traders")
    for code, n in (("E03", 2), ("E04", 1)):
        for i in range(n):
            make_lead(session, actor(session, "E02"), now, contact=contact, title=f"{code} {i}", assigned_to=code)
    rule(session, now, "Least loaded", ["E03", "E04", "E05"], method="fewest_open", **website(session))
    leads = [website_lead(session, now, contact, f"lead {i}") for i in range(4)]
    # E05 has none, then E04 and E05 tie at 1 (E04 listed first), then E05 …
    assert codes_of(session, leads) == ["E05", "E04", "E05", "E03"]


def test_weighted_shares_follow_the_weights(session, now, demo):  # noqa: F811
    rule(session, now, "Three to one", ["E03", "E04"], method="weighted", weights={"E03": 3, "E04": 1})
    contact = make_contact(session, actor(session, "E02"), now, "Kalpana Traders")
    lead = make_lead(session, actor(session, "E02"), now, contact=contact, title="probe", assigned_to="E05")
    got = [pick_assignee(session, lead, now=now).employee_id for _ in range(400)]
    share = got.count(employee_id(session, "E03")) / len(got)
    assert abs(share - 0.75) <= 0.05
    assert got.count(employee_id(session, "E04")) + got.count(employee_id(session, "E03")) == 400


def test_advancing_the_cursor_does_not_bump_the_rules_version(session, now, demo):  # noqa: F811
    view = rule(session, now, "Website inquiries", ["E03", "E04"], **website(session))
    contact = make_contact(session, actor(session, "E02"), now, "Kalpana Traders")
    for i in range(3):
        website_lead(session, now, contact, f"lead {i}")
    session.expire_all()
    row = session.get(AssignmentRule, view.id)
    assert (row.cursor, row.version) == (3, view.version)


def test_with_no_rules_a_new_lead_stays_unassigned(session, now, demo):  # noqa: F811
    contact = make_contact(session, actor(session, "E02"), now, "Kalpana Traders")
    lead = website_lead(session, now, contact)
    assert lead.assigned_to_id is None
    assert session.exec(select(Lead).where(Lead.assigned_to_id.is_not(None))).all() == []
    assert session.exec(select(Employee)).first() is not None
