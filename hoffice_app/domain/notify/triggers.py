"""The events themselves: who hears of what, called by the change that causes it
(in its transaction) or by the runner's minute scans (reminders, overdue).

Nobody is told of their own action. Each employee gets an event on the channels
they chose (events.channels_for); external contacts get customer-facing wording by
their own notification channel; the lead's contact name is masked for a recipient
who may not see that contact.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.notify.events import (
    Channel,
    Event,
    channels_for,
    company_defaults,
    overdue_manager_delay_hours,
    own_choices,
)
from hoffice_app.domain.notify.send import Pending, Recipient, deliver
from hoffice_app.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    Employee,
    FollowUp,
    FunnelStage,
    Lead,
    LeadAlsoNotify,
    LeadFollower,
)

DUE_FORMAT = "%d %b %Y, %H:%M"
KIND_LABELS = {"call": "Call", "meeting": "Meeting", "email": "E-mail", "visit": "Visit", "whatsapp": "WhatsApp"}


def lead_values(session: Session, lead: Lead, reader: Employee | None, actor_name: str, *,
                contact: str | None = None) -> dict[str, str]:
    """The placeholders of a lead as ``reader`` may see them (the contact masked where hidden).
    ``contact``: the contact's name as ``reader`` may see it, when the caller has it already.
    ``lead.value`` reads as on the lead's page and the list ("₹2,50,000"), "" without a value."""
    from hoffice_app.domain.auth import actor_of  # notify sits below leads' callers; these read leads
    from hoffice_app.domain.leads import masked_names

    stage = session.get(FunnelStage, lead.stage_id) if lead.stage_id else None
    assignee = session.get(Employee, lead.assigned_to_id) if lead.assigned_to_id else None
    if contact is None:
        contact = ""
        if reader is not None:
            contact = masked_names(session, actor_of(reader), {lead.contact_id}).get(lead.contact_id, ("", ""))[0]
    return {"lead.code": lead.code, "lead.title": lead.title, "lead.stage": stage.name if stage else "",
            "lead.value": app_settings.money(session, lead.estimated_value),
            "lead.assignee": assignee.name if assignee else "",
            "contact.name": contact, "actor.name": actor_name}


def tell(session: Session, event: Event, employee: Employee, lead: Lead, *, actor_name: str, cause: str,
          now: datetime, extra: dict[str, str] | None = None, defaults=None, own: dict[str, bool] | None = None,
          contact: str | None = None, pending: Pending | None = None) -> int:
    from hoffice_app import routes

    channels = channels_for(session, employee.id, event, defaults, own)
    if not channels or not employee.active:
        return 0
    values = lead_values(session, lead, employee, actor_name, contact=contact) | (extra or {})
    return deliver(session, event, Recipient.of(employee), channels, values, cause=cause, now=now, lead_id=lead.id,
                   path=routes.lead(lead.code), pending=pending)


def lead_assigned(session: Session, lead: Lead, *, previous_id: int | None, actor, now: datetime,
                  pending: Pending | None = None) -> int:
    """The new assignee hears of it (in-app, e-mail, SMS); the previous one in the app.
    ``actor``: who did it (an Actor or Employee; None for the system). ``pending``: collect the
    rows for the caller to write with a batch's others (``Pending.write``)."""
    actor_id, actor_name = (actor.id, actor.name) if actor else (None, "H-Office")
    cause = f"{lead.id}@{now.timestamp():.6f}"
    written = 0
    new = session.get(Employee, lead.assigned_to_id) if lead.assigned_to_id else None
    if new is not None and new.id != actor_id:
        written += tell(session, Event.ASSIGNED, new, lead, actor_name=actor_name, cause=cause, now=now,
                        pending=pending)
    old = session.get(Employee, previous_id) if previous_id else None
    if old is not None and old.id not in (actor_id, lead.assigned_to_id):
        written += tell(session, Event.REASSIGNED_AWAY, old, lead, actor_name=actor_name, cause=cause, now=now,
                        pending=pending)
    return written


