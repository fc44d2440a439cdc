"""The demo's assignment rule: inquiries from the Website campaign go round robin to the three
executives E03–E05. Added once, after the demo leads (so the demo's history stays as it was),
and skipped when any rule exists (an administrator's own rules are never touched)."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.assignment import save_rule
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.org import find_by_code
from hoffice_app.models import AssignmentRule, MasterEntry

NAME = "Website inquiries"


def seed_demo_rules(session: Session, *, now: datetime) -> int:
    if session.exec(select(AssignmentRule.id).limit(1)).first() is not None:
        return 0
    website = session.exec(select(MasterEntry).where(MasterEntry.kind == "campaign",
                                                     MasterEntry.name == "Website")).first()
    admin = find_by_code(session, "E01")
    members = [find_by_code(session, code) for code in ("E03", "E04", "E05")]
    if website is None or admin is None or None in members:
        return 0
    save_rule(session, actor_of(admin), {
        "name": NAME, "method": "round_robin", "members": [{"id": m.id, "weight": 1} for m in members],
        "conditions": {"source_kind": "campaign", "source_ids": [website.id]}}, now=now)
    return 1
