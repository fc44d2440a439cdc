"""A contact's leads, for its page: open and closed, with stage, status and assignee.

Both privacy rules apply: the contact must be one the reader may see (else NotFound,
as on its page), and only the leads the reader may see are listed or counted
(access.visible_clause) — the list never tells how many leads of the contact are
someone else's. Open leads come first, newest first; a contact with very many leads
shows the first ``limit`` and the count of all, and the lead list finds the rest by
the contact's code."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case
from sqlmodel import Session, func, select

from hoffice_app.domain.common import Actor
from hoffice_app.domain.contacts import get_visible as contact_visible
from hoffice_app.domain.leads.access import visible_clause
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Employee, FunnelStage, Lead, MasterEntry

LIMIT = 50
CREATED_FORMAT = "%d %b %Y"


@dataclass
class ContactLeadRow:
    code: str
    title: str
    stage: str  # "" when the lead is on no funnel
    stage_kind: str  # open | won | lost | "" (colours the badge)
    status: str
    assignee: str  # "" when unassigned
    value: str  # in the company's currency, or ""
    is_open: bool
    created: str  # "26 Nov 2026", company time zone


@dataclass
class ContactLeads:
    rows: list[ContactLeadRow] = field(default_factory=list)
    total: int = 0  # every lead of the contact the reader may see (rows holds at most LIMIT)
    open: int = 0


def contact_leads(session: Session, actor: Actor, code: str, *, limit: int = LIMIT) -> ContactLeads:
    """The leads of the contact ``code`` that ``actor`` may see; NotFound when the contact is hidden."""
    contact = contact_visible(session, actor, code=code)
    cond = [Lead.contact_id == contact.id, visible_clause(session, actor)]
    total, open_count = session.exec(select(func.count(), func.sum(case((Lead.is_open == True, 1), else_=0)))  # noqa: E712
                                     .select_from(Lead).where(*cond)).one()
    leads = session.exec(select(Lead).where(*cond).order_by(Lead.is_open.desc(), Lead.created_at.desc(),
                                                            Lead.id.desc()).limit(max(1, int(limit)))).all()
    return ContactLeads(rows=_rows(session, leads), total=total or 0, open=open_count or 0)


def _rows(session: Session, leads: list[Lead]) -> list[ContactLeadRow]:
    """Names of stages, statuses and assignees in three batched look-ups."""
    if not leads:
        return []
    stages = {s.id: s for s in session.exec(select(FunnelStage).where(
        FunnelStage.id.in_({x.stage_id for x in leads if x.stage_id})))}
    statuses = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(
        MasterEntry.id.in_({x.status_id for x in leads if x.status_id}))).all())
    people = dict(session.exec(select(Employee.id, Employee.name).where(
        Employee.id.in_({x.assigned_to_id for x in leads if x.assigned_to_id}))).all())
    tz = app_settings.zone(session)
    out = []
    for x in leads:
        stage = stages.get(x.stage_id)
        out.append(ContactLeadRow(
            code=x.code, title=x.title, stage=stage.name if stage else "", stage_kind=stage.kind if stage else "",
            status=statuses.get(x.status_id, ""), assignee=people.get(x.assigned_to_id, ""),
            value=app_settings.money(session, x.estimated_value),
            is_open=x.is_open, created=x.created_at.astimezone(tz).strftime(CREATED_FORMAT)))
    return out
