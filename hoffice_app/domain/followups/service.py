"""Follow-ups on a lead: planning the next call, meeting, e-mail, visit or
WhatsApp; completing one with what happened (and planning the next in the same
step); the lead's list and the lists of a query (insights drill-downs). The
/follow-ups page's buckets are in ``buckets``, moving one to another time in ``moves``.

Anyone who can see a lead may plan a follow-up on it, for an active employee
who can see the lead too (else the follow-up would point them at a lead they
cannot open). Completing (and rescheduling) is for the follow-up's assignee, the lead's assignee,
or an administrator or manager who can see the lead. Each plan and completion
leaves a line on the lead's timeline and keeps ``Lead.next_followup_at`` (the
earliest planned due time) up to date. Nothing here commits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, func, select

from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.common import (
    Actor,
    DomainError,
    NotFound,
    Option,
    PermissionDenied,
    ValidationError,
    as_id,
    require_actor,
)
from hoffice_app.domain.followups.views import FollowUpView
from hoffice_app.domain.leads import can_see, get_visible, masked_names, parse_local, visible_clause
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import DueState, Employee, FollowUp, FollowUpStatus, Lead

KINDS = ("call", "meeting", "email", "visit", "whatsapp")
KIND_LABELS = {"call": "Call", "meeting": "Meeting", "email": "E-mail", "visit": "Visit", "whatsapp": "WhatsApp"}
MAX_TEXT = 5000
GRACE = timedelta(minutes=5)  # a time this little in the past still counts as "now"
NOT_FOUND = "No such follow-up, or it is not shared with you."
NOT_ALLOWED = "Only the person it is assigned to, the lead's assignee or a manager can {verb} this follow-up."
ALREADY_DONE = "This follow-up is already done."
DISPLAY = "%d %b %Y, %H:%M"
LOCAL_INPUT = "%Y-%m-%dT%H:%M"
# Reminder choices: minutes before the due time ("" = none); 30 minutes unless the planner chose.
REMINDERS = {"": "No reminder", "0": "At the due time", "15": "15 minutes before", "30": "30 minutes before",
             "60": "1 hour before", "1440": "1 day before"}
DEFAULT_REMINDER = "30"


def kind_options() -> list[Option]:
    """The kinds for a drop-down, in their usual order."""
    return [Option(k, KIND_LABELS[k]) for k in KINDS]


def reminder_options() -> list[Option]:
    """When the assignee is reminded, for a drop-down ("none" is the value "none": a select can't hold "")."""
    return [Option(value or "none", label) for value, label in REMINDERS.items()]


def remind_at(due_at: datetime, minutes: int | None) -> datetime | None:
    """When the reminder falls: ``minutes`` before the due time; None for no reminder."""
    return None if minutes is None else due_at - timedelta(minutes=minutes)


@dataclass
class _Plan:
    kind: str
    due_at: datetime
    assignee: Employee
    notes: str
    remind_minutes: int | None = int(DEFAULT_REMINDER)


def zone_name(session: Session) -> str:
    name = app_settings.get(session, "default_timezone")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def parse_due(raw: str, zone_name: str) -> datetime | None:
    try:
        return parse_local(raw, zone_name)
    except (OverflowError, ValueError):  # e.g. 0001-01-01T00:00 east of UTC
        return None


def _clean_plan(session: Session, actor: Actor, lead: Lead, data: dict, *, now: datetime,
                prefix: str = "") -> tuple[_Plan | None, dict[str, str]]:
    """Check one follow-up form; returns the plan, or the per-field problems (keys ``prefix`` + field)."""
    errors: dict[str, str] = {}
    kind = str(data.get("kind") or "").strip().lower()
    if kind not in KINDS:
        errors["kind"] = "Choose the kind of follow-up from the list." if kind else "Choose the kind of follow-up."
    raw = str(data.get("due_at") or "").strip()
    due = parse_due(raw, zone_name(session)) if raw else None
    if not raw:
        errors["due_at"] = "Choose the date and time."
    elif due is None:
        errors["due_at"] = "Enter the date and time, e.g. 2026-11-26T10:30."
    elif due < now - GRACE:
        errors["due_at"] = "Choose a time from now on."
    assignee = _assignee(session, actor, lead, data.get("assignee_id"), errors)
    notes = str(data.get("notes") or "").strip()
    if len(notes) > MAX_TEXT:
        errors["notes"] = "Use at most 5,000 characters."
    remind = str(data.get("remind") if data.get("remind") is not None else DEFAULT_REMINDER).strip().lower()
    remind = "" if remind == "none" else remind
    if remind not in REMINDERS:
        errors["remind"] = "Choose when to be reminded from the list."
    if errors:
        return None, {prefix + key: message for key, message in errors.items()}
    return _Plan(kind=kind, due_at=due, assignee=assignee, notes=notes,
                 remind_minutes=int(remind) if remind else None), {}


def _assignee(session: Session, actor: Actor, lead: Lead, raw, errors: dict[str, str]) -> Employee | None:
    """The chosen employee; blank means the lead's assignee, else the actor."""
    blank = raw is None or (isinstance(raw, str) and not raw.strip())
    employee_id = (lead.assigned_to_id or actor.id) if blank else as_id(raw)
    employee = session.get(Employee, employee_id) if employee_id else None
    if employee is None or not employee.active:
        errors["assignee_id"] = "Choose an active employee."
        return None
    if not can_see(session, actor_of(employee), lead.id):
        errors["assignee_id"] = (f"{employee.name} cannot see this lead; "
                                 "assign the lead to them or add them as a follower first.")
        return None
    return employee


def _write_plan(session: Session, actor: Actor, lead: Lead, plan: _Plan, *, now: datetime) -> FollowUp:
    row = FollowUp(lead_id=lead.id, kind=plan.kind, due_at=plan.due_at, assignee_id=plan.assignee.id,
                   notes=plan.notes, status=FollowUpStatus.PLANNED, created_by_id=actor.id, created_at=now,
                   remind_minutes=plan.remind_minutes, remind_at=remind_at(plan.due_at, plan.remind_minutes))
    session.add(row)
    session.flush()
    when = plan.due_at.astimezone(ZoneInfo(zone_name(session))).strftime(DISPLAY)
    lead_events.record(session, lead.id, actor.id, "follow_up_planned",
                       f"{KIND_LABELS[plan.kind]} planned for {when} with {plan.assignee.name}", at=now)
    return row


def touch_lead(session: Session, lead: Lead, now: datetime) -> None:
    lead.updated_at = now
    session.add(lead)
    refresh_next_follow_up(session, lead.id)


def schedule(session: Session, actor: Actor, lead_id: int, data: dict, *, now: datetime) -> FollowUpView:
    """Plan a follow-up on a lead the actor can see.

    ``data``: kind, due_at (company-local "YYYY-MM-DDTHH:MM"), assignee_id (blank: the lead's
    assignee, else the actor), notes. Raises ValidationError with those keys."""
    require_actor(actor)
    lead = get_visible(session, actor, lead_id=as_id(lead_id))
    plan, errors = _clean_plan(session, actor, lead, data or {}, now=now)
    if errors:
        raise ValidationError(errors)
    row = _write_plan(session, actor, lead, plan, now=now)
    touch_lead(session, lead, now)
    return one_view(session, actor, row.id, now=now)


def changeable(session: Session, actor: Actor, follow_up_id, *, verb: str) -> tuple[FollowUp, Lead]:
    """The planned follow-up and its lead, if ``actor`` may ``verb`` it (complete, reschedule):
    its assignee, the lead's assignee, or an administrator or manager who can see the lead.
    Hidden and missing follow-ups get the same NotFound; a done one, DomainError."""
    require_actor(actor)
    row = session.get(FollowUp, as_id(follow_up_id) or 0)
    if row is None or not can_see(session, actor, row.lead_id):
        raise NotFound(NOT_FOUND)
    lead = session.get(Lead, row.lead_id)
    if actor.id not in (row.assignee_id, lead.assigned_to_id) and actor.role not in ("admin", "manager"):
        raise PermissionDenied(NOT_ALLOWED.format(verb=verb))
    if row.status != FollowUpStatus.PLANNED:
        raise DomainError(ALREADY_DONE)
    return row, lead


def complete(session: Session, actor: Actor, follow_up_id: int, outcome: str, next_data: dict | None, *,
             now: datetime) -> FollowUpView | None:
    """Mark a planned follow-up done with its outcome and, when ``next_data`` is given (a
    non-empty dict, same keys as schedule()), plan the next one in the same transaction.
    Everything is checked before anything is written: an invalid next plan completes nothing
    (its problems come back under next_kind, next_due_at, next_assignee_id, next_notes).
    Returns the next follow-up, or None."""
    row, lead = changeable(session, actor, follow_up_id, verb="complete")
    errors: dict[str, str] = {}
    text = str(outcome or "").strip()
    if not text:
        errors["outcome"] = "Write what happened."
    elif len(text) > MAX_TEXT:
        errors["outcome"] = "Use at most 5,000 characters."
    plan = None
    if next_data:
        plan, next_errors = _clean_plan(session, actor, lead, next_data, now=now, prefix="next_")
        errors.update(next_errors)
    if errors:
        raise ValidationError(errors)
    row.status, row.outcome, row.completed_at, row.completed_by_id = FollowUpStatus.DONE, text, now, actor.id
    session.add(row)
    lead_events.record(session, lead.id, actor.id, "follow_up_done", f"{KIND_LABELS[row.kind]} done: {text}", at=now)
    session.flush()
    following = _write_plan(session, actor, lead, plan, now=now) if plan else None
    touch_lead(session, lead, now)
    return one_view(session, actor, following.id, now=now) if following else None


def refresh_next_follow_up(session: Session, lead_id: int) -> None:
    """Set the lead's next follow-up to its earliest planned due time (None when there is none)."""
    session.flush()
    lead = session.get(Lead, lead_id)
    if lead is None:
        return
    lead.next_followup_at = session.exec(
        select(FollowUp.due_at).where(FollowUp.lead_id == lead_id, FollowUp.status == FollowUpStatus.PLANNED)
        .order_by(FollowUp.due_at).limit(1)).first()
    session.add(lead)
    session.flush()


def lead_follow_ups(session: Session, actor: Actor, lead_id: int, *, now: datetime) -> list[FollowUpView]:
    """The lead's follow-ups: planned ones first by due time, then done ones newest first."""
    require_actor(actor)
    lead = get_visible(session, actor, lead_id=as_id(lead_id))
    of_lead = query().where(FollowUp.lead_id == lead.id)
    planned = of_lead.where(FollowUp.status == FollowUpStatus.PLANNED).order_by(FollowUp.due_at, FollowUp.id)
    done = (of_lead.where(FollowUp.status != FollowUpStatus.PLANNED)
            .order_by(FollowUp.completed_at.desc(), FollowUp.id.desc()))
    return views_of(session, actor, planned, now=now) + views_of(session, actor, done, now=now)


def follow_ups_where(session: Session, actor: Actor, where: list, *, now: datetime, page: int = 1,
                     per_page: int = 50) -> tuple[int, list[FollowUpView]]:
    """The count and one page (most recently due first) of the follow-ups matching ``where``
    (clauses on FollowUp and its Lead, e.g. an insights drill-down), on leads ``actor`` may see."""
    require_actor(actor)
    where = [visible_clause(session, actor), *where]
    total = session.exec(select(func.count()).select_from(FollowUp).join(Lead, Lead.id == FollowUp.lead_id)
                         .where(*where)).one()
    stmt = (query().where(*where).order_by(FollowUp.due_at.desc(), FollowUp.id.desc())
            .offset((max(int(page), 1) - 1) * per_page).limit(per_page))
    return int(total), views_of(session, actor, stmt, now=now)


def query():
    return (select(FollowUp, Lead.code, Lead.title, Lead.contact_id, Employee.name)
            .join(Lead, Lead.id == FollowUp.lead_id)
            .join(Employee, Employee.id == FollowUp.assignee_id))


def one_view(session: Session, actor: Actor, follow_up_id: int, *, now: datetime) -> FollowUpView:
    return views_of(session, actor, query().where(FollowUp.id == follow_up_id), now=now)[0]


def state_of(row: FollowUp, *, now: datetime, today: date, zone: ZoneInfo) -> str:
    if row.status != FollowUpStatus.PLANNED:
        return DueState.DONE
    if row.due_at < now:
        return DueState.OVERDUE
    return DueState.TODAY if row.due_at.astimezone(zone).date() == today else DueState.PLANNED


def views_of(session: Session, actor: Actor, stmt, *, now: datetime) -> list[FollowUpView]:
    """The follow-ups of ``stmt`` as ``actor`` reads them: a lead's contact they may not see
    is "Private contact" (leads.masked_names)."""
    zone = ZoneInfo(zone_name(session))
    today = now.astimezone(zone).date()
    rows = session.exec(stmt).all()
    contacts = masked_names(session, actor, {contact_id for _row, _code, _title, contact_id, _who in rows})
    out = []
    for row, code, title, contact_id, assignee in rows:
        out.append(FollowUpView(
            id=row.id, lead_id=row.lead_id, lead_code=code, lead_title=title,
            contact_name=contacts.get(contact_id, ("", ""))[0],
            kind=row.kind, kind_label=KIND_LABELS.get(row.kind, row.kind.title()),
            due=row.due_at.astimezone(zone).strftime(DISPLAY),
            due_iso=row.due_at.astimezone(zone).strftime(LOCAL_INPUT), assignee_id=row.assignee_id,
            assignee=assignee, notes=row.notes, status=row.status, outcome=row.outcome,
            state=state_of(row, now=now, today=today, zone=zone),
            completed=row.completed_at.astimezone(zone).strftime(DISPLAY) if row.completed_at else ""))
    return out
