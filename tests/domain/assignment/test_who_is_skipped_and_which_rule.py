"""Which rule a lead falls to (first match, fallback, a rule chosen by the caller) and which
members are passed over (inactive, away on the company's date, at the cap)."""
from datetime import date, datetime, timezone

from sqlmodel import select

from hoffice_app.domain.assignment import pick_assignee
from hoffice_app.domain.org import set_active
from hoffice_app.models import Employee, Lead, LeadEvent, Notification
from tests.domain.assignment.helpers import (  # noqa: F401
    actor,
    codes_of,
    demo,
    employee_id,
    engine,
    make_contact,
    master_id,
    rule,
    website,
    website_lead,
)
from tests.lead_factory import make_lead


def _contact(session, now):
    return make_contact(session, actor(session, "E02"), now, "Kalpana Traders")


def test_inactive_and_away_members_are_skipped(session, now, demo):  # noqa: F811
    chosen = rule(session, now, "Website inquiries", ["E03", "E04", "E05"], **website(session))
    set_active(session, actor(session, "E01"), employee_id(session, "E04"), False, now=now)
    e05 = session.get(Employee, employee_id(session, "E05"))
    e05.away_from, e05.away_to = date(2026, 3, 1), date(2026, 3, 2)
    session.add(e05)
    session.flush()
    contact = _contact(session, now)
    leads = [website_lead(session, now, contact, f"lead {i}") for i in range(2)]
    assert codes_of(session, leads) == ["E03", "E03"]
    back = datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)  # the day after E05's leave
    lead = make_lead(session, actor(session, "E02"), back, contact=contact, title="probe", assigned_to="E01")
    picked = {pick_assignee(session, lead, now=back, rule_id=chosen.id).employee_id for _ in range(2)}
    assert picked == {employee_id(session, c) for c in ("E03", "E05")}


def test_away_is_judged_on_the_companys_date(session, now, demo):  # noqa: F811
    rule(session, now, "Only E05", ["E05"])
    e05 = session.get(Employee, employee_id(session, "E05"))
    e05.away_from = e05.away_to = date(2026, 3, 3)
    session.add(e05)
    session.flush()
    lead = make_lead(session, actor(session, "E02"), now, contact=_contact(session, now), title="x", assigned_to="E01")
    late_utc = datetime(2026, 3, 2, 20, 0, tzinfo=timezone.utc)  # already 3 March in India (the demo's zone)
    assert pick_assignee(session, lead, now=late_utc) is None
    assert pick_assignee(session, lead, now=now) is not None


def test_members_at_the_cap_are_skipped_and_nobody_left_means_unassigned(session, now, demo):  # noqa: F811
    contact = _contact(session, now)
    make_lead(session, actor(session, "E02"), now, contact=contact, title="E03 has one", assigned_to="E03")
    rule(session, now, "Capped", ["E03", "E04"], cap=1, **website(session))
    leads = [website_lead(session, now, contact, f"lead {i}") for i in range(3)]
    assert codes_of(session, leads) == ["E04", "", ""]


def test_the_first_matching_rule_wins_and_the_fallback_takes_the_rest(session, now, demo):  # noqa: F811
    rule(session, now, "Website to E03", ["E03"], **website(session))
    rule(session, now, "Any campaign to E04", ["E04"], source_kind="campaign")
    rule(session, now, "Everything else", ["E05"], fallback=True)
    contact = _contact(session, now)
    web = website_lead(session, now, contact)
    ads = make_lead(session, actor(session, "E02"), now, contact=contact, title="ads", source_kind="campaign",
                    source_ref=str(master_id(session, "campaign", "Google Ads")))
    plain = make_lead(session, actor(session, "E02"), now, contact=contact, title="no source")
    assert codes_of(session, [web, ads, plain]) == ["E03", "E04", "E05"]


def test_a_full_rule_hands_over_to_the_fallback(session, now, demo):  # noqa: F811
    rule(session, now, "Website to E03", ["E03"], cap=1, **website(session))
    rule(session, now, "Everything else", ["E05"], fallback=True)
    contact = _contact(session, now)
    leads = [website_lead(session, now, contact, f"lead {i}") for i in range(2)]
    assert codes_of(session, leads) == ["E03", "E05"]


def test_conditions_on_city_and_division_compare_the_contacts_address(session, now, demo):  # noqa: F811
    who = actor(session, "E02")
    division = master_id(session, "division", "hoffice")
    rule(session, now, "Pune sales", ["E04"], cities=["pune"], division_ids=[division])
    pune = make_contact(session, who, now, "Pune Co", addresses=[{"city": "PUNE", "state": "MH", "is_default": True}],
                        division_ids=[str(division)])
    delhi = make_contact(session, who, now, "Delhi Co", addresses=[{"city": "Delhi", "state": "DL",
                                                                    "is_default": True}],
                         division_ids=[str(division)])
    leads = [make_lead(session, who, now, contact=c, title=c.name) for c in (pune, delhi)]
    assert codes_of(session, leads) == ["E04", ""]


def test_a_rule_chosen_by_the_caller_ignores_its_conditions(session, now, demo):  # noqa: F811
    chosen = rule(session, now, "Website to E04", ["E04"], **website(session))
    lead = make_lead(session, actor(session, "E02"), now, contact=_contact(session, now), title="no source",
                     assigned_to="E03")
    pick = pick_assignee(session, lead, now=now, rule_id=chosen.id)
    assert (pick.employee_id, pick.rule_id, pick.rule_name) == (employee_id(session, "E04"), chosen.id,
                                                                "Website to E04")
    assert pick_assignee(session, lead, now=now) is None  # by the conditions, no rule matches


def test_an_assigned_lead_shows_the_rule_on_its_timeline_and_rings_the_bell(session, now, demo):  # noqa: F811
    rule(session, now, "Website inquiries", ["E05"], **website(session))
    lead = website_lead(session, now, _contact(session, now))
    session.refresh(lead)
    assert (lead.assigned_to_id, lead.assigned_at) == (employee_id(session, "E05"), now)
    lines = session.exec(select(LeadEvent.kind, LeadEvent.text).where(LeadEvent.lead_id == lead.id)
                         .order_by(LeadEvent.id)).all()
    assert [tuple(x) for x in lines] == [("created", "Created, not assigned yet"),
                                         ("assigned", 'Assigned to Priya Desai by the rule "Website inquiries"')]
    bell = session.exec(select(Notification).where(Notification.recipient_id == employee_id(session, "E05"),
                                                   Notification.lead_id == lead.id)).all()
    assert len(bell) == 1


def test_editing_an_unassigned_lead_does_not_assign_it(session, now, demo):  # noqa: F811
    contact = _contact(session, now)
    lead = website_lead(session, now, contact)
    rule(session, now, "Website inquiries", ["E05"], **website(session))
    from hoffice_app.domain.leads import save_lead
    from tests.lead_factory import lead_data

    save_lead(session, actor(session, "E02"), lead_data(contact.code, "renamed", source_kind="campaign",
              source_ref=str(master_id(session, "campaign", "Website"))), now=now, lead_id=lead.id)
    assert session.exec(select(Lead.assigned_to_id).where(Lead.id == lead.id)).one() is None
