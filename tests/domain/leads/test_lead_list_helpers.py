"""Helpers shared by the lead list, bulk action and saved view tests (no tests here).

Leads are saved through the real leads.save_lead as the administrator E01, with
the assignee and creator given as employee codes; what the form cannot set
(open/closed, next follow-up, creation time) is set on the row afterwards.
Modules import ``demo`` and ``engine`` from here to use contact_factory's
seeded-template database (fast)."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from hoffice_app.domain.leads import LeadQuery, search_leads
from hoffice_app.domain.leads import save as leads
from hoffice_app.models import Contact
from tests.contact_factory import actor, demo, employee_id, engine, make_contact, master_id  # noqa: F401

__test__ = False  # nothing to collect
SHARED_CONTACT = "Shared Customer Pvt Ltd"


def _shared_contact(session, admin, now: datetime) -> Contact:
    """One contact for every lead that does not name its own (saving contacts is the slow part)."""
    return session.exec(select(Contact).where(Contact.name == SHARED_CONTACT)).first() or \
        make_contact(session, admin, now, SHARED_CONTACT)


def new_lead(session, now: datetime, title: str = "Solar panels", *, contact=None, assigned_to: str | None = None,
             created_by: str = "E01", followers: tuple[str, ...] = (), status: str | None = None,
             priority: str | None = None, lead_type: str | None = None, category: str | None = None,
             products: tuple[str, ...] = (), value: str | None = None, source: tuple[str, str] | None = None,
             is_open: bool = True, next_followup: datetime | None = None, created_at: datetime | None = None,
             assigned_at: str | None = None):
    """Save one lead and return the row. ``source`` = (kind, ref) as the form sends it."""
    admin = actor(session, "E01")
    contact = contact or _shared_contact(session, admin, now)
    data = {"title": title, "contact_code": contact.code, "created_by_id": str(employee_id(session, created_by))}
    if assigned_to:
        data["assigned_to_id"] = str(employee_id(session, assigned_to))
    if assigned_at:
        data["assigned_at"] = assigned_at
    data["follower_employee_ids"] = [str(employee_id(session, code)) for code in followers]
    for key, kind, name in (("status_id", "lead_status", status), ("priority_id", "lead_priority", priority),
                            ("lead_type_id", "lead_type", lead_type),
                            ("product_category_id", "product_category", category)):
        if name:
            data[key] = str(master_id(session, kind, name))
    data["product_ids"] = [str(master_id(session, "product", p)) for p in products]
    if value is not None:
        data["estimated_value"] = value
    if source:
        data["source_kind"], data["source_ref"] = source
    lead = leads.save_lead(session, admin, data, now=created_at or now)
    lead.is_open, lead.next_followup_at = is_open, next_followup
    if created_at:
        lead.created_at = created_at
    session.add(lead)
    session.flush()
    return lead


def page(session, who: str, now: datetime, **query):
    """The LeadPage ``who`` (an employee code) gets for LeadQuery(**query)."""
    return search_leads(session, actor(session, who), LeadQuery(**query), now=now)


def titles(session, who: str, now: datetime, **query) -> set[str]:
    """The titles on the first page (per_page 100) of ``who``'s search."""
    query.setdefault("per_page", 100)
    return {row.title for row in page(session, who, now, **query).rows}
