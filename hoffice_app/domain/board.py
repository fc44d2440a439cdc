"""The funnel board: one column per stage with its totals (GROUP BY) and the
first cards, newest first. Cards are plain DTOs the UI renders as is."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.lead_access import visible_clause
from hoffice_app.domain.lead_search import followup_state, money, zone
from hoffice_app.domain.pipeline import column_totals, stages
from hoffice_app.domain.views import Actor, Option
from hoffice_app.models import Contact, Employee, Funnel, Lead, MasterEntry

PER_COLUMN = 50


@dataclass
class Card:
    id: int
    code: str
    title: str
    contact: str
    value: str
    assignee: str
    priority: str
    followup: str  # display
    followup_state: str  # overdue | today | planned | ""
    days_in_stage: int
    rotting: bool
    version: int


@dataclass
class Column:
    stage_id: int
    name: str
    color: str
    kind: str
    count: int
    value: str
    weighted: str
    cards: list[Card] = field(default_factory=list)


def funnels(session: Session, actor: Actor) -> list[Option]:
    rows = session.exec(select(Funnel).where(Funnel.active == True).order_by(Funnel.position, Funnel.id))  # noqa
    return [Option(str(f.id), f.name) for f in rows]


def board(session: Session, actor: Actor, funnel_id: int, *, now: datetime, limit: int = PER_COLUMN) -> list[Column]:
    totals = {t.stage_id: t for t in column_totals(session, actor, funnel_id)}
    tz = zone(session)
    today = now.astimezone(tz).date()
    clause = visible_clause(session, actor)
    columns = []
    for stage in stages(session, funnel_id):
        t = totals[stage.id]
        leads = session.exec(select(Lead).where(Lead.stage_id == stage.id, clause)
                             .order_by(Lead.created_at.desc(), Lead.id.desc()).limit(limit)).all()
        columns.append(Column(stage_id=stage.id, name=stage.name, color=stage.color, kind=stage.kind, count=t.count,
                              value=money(t.value) or "0", weighted=money(t.weighted) or "0",
                              cards=_cards(session, leads, stage.days_to_rot, now=now, today=today, tz=tz)))
    return columns


def _cards(session: Session, leads: list[Lead], rot_days: int | None, *, now, today, tz) -> list[Card]:
    if not leads:
        return []
    contacts = dict(session.exec(select(Contact.id, Contact.name).where(
        Contact.id.in_({l.contact_id for l in leads}))).all())
    people = dict(session.exec(select(Employee.id, Employee.name).where(
        Employee.id.in_({l.assigned_to_id for l in leads if l.assigned_to_id}))).all())
    priorities = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(
        MasterEntry.id.in_({l.priority_id for l in leads if l.priority_id}))).all())
    cards = []
    for lead in leads:
        days = (now - lead.stage_entered_at).days if lead.stage_entered_at else 0
        due = lead.next_followup_at
        cards.append(Card(
            id=lead.id, code=lead.code, title=lead.title, contact=contacts.get(lead.contact_id, ""),
            value=money(lead.estimated_value) or "", assignee=people.get(lead.assigned_to_id, "Unassigned"),
            priority=priorities.get(lead.priority_id, ""),
            followup=due.astimezone(tz).strftime("%d %b, %H:%M") if due and lead.is_open else "",
            followup_state=followup_state(due, now=now, today=today, tz=tz) if lead.is_open else "",
            days_in_stage=days, rotting=bool(rot_days and lead.is_open and days > rot_days), version=lead.version))
    return cards

