"""A batch of 10,000 unassigned leads through one call: every lead assigned once, in even
turns, each with its timeline line and its assignee's bell notification (the time it takes is
measured by benchmarks/assign_rules.py, not here)."""
from sqlalchemy import update
from sqlmodel import Session, func, select

from benchmarks._contacts_data import insert_contacts
from benchmarks._leads_data import NOW, insert_leads
from hoffice_app.domain.assignment import assign_by_rules
from hoffice_app.models import Lead, LeadEvent, Notification
from tests.domain.assignment.helpers import demo, employee_id, engine, master_id, rule, website  # noqa: F401

N = 10_000


def test_ten_thousand_leads_are_each_assigned_once(engine, demo):  # noqa: F811
    insert_contacts(engine, 200)
    insert_leads(engine, N)
    with Session(engine) as session:
        session.execute(update(Lead.__table__).values(
            assigned_to_id=None, assigned_at=None, is_open=True, source_kind="campaign",
            source_campaign_id=master_id(session, "campaign", "Website"), source_contact_id=None,
            source_employee_id=None))
        rule(session, NOW, "Website inquiries", ["E03", "E04", "E05"], **website(session))
        ids = session.exec(select(Lead.id)).all()
        assert assign_by_rules(session, ids, now=NOW) == N
        session.commit()
        shares = dict(session.exec(select(Lead.assigned_to_id, func.count()).group_by(Lead.assigned_to_id)).all())
        assert sorted(shares.values()) == [3333, 3333, 3334]
        assert set(shares) == {employee_id(session, c) for c in ("E03", "E04", "E05")}
        lines = session.exec(select(func.count(func.distinct(LeadEvent.lead_id))).where(
            LeadEvent.kind == "assigned", LeadEvent.at == NOW)).one()
        bells = session.exec(select(func.count(func.distinct(Notification.lead_id)))).one()
        assert lines == bells == N
        assert assign_by_rules(session, ids, now=NOW) == 0  # nobody left without an assignee
