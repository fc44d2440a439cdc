"""The lead list's rows as the page shows them: names for ids (batched, never one look-up per
row), amounts in the company's currency, dates in its time zone, where each lead is (funnel
and stage), and a contact its viewer may not see read "Private contact" (privacy.py)."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor
from hoffice_app.domain.leads.privacy import masked_names, visible_mobiles
from hoffice_app.domain.leads.views import LeadRow
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import DueState, Employee, Funnel, FunnelStage, Lead, MasterEntry

NEXT_FORMAT, CREATED_FORMAT = "%d %b, %H:%M", "%d %b %Y"
ROW_COLUMNS = (Lead.id, Lead.code, Lead.title, Lead.contact_id, Lead.assigned_to_id, Lead.status_id, Lead.priority_id,
               Lead.estimated_value, Lead.next_followup_at, Lead.created_at, Lead.is_open, Lead.funnel_id,
               Lead.stage_id)


def followup_state(due: datetime | None, *, now: datetime, today: date, tz: ZoneInfo,
                   is_open: bool = True) -> str:
    """overdue (due before now), today (later today, company date), planned,
    or "" (nothing planned, or the lead is closed)."""
    if due is None or not is_open:
        return ""
    if due < now:
        return DueState.OVERDUE
    return DueState.TODAY if due.astimezone(tz).date() == today else DueState.PLANNED


def fill_rows(session: Session, actor: Actor, rows: list, *, now: datetime) -> list[LeadRow]:
    """Fill a page with batched look-ups (contacts, employees, masters, stages, funnels), never one per row; a
    contact the actor may not see reads "Private contact" with no code."""
    if not rows:
        return []
    contacts = masked_names(session, actor, {r.contact_id for r in rows})
    mobiles = visible_mobiles(session, contacts)
    people = dict(session.exec(select(Employee.id, Employee.name).where(
        Employee.id.in_({r.assigned_to_id for r in rows if r.assigned_to_id}))).all())
    masters = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(
        MasterEntry.id.in_({i for r in rows for i in (r.status_id, r.priority_id) if i}))).all())
    stages = dict(session.exec(select(FunnelStage.id, FunnelStage.name).where(
        FunnelStage.id.in_({r.stage_id for r in rows if r.stage_id}))).all())
    funnels = dict(session.exec(select(Funnel.id, Funnel.name).where(
        Funnel.id.in_({r.funnel_id for r in rows if r.funnel_id}))).all())
    tz = app_settings.zone(session)
    today = now.astimezone(tz).date()
    out = []
    for r in rows:
        contact_name, contact_code = contacts.get(r.contact_id, ("", ""))
        out.append(LeadRow(
            id=r.id, code=r.code, title=r.title, contact_name=contact_name, contact_code=contact_code,
            assignee=people.get(r.assigned_to_id, ""), status=masters.get(r.status_id, ""),
            priority=masters.get(r.priority_id, ""), value=app_settings.money(session, r.estimated_value),
            next_followup=r.next_followup_at.astimezone(tz).strftime(NEXT_FORMAT) if r.next_followup_at else "",
            followup_state=followup_state(r.next_followup_at, now=now, today=today, tz=tz, is_open=r.is_open),
            created=r.created_at.astimezone(tz).strftime(CREATED_FORMAT),
            stage=stages.get(r.stage_id, ""), funnel=funnels.get(r.funnel_id, ""),
            contact_mobile=mobiles.get(r.contact_id, "")))
    return out
