"""Creating and changing leads; each change leaves a line on the timeline."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import Session, delete, func, select

from hoffice_app.domain import customfields as cf
from hoffice_app.domain import live
from hoffice_app.domain.common import (
    Actor,
    ValidationError,
    codes,
    keep_custom_words,
    lead_search_text,
    require_actor,
    versions,
)
from hoffice_app.domain.leads import changes
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.domain.leads.access import get_visible
from hoffice_app.domain.leads.detail import form_values
from hoffice_app.domain.leads.handover import hand_over_follow_ups
from hoffice_app.domain.leads.rules import clean_lead
from hoffice_app.domain.masters import register_usage
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import (
    Contact,
    Employee,
    Lead,
    LeadAlsoNotify,
    LeadAssociatedContact,
    LeadFollower,
    LeadProduct,
    MasterEntry,
)


def _name(session: Session, model, row_id: int | None) -> str:
    row = session.get(model, row_id) if row_id else None
    return row.name if row else "nobody"


def save_lead(session: Session, actor: Actor, data: dict, *, now: datetime, lead_id: int | None = None) -> Lead:
    """Create (``lead_id`` None) or update a lead the actor can see (refused if another save of it
    lands first: ``versions.guard``)."""
    with versions.guard("lead"):
        return _save_lead(session, actor, data, now=now, lead_id=lead_id)


def _save_lead(session: Session, actor: Actor, data: dict, *, now: datetime, lead_id: int | None) -> Lead:
    require_actor(actor)
    existing = get_visible(session, actor, lead_id=lead_id) if lead_id else None
    before = changes.snapshot(session, existing)
    custom = cf.has_fields(session, "lead")  # none: the custom steps below are skipped
    custom_before = cf.values_snapshot(session, actor, "lead", existing.id if existing and custom else None)
    if existing:
        before.update(assigned_to_id=existing.assigned_to_id, status_id=existing.status_id)
    if existing and custom:
        data = cf.changed_only(session, actor, "lead", existing.id, data)
    custom_errors = cf.check_typed(session, actor, "lead", data, creating=existing is None) if custom else {}
    try:
        clean = clean_lead(session, actor, data, now=now, existing=existing)
    except ValidationError as err:
        raise cf.with_errors(err, custom_errors) from None
    if custom_errors:  # refused before anything is written
        raise ValidationError(custom_errors)
    lead = existing or Lead(code=codes.allocate(session, "lead")[0], title="", contact_id=0,
                            created_by_id=actor.id, created_at=now, updated_at=now)
    for key, value in clean.scalars.items():
        setattr(lead, key, value)
    if existing is None:
        # imported here: the funnel reads leads; a lead needs the funnel only when it is created
        from hoffice_app.domain.funnel import place_new_lead

        place_new_lead(session, lead, now=now, funnel_id=data.get("funnel_id"))  # none chosen: the defaults
    lead.updated_at, lead.updated_by_id = now, actor.id
    contact = session.get(Contact, lead.contact_id)
    lead.search_text = keep_custom_words(lead_search_text(lead.code, lead.title, contact.name, contact.code),
                                         lead.search_text)
    session.add(lead)
    session.flush()
    _replace_children(session, lead, clean)
    if custom and cf.write_values(session, actor, "lead", lead.id, data, creating=existing is None) and existing:
        flag_modified(lead, "updated_at")  # only custom values changed: the version still moves
    _record_changes(session, actor, lead, before, now)
    if existing and custom:
        for line in cf.describe_changes(session, actor, "lead", lead.id, custom_before):
            lead_events.record(session, lead.id, actor.id, "updated", line, at=now)
    session.flush()
    if existing is None and lead.assigned_to_id is None:
        # imported here: the rules read leads; a lead needs them only when it is created unassigned
        from hoffice_app.domain.assignment import assign_by_rules

        assign_by_rules(session, [lead.id], now=now)
    if lead.funnel_id:  # open boards of the funnel look again (a save can change any card)
        live.announce(session, live.News(live.FUNNEL, lead.funnel_id))
    return lead


FORM_LABELS = {"title": "title", "title_id": "title", "contact_code": "contact", "contact_address_id": "address",
               "assigned_to_id": "assigned to", "assigned_at": "assigned at", "created_by_id": "created by",
               "product_category_id": "product category", "product_ids": "products",
               "product_lines": "products", "value_from_lines": "estimated value", "status_id": "status",
               "priority_id": "priority", "lead_type_id": "lead type", "source_kind": "source",
               "source_ref": "source", "knowledge_template_id": "knowledge template", "description": "description",
               "estimated_value": "estimated value", "associated_contact_codes": "associated contacts",
               "follower_employee_ids": "followers", "follower_contact_codes": "external followers",
               "funnel_id": "funnel",
               "also_notify": "also send communication on"}


def save_from_form(session: Session, actor: Actor, data: dict, *, now: datetime, code: str = "",
                   read: dict | None = None, version: int | None = None) -> versions.Saved:
    """The form's save: the lead by its code ("" for a new one). ``read`` and ``version`` are the
    values and version the form showed: a lead saved meanwhile is merged or refused
    (``versions.merge_edit``). Returns its code, so a page keeps no ORM row."""
    lead, note = (get_visible(session, actor, code=code) if code else None), ""
    if lead is not None and version is not None and lead.version != version:
        last, what = versions.last_save(session, lead), app_settings.lead_terms(session).singular.lower()
        labels = FORM_LABELS | cf.form_labels(session, "lead")
        data, fields = versions.merge_edit(what=what, typed=data, read=read or {}, last=last, labels=labels,
                                           current=form_values(session, actor, code),
                                           tz=app_settings.zone(session))
        note = versions.merged_note(what, last, fields)
    return versions.Saved(save_lead(session, actor, data, now=now, lead_id=lead.id if lead else None).code, note)


def _replace_children(session: Session, lead: Lead, clean) -> None:
    for model in (LeadProduct, LeadAssociatedContact, LeadFollower, LeadAlsoNotify):
        session.exec(delete(model).where(model.lead_id == lead.id))
    rows: list = [LeadProduct(lead_id=lead.id, product_id=line.product_id, quantity=line.quantity,
                              unit_price=line.unit_price, position=n) for n, line in enumerate(clean.product_lines)]
    rows += [LeadAssociatedContact(lead_id=lead.id, contact_id=i) for i in clean.associated_ids]
    rows += [LeadFollower(lead_id=lead.id, employee_id=i) for i in clean.follower_employee_ids]
    rows += [LeadFollower(lead_id=lead.id, contact_id=i) for i in clean.follower_contact_ids]
    rows += [LeadAlsoNotify(lead_id=lead.id, channel=ch, value=v) for ch, v in clean.also_notify]
    session.add_all(rows)


def _record_changes(session: Session, actor: Actor, lead: Lead, before: dict, now: datetime) -> None:
    from hoffice_app.domain import notify  # notify reads leads; leads call it only when they change

    if not before:
        assignee = _name(session, Employee, lead.assigned_to_id)
        text = f"Created, assigned to {assignee}" if lead.assigned_to_id else "Created, not assigned yet"
        lead_events.record(session, lead.id, actor.id, "created", text, at=now)
        notify.lead_assigned(session, lead, previous_id=None, actor=actor, now=now)
        return
    if before["assigned_to_id"] != lead.assigned_to_id:
        notify.lead_assigned(session, lead, previous_id=before["assigned_to_id"], actor=actor, now=now)
        lead_events.record(session, lead.id, actor.id, "assigned",
                           f"Assigned to {_name(session, Employee, lead.assigned_to_id)} "
                           f"(was {_name(session, Employee, before['assigned_to_id'])})", at=now)
        hand_over_follow_ups(session, actor.id, {lead.id: before["assigned_to_id"]}, lead.assigned_to_id, now=now)
    if before["status_id"] != lead.status_id:
        lead_events.record(session, lead.id, actor.id, "status",
                           f"Status: {_name(session, MasterEntry, before['status_id'])} → "
                           f"{_name(session, MasterEntry, lead.status_id)}", at=now)
    for line in changes.describe(session, before, lead):
        lead_events.record(session, lead.id, actor.id, "updated", line, at=now)


def add_note(session: Session, actor: Actor, lead_id: int, text: str, *, now: datetime) -> None:
    lead = get_visible(session, actor, lead_id=lead_id)
    text = text.strip()
    if not text:
        raise ValidationError({"note": "Write the note first."})
    lead_events.record(session, lead.id, actor.id, "note", text[:5000], at=now)
    lead.updated_at = now
    session.add(lead)
    session.flush()


_LEAD_COLUMNS = {"lead_title": [Lead.title_id], "product_category": [Lead.product_category_id],
                 "lead_status": [Lead.status_id], "lead_priority": [Lead.priority_id], "lead_type": [Lead.lead_type_id],
                 "campaign": [Lead.source_campaign_id], "knowledge_template": [Lead.knowledge_template_id]}


@register_usage
def _used_by_leads(session: Session, entry: MasterEntry) -> list[str]:
    n = sum(session.exec(select(func.count()).select_from(Lead).where(col == entry.id)).one()
            for col in _LEAD_COLUMNS.get(entry.kind, []))
    if entry.kind == "product":
        n += session.exec(select(func.count()).select_from(LeadProduct).where(LeadProduct.product_id == entry.id)).one()
    return [f"{n} lead{'s' if n != 1 else ''}"] if n else []
