"""A board's cards: plain DTOs the UI renders as is, built with one look-up of names (contacts
as the viewer may read them, assignees, priorities) for every card of the board at once: a
look-up per column cost five times its round trips and privacy checks (PostgreSQL: ~10 ms)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor
from hoffice_app.domain.leads import followup_state, masked_names, zone
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Employee, Lead, MasterEntry


@dataclass
class Card:
    id: int
    code: str
    title: str
    contact: str
    value: str  # in full, in the company's currency ("₹2,50,000"); "" without a value
    assignee: str  # "" when unassigned
    priority: str
    followup: str  # display
    followup_state: str  # overdue | today | planned | ""
    days_in_stage: int
    rotting: bool
    version: int
    revoke_in: str = ""  # "Revoked in 5 h" while a revoke policy counts down on it


def cards_for(session: Session, actor: Actor, leads: list[Lead], rot_days: int | None, *, now: datetime) -> list[Card]:
    """``leads`` as cards of a stage whose leads rot after ``rot_days``, as ``actor`` reads them."""
    return columns_of_cards(session, actor, [leads], [rot_days], now=now)[0]


def columns_of_cards(session: Session, actor: Actor, columns: list[list[Lead]], rot_days: list[int | None], *,
                     now: datetime) -> list[list[Card]]:
    """Each column's leads as cards (its stage's leads rot after its ``rot_days``); a contact the
    viewer may not see reads "Private contact"."""
    leads = [lead for column in columns for lead in column]
    if not leads:
        return [[] for _ in columns]
    tz = zone(session)
    today = now.astimezone(tz).date()
    names = masked_names(session, actor, {lead.contact_id for lead in leads})
    contacts = {i: name for i, (name, _code) in names.items()}
    people = dict(session.exec(select(Employee.id, Employee.name).where(
        Employee.id.in_({lead.assigned_to_id for lead in leads if lead.assigned_to_id}))).all())
    priorities = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(
        MasterEntry.id.in_({lead.priority_id for lead in leads if lead.priority_id}))).all())

    def card(lead: Lead, rot: int | None) -> Card:
        days = (now - lead.stage_entered_at).days if lead.stage_entered_at else 0
        due = lead.next_followup_at
        return Card(
            id=lead.id, code=lead.code, title=lead.title, contact=contacts.get(lead.contact_id, ""),
            value=app_settings.money(session, lead.estimated_value), assignee=people.get(lead.assigned_to_id, ""),
            priority=priorities.get(lead.priority_id, ""),
            followup=due.astimezone(tz).strftime("%d %b, %H:%M") if due and lead.is_open else "",
            followup_state=followup_state(due, now=now, today=today, tz=tz) if lead.is_open else "",
            days_in_stage=days, rotting=bool(rot and lead.is_open and days > rot), version=lead.version)

    return [[card(lead, rot) for lead in column] for column, rot in zip(columns, rot_days)]
