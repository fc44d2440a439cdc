"""A small database for the edit stress test: the demo seed, and N leads of one shared
contact assigned to Neha Joshi (E03), so the administrator (E01) and her manager Ravi
Shah (E02) both see and edit every one of them.

    build_stress_db(path, n) -> (actors [E01, E02], lead codes)
"""
from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from hoffice_app.db import make_engine, set_engine, unit_of_work, utcnow
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.leads import save_lead
from hoffice_app.domain.seed import seed_demo
from hoffice_app.migrations import upgrade
from hoffice_app.models import Contact, Employee


def stress_leads(session, admin, n: int, now, contact_code: str = "") -> list[str]:
    """N new leads of one visible contact (the first public one unless given), assigned to
    E03 (in E02's team)."""
    contact = session.exec(select(Contact).where(Contact.code == contact_code) if contact_code else
                           select(Contact).where(Contact.is_private.is_(False)).order_by(Contact.id)).first()
    neha = session.exec(select(Employee).where(Employee.code == "E03")).one()
    return [save_lead(session, admin, {"title": f"Stress lead {i + 1}", "contact_code": contact.code,
                                       "assigned_to_id": str(neha.id)}, now=now).code for i in range(n)]


def build_stress_db(path: Path, n: int) -> tuple[list, list[str]]:
    set_engine(make_engine(f"sqlite:///{path}"))
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="stress-pass-1", now=utcnow(), with_contacts=True)
        actors = [actor_of(s.exec(select(Employee).where(Employee.code == code)).one()) for code in ("E01", "E02")]
        codes = stress_leads(s, actors[0], n, utcnow())
    return actors, codes
