"""Shared pieces of the assignment-rule tests: rules saved through the real admin function,
unassigned leads saved through the real lead save, and who got what."""
from __future__ import annotations

from sqlmodel import select

from hoffice_app.domain.assignment import save_rule
from hoffice_app.models import Lead
from tests.contact_factory import actor, demo, employee_id, engine, make_contact, master_id  # noqa: F401
from tests.lead_factory import make_lead


def rule(session, now, name, codes, *, method="round_robin", weights=None, cap=None, fallback=False, **conditions):
    """Save a rule as the admin E01; ``codes`` the members ("E03"), ``conditions`` its keys."""
    members = [{"id": employee_id(session, c), "weight": (weights or {}).get(c, 1)} for c in codes]
    data = {"name": name, "method": method, "members": members, "cap": cap, "is_fallback": fallback,
            "conditions": conditions}
    return save_rule(session, actor(session, "E01"), data, now=now)


def website(session) -> dict:
    """The conditions of the demo rule: source Campaign / activity "Website"."""
    return {"source_kind": "campaign", "source_ids": [master_id(session, "campaign", "Website")]}


def website_lead(session, now, contact, title="From the website"):
    """A new lead without an assignee, from the Website campaign, saved by E02."""
    return make_lead(session, actor(session, "E02"), now, contact=contact, title=title, source_kind="campaign",
                     source_ref=str(master_id(session, "campaign", "Website")))


def codes_of(session, leads) -> list[str]:
    """The assignees' codes, in the leads' order ("" for nobody)."""
    from hoffice_app.models import Employee

    out = []
    for lead in leads:
        row = session.exec(select(Lead).where(Lead.id == lead.id)).one()
        out.append(session.get(Employee, row.assigned_to_id).code if row.assigned_to_id else "")
    return out