def lead_moved(session: Session, lead: Lead, stage: FunnelStage, *, actor, now: datetime) -> int:
    """A stage change, a win or a loss: the assignee and employee followers, then the lead's
    external followers and "also send" addresses in customer-facing words."""
    event = {"won": Event.WON, "lost": Event.LOST}.get(stage.kind, Event.STAGE)
    cause = f"{lead.id}@{now.timestamp():.6f}"
    actor_id, actor_name = (actor.id, actor.name) if actor else (None, "H-Office")
    followers = session.exec(select(LeadFollower).where(LeadFollower.lead_id == lead.id)).all()
    staff_ids = {lead.assigned_to_id} | {f.employee_id for f in followers if f.employee_id}
    staff_ids -= {None, actor_id}
    defaults, written = company_defaults(session), 0
    for employee in session.exec(select(Employee).where(Employee.id.in_(staff_ids)).order_by(Employee.id)):
        written += tell(session, event, employee, lead, actor_name=actor_name, cause=cause, now=now,
                         defaults=defaults)
    contact_ids = [f.contact_id for f in followers if f.contact_id]
    return written + _tell_contacts(session, lead, contact_ids, cause=cause, now=now, defaults=defaults)


def _tell_contacts(session: Session, lead: Lead, contact_ids: list[int], *, cause: str, now: datetime,
                   defaults) -> int:
    """External followers by their channel (e-mail, SMS, both, none), and the lead's "also send
    communication on" addresses, which follow the lead's own contact's channel."""
    allowed = defaults[Event.CONTACT_UPDATE]
    stage = session.get(FunnelStage, lead.stage_id) if lead.stage_id else None
    company = app_settings.get(session, "company_name") or "our team"
    written = 0
    targets: list[tuple[Contact, str, str]] = []
    for contact in session.exec(select(Contact).where(Contact.id.in_(set(contact_ids)))).all():
        email = session.exec(select(ContactEmail.email).where(ContactEmail.contact_id == contact.id)
                             .order_by(ContactEmail.is_primary.desc(), ContactEmail.id)).first() or ""
        mobile = session.exec(select(ContactPhone.number).where(ContactPhone.contact_id == contact.id,
                                                                ContactPhone.kind == "mobile")
                              .order_by(ContactPhone.is_primary.desc(), ContactPhone.id)).first() or ""
        targets.append((contact, email, mobile))
    own = session.get(Contact, lead.contact_id)
    for extra in session.exec(select(LeadAlsoNotify).where(LeadAlsoNotify.lead_id == lead.id)).all():
        if own is not None:
            targets.append((own, extra.value if extra.channel == "email" else "",
                            extra.value if extra.channel == "mobile" else ""))
    for contact, email, mobile in targets:
        wants = {"email": {Channel.EMAIL}, "sms": {Channel.SMS}, "both": {Channel.EMAIL, Channel.SMS}}.get(
            contact.notification_channel or "email", set()) & allowed
        values = {"lead.code": lead.code, "lead.stage": stage.name if stage else "", "contact.name": contact.name,
                  "company.name": company}
        written += deliver(session, Event.CONTACT_UPDATE, Recipient(None, contact.name, email, mobile), wants,
                           values, cause=cause, now=now, lead_id=lead.id)
    return written


def import_finished(session: Session, *, employee_id: int, job_id: int, summary: str, now: datetime) -> int:
    """Whoever ran an import hears that it finished, with what it did."""
    from hoffice_app import routes

    employee = session.get(Employee, employee_id)
    if employee is None or not employee.active:
        return 0
    channels = channels_for(session, employee.id, Event.IMPORT_DONE)
    path = routes.import_job(job_id)
    return deliver(session, Event.IMPORT_DONE, Recipient.of(employee), channels,
                   {"import.summary": summary}, cause=f"job{job_id}", now=now, path=path)


def _follow_up_values(session: Session, row: FollowUp) -> dict[str, str]:
    due = row.due_at.astimezone(app_settings.zone(session)).strftime(DUE_FORMAT)
    return {"follow_up.kind": KIND_LABELS.get(row.kind, row.kind), "follow_up.due": due}


def queue_reminders(session: Session, *, now: datetime, limit: int = 5000) -> int:
    """Follow-ups whose reminder time has come: their assignee is reminded once. Returns how
    many follow-ups were handled (at most ``limit``: call again while it returns ``limit``)."""
    rows = session.exec(select(FollowUp).where(FollowUp.status == "planned", FollowUp.reminded_at.is_(None),
                                               FollowUp.remind_at.is_not(None), FollowUp.remind_at <= now)
                        .order_by(FollowUp.remind_at).limit(limit)).all()
    _tell_about(session, rows, Event.REMINDER, "reminded_at", now=now)
    return len(rows)


