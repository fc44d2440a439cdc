"""Helpers of the revoke policy tests: a policy saved through the settings' own function, a
lead assigned at a given moment, the engine's pass, and who holds a lead now."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from hoffice_app.domain import policies
from hoffice_app.models import Lead
from tests.domain.leads.test_lead_list_helpers import actor, new_lead

__test__ = False


def policy(session: Session, now: datetime, name: str = "Call within 48 hours", *, condition="no_followup_done",
           threshold="48", warn="24", manager="", action="pool", enabled=True, scope=None, rule_id=None):
    data = {"name": name, "condition": condition, "threshold": threshold, "warn_hours": warn,
            "manager_hours": manager, "action": action, "rule_id": rule_id, "scope": scope or {},
            "enabled": "1" if enabled else "0"}
    return policies.save_policy(session, actor(session, "E01"), data, now=now)


def assigned_lead(session: Session, at: datetime, title: str = "Solar for the school", *, to: str = "E03",
                  **fields) -> Lead:
    """A lead created and assigned at ``at`` (its assignment is what policies count from)."""
    lead = new_lead(session, at, title, assigned_to=to, **fields)
    lead.assigned_at = at
    session.add(lead)
    session.flush()
    return lead


def holder(session: Session, lead: Lead) -> int | None:
    session.expire_all()
    return session.get(Lead, lead.id).assigned_to_id


def run(session: Session, at: datetime) -> dict[str, list[str]]:
    report = policies.run(session, now=at).as_dict()
    session.flush()
    return report
