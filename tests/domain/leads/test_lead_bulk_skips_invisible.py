"""Bulk actions touch only leads the actor can see; the others are skipped
silently, left unchanged, without a timeline line, and not counted."""
from sqlmodel import select

from hoffice_app.domain.leads import bulk_assign, bulk_set_status
from hoffice_app.models import Lead, LeadEvent
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine, master_id, new_lead  # noqa: F401


def _lines(session, lead_id):
    return session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead_id,
                                                LeadEvent.kind.in_(["assigned", "status"]))).all()


def test_executive_bulk_assign_skips_a_colleagues_lead(session, now, demo):  # noqa: F811
    mine = new_lead(session, now, "neha's", assigned_to="E03")
    hidden = new_lead(session, now, "karan's", assigned_to="E04", created_by="E04")
    n = bulk_assign(session, actor(session, "E03"), [mine.id, hidden.id], employee_id(session, "E05"), now=now)
    assert n == 1
    assert session.get(Lead, hidden.id).assigned_to_id == employee_id(session, "E04")
    assert _lines(session, hidden.id) == []
    assert session.get(Lead, mine.id).assigned_to_id == employee_id(session, "E05")


def test_executive_bulk_status_skips_a_colleagues_lead(session, now, demo):  # noqa: F811
    mine = new_lead(session, now, "neha's", assigned_to="E03", status="Prospect")
    hidden = new_lead(session, now, "karan's", assigned_to="E04", created_by="E04", status="Prospect")
    n = bulk_set_status(session, actor(session, "E03"), [hidden.id, mine.id],
                        master_id(session, "lead_status", "Lead"), now=now)
    assert n == 1
    assert session.get(Lead, hidden.id).status_id == master_id(session, "lead_status", "Prospect")
    assert _lines(session, hidden.id) == []


def test_followed_lead_counts_as_visible(session, now, demo):  # noqa: F811
    followed = new_lead(session, now, "karan's, neha follows", assigned_to="E04", created_by="E04", followers=("E03",))
    assert bulk_set_status(session, actor(session, "E03"), [followed.id],
                           master_id(session, "lead_status", "Lead"), now=now) == 1


def test_manager_reaches_the_team_but_not_the_administrators_lead(session, now, demo):  # noqa: F811
    team = [new_lead(session, now, f"team {c}", assigned_to=c, created_by=c) for c in ("E03", "E04", "E05")]
    outside = new_lead(session, now, "asha's", assigned_to="E01", created_by="E01")
    n = bulk_assign(session, actor(session, "E02"), [lead.id for lead in team] + [outside.id],
                    employee_id(session, "E02"), now=now)
    assert n == 3
    assert session.get(Lead, outside.id).assigned_to_id == employee_id(session, "E01")


def test_administrator_reaches_every_lead(session, now, demo):  # noqa: F811
    leads = [new_lead(session, now, f"lead {c}", assigned_to=c, created_by=c) for c in ("E03", "E04", "E02")]
    assert bulk_set_status(session, actor(session, "E01"), [lead.id for lead in leads],
                           master_id(session, "lead_status", "Lead"), now=now) == 3