def queue_overdue(session: Session, *, now: datetime, limit: int = 5000) -> int:
    """Planned follow-ups past their due time: the assignee is told once, and after the
    company's delay their manager is told once. Returns how many follow-ups were handled."""
    rows = session.exec(select(FollowUp).where(FollowUp.status == "planned", FollowUp.overdue_notified_at.is_(None),
                                               FollowUp.due_at <= now).order_by(FollowUp.due_at).limit(limit)).all()
    _tell_about(session, rows, Event.OVERDUE, "overdue_notified_at", now=now)
    cutoff = now - timedelta(hours=overdue_manager_delay_hours(session))
    late = session.exec(select(FollowUp).where(FollowUp.status == "planned", FollowUp.escalated_at.is_(None),
                                               FollowUp.due_at <= cutoff).order_by(FollowUp.due_at).limit(limit)).all()
    _tell_about(session, late, Event.OVERDUE_MANAGER, "escalated_at", now=now, manager=True)
    return len(rows) + len(late)


def _tell_about(session: Session, rows: list[FollowUp], event: Event, mark: str, *, now: datetime,
                manager: bool = False) -> int:
    """Tell each follow-up's assignee (or their manager) and mark it told. What every message
    needs is read once for the batch (the leads, the people, their own channel choices, the
    contacts' names as each reader may see them), and the rows written go to the database
    together at the end, so a minute of thousands of follow-ups is not thousands of round trips."""
    from hoffice_app.domain.auth import actor_of
    from hoffice_app.domain.contacts import hidden_ids
    from hoffice_app.domain.leads import PRIVATE_CONTACT

    if not rows:
        return 0
    defaults, written = company_defaults(session), 0
    leads = {lead.id: lead for lead in session.exec(select(Lead).where(Lead.id.in_({r.lead_id for r in rows})))}
    people = {e.id: e for e in session.exec(select(Employee).where(Employee.id.in_({r.assignee_id for r in rows})))}
    if manager:
        bosses = {p.reports_to_id for p in people.values() if p.reports_to_id}
        people |= {e.id: e for e in session.exec(select(Employee).where(Employee.id.in_(bosses - set(people))))}
    targets: dict[int, Employee] = {}  # follow-up id → whom to tell
    for row in rows:
        assignee = people.get(row.assignee_id)
        target = people.get(assignee.reports_to_id) if manager and assignee and assignee.reports_to_id \
            else (None if manager else assignee)
        if target is not None and row.lead_id in leads:
            targets[row.id] = target
    own = own_choices(session, {t.id for t in targets.values()}, event)
    seen: dict[int, set[int]] = {}  # reader → the contacts of their leads
    for row in rows:
        if row.id in targets:
            seen.setdefault(targets[row.id].id, set()).add(leads[row.lead_id].contact_id)
    # each contact's name, masked for a reader who may not see it (as leads.masked_names does)
    names = dict(session.exec(select(Contact.id, Contact.name).where(Contact.id.in_(set().union(*seen.values()))))
                 .all())
    hidden = {reader: hidden_ids(session, actor_of(people[reader]), ids) for reader, ids in seen.items()}
    pending = Pending()  # the bell rows and e-mails, written together below
    with session.no_autoflush:  # and the news flushed together
        for row in rows:
            target = targets.get(row.id)
            if target is None:
                continue
            lead, assignee = leads[row.lead_id], people.get(row.assignee_id)
            extra = _follow_up_values(session, row) | {"lead.assignee": assignee.name if assignee else ""}
            written += tell(session, event, target, lead, actor_name="H-Office", cause=f"fu{row.id}", now=now,
                             extra=extra, defaults=defaults, own=own.get(target.id, {}),
                             contact=PRIVATE_CONTACT if lead.contact_id in hidden[target.id]
                             else names.get(lead.contact_id, ""), pending=pending)
    session.flush()
    pending.write(session)
    session.execute(update(FollowUp).where(FollowUp.id.in_([r.id for r in rows])).values({mark: now}),
                    execution_options={"synchronize_session": "evaluate"})  # the rows in hand say so too
    return written
