"""Validation of the lead form. Every problem is collected per field; the
dependent choices must fit their parent (address and
associated contacts → contact, source value → source kind); products may be of any
category (product_lines.py says what the lead's one category then is). Contacts on the
lead that the editor may not see (privacy.py) are kept as they are: the form
holds PRIVATE_CODE for the lead's contact or source, and leaves hidden
associated contacts and external followers out. A lead with a type and no status takes the
type's default status (masters.type_statuses), whichever way it is saved."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from sqlmodel import Session, or_, select

from hoffice_app.domain.common import Actor, NotFound, ValidationError, as_id
from hoffice_app.domain.contacts import can_see as can_see_contact
from hoffice_app.domain.contacts import hidden_ids
from hoffice_app.domain.leads.creator import check_creator
from hoffice_app.domain.leads.privacy import is_private_code
from hoffice_app.domain.leads.product_lines import CleanLine, clean_lines, main_category, value_from_lines
from hoffice_app.domain.masters import default_status_for
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import (
    Contact,
    ContactAddress,
    ContactAssociation,
    ContactEmail,
    ContactPhone,
    Employee,
    Lead,
    LeadAlsoNotify,
    LeadAssociatedContact,
    LeadFollower,
    MasterEntry,
)

SOURCE_KINDS = ("contact", "employee", "friend", "campaign")
MAX_VALUE = Decimal(10) ** 13


@dataclass
class CleanLead:
    scalars: dict = field(default_factory=dict)
    product_lines: list[CleanLine] = field(default_factory=list)
    associated_ids: list[int] = field(default_factory=list)
    follower_employee_ids: list[int] = field(default_factory=list)
    follower_contact_ids: list[int] = field(default_factory=list)
    also_notify: list[tuple[str, str]] = field(default_factory=list)


def contact_by_code(session: Session, actor: Actor, code: str) -> Contact | None:
    contact = session.exec(select(Contact).where(Contact.code == (code or "").strip().upper())).first()
    return contact if contact and can_see_contact(session, actor, contact.id) else None


def associated_contact_ids(session: Session, contact_id: int) -> set[int]:
    rows = session.exec(select(ContactAssociation).where(or_(ContactAssociation.contact_id == contact_id,
                                                             ContactAssociation.related_contact_id == contact_id)))
    return {r.related_contact_id if r.contact_id == contact_id else r.contact_id for r in rows}


def parse_local(value: str, tz_name: str) -> datetime | None:
    """"2026-11-26T10:30" in the company's time zone → aware UTC."""
    try:
        local = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if local.tzinfo is None:
        local = local.replace(tzinfo=ZoneInfo(tz_name))
    return local.astimezone(ZoneInfo("UTC"))


class _Lead:
    def __init__(self, session: Session, actor: Actor, data: dict, existing: Lead | None):
        self.session, self.actor, self.data, self.existing = session, actor, data, existing
        self.errors: dict[str, str] = {}
        self.out = CleanLead()

    def master(self, key: str, kind: str, label: str, *, required: bool = False, parent: int | None = None):
        raw = self.data.get(key)
        if not raw:
            if required:
                self.errors[key] = f"Choose the {label}."
            return None
        entry = self.session.get(MasterEntry, as_id(raw) or 0)
        if entry is None or entry.kind != kind or (parent is not None and entry.parent_id != parent):
            self.errors[key] = f"Choose the {label} from the list."
            return None
        return entry

    def employee(self, key: str, label: str, raw=None):
        raw = self.data.get(key) if raw is None else raw
        if not raw:
            return None
        employee = self.session.get(Employee, as_id(raw) or 0)
        if employee is None or not employee.active:
            self.errors[key] = f"Choose {label} from the list."
            return None
        return employee


def clean_lead(session: Session, actor: Actor, data: dict, *, now: datetime, existing=None) -> CleanLead:
    c = _Lead(session, actor, data, existing)
    s = c.out.scalars
    terms = app_settings.lead_terms(session)
    title_entry = c.master("title_id", "lead_title", "title", required=terms.title_from_master)
    title = title_entry.name if title_entry else " ".join(str(data.get("title") or "").split())
    if not title and "title_id" not in c.errors:
        c.errors["title"] = f"Enter the {terms.singular.lower()} title."
    elif len(title) > 200:
        c.errors["title"] = "Use at most 200 characters."
    s["title"], s["title_id"] = title, title_entry.id if title_entry else None
    kept = existing is not None and is_private_code(data.get("contact_code"))
    contact = session.get(Contact, existing.contact_id) if kept else \
        contact_by_code(session, actor, str(data.get("contact_code") or ""))
    if contact is None:
        c.errors["contact_code"] = "Choose the contact (or create one with +)." if not data.get("contact_code") \
            else "No such contact, or it is private and not shared with you."
    s["contact_id"] = contact.id if contact else None
    if kept:
        _keep_contact_children(c)
    else:
        _contact_children(c, contact)
    assignee = c.employee("assigned_to_id", "the employee")
    s["assigned_to_id"] = assignee.id if assignee else None
    creator_id, problem = check_creator(session, actor, data.get("created_by_id"),
                                        existing.created_by_id if existing else actor.id)
    if problem:
        c.errors["created_by_id"] = problem
    s["created_by_id"] = creator_id
    tz = app_settings.get(session, "default_timezone")
    raw_at = str(data.get("assigned_at") or "").strip()
    assigned_at = parse_local(raw_at, tz) if raw_at else None
    if raw_at and assigned_at is None:
        c.errors["assigned_at"] = "Enter the date and time of assignment."
    # the date of assignment belongs to an assignee: the new-lead form shows "now" before anyone is chosen
    s["assigned_at"] = (assigned_at or now) if assignee else None
    category = c.master("product_category_id", "product_category", "product category")
    c.out.product_lines = clean_lines(session, data, c.errors, lead_id=existing.id if existing else None)
    s["product_category_id"] = main_category(session, category.id if category else None,
                                                            c.out.product_lines)
    for key, kind, label in (("status_id", "lead_status", "status"), ("priority_id", "lead_priority", "priority"),
                             ("lead_type_id", "lead_type", "lead type"),
                             ("knowledge_template_id", "knowledge_template", "knowledge template")):
        entry = c.master(key, kind, label)
        s[key] = entry.id if entry else None
    if s["status_id"] is None and "status_id" not in c.errors:
        s["status_id"] = default_status_for(session, s["lead_type_id"])
    s["estimated_value"] = _value(c)
    if str(data.get("value_from_lines") or "") in ("1", "true", "on"):
        s["estimated_value"] = value_from_lines(c.out.product_lines, c.errors)
    _source(c)
    _followers(c)
    if existing is not None:
        _keep_hidden_links(c, same_contact=not kept and contact is not None and contact.id == existing.contact_id)
    s["description"] = str(data.get("description") or "").strip()
    if len(s["description"]) > 20000:
        c.errors["description"] = "Use at most 20,000 characters."
    if c.errors:
        raise ValidationError(c.errors)
    return c.out


def _contact_children(c: _Lead, contact: Contact | None) -> None:
    s, data = c.out.scalars, c.data
    s["contact_address_id"] = None
    if contact is None:
        return
    address_id = as_id(data.get("contact_address_id"))
    if data.get("contact_address_id"):
        address = c.session.get(ContactAddress, address_id or 0)
        if address is None or address.contact_id != contact.id:
            c.errors["contact_address_id"] = "Choose one of the contact's addresses."
        else:
            s["contact_address_id"] = address.id
    allowed = associated_contact_ids(c.session, contact.id)
    for code in data.get("associated_contact_codes") or []:
        other = contact_by_code(c.session, c.actor, code)
        if other is None or other.id not in allowed:
            c.errors["associated_contact_codes"] = "Only contacts associated with the chosen contact can be added."
            break
        c.out.associated_ids.append(other.id)
    emails = {e.lower() for e in c.session.exec(select(ContactEmail.email)
                                                 .where(ContactEmail.contact_id == contact.id))}
    mobiles = set(c.session.exec(select(ContactPhone.number).where(ContactPhone.contact_id == contact.id)))
    for item in data.get("also_notify") or []:
        channel, _, value = str(item).partition(":")
        if (channel == "email" and value.lower() in emails) or (channel == "mobile" and value in mobiles):
            c.out.also_notify.append((channel, value))
        else:
            c.errors["also_notify"] = "Choose e-mails or mobiles of the chosen contact."
            break


def _value(c: _Lead):
    raw = str(c.data.get("estimated_value") or "").replace(",", "").replace(" ", "")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        c.errors["estimated_value"] = "Enter an amount, e.g. 150000."
        return None
    if not value.is_finite() or value < 0 or value > MAX_VALUE:
        c.errors["estimated_value"] = "Enter an amount of 0 or more."
        return None
    return value.quantize(Decimal("0.01"))


def _source(c: _Lead) -> None:
    s, kind, raw = c.out.scalars, str(c.data.get("source_kind") or ""), c.data.get("source_ref")
    s.update(source_kind=kind, source_contact_id=None, source_employee_id=None, source_campaign_id=None)
    if not kind:
        return
    if kind not in SOURCE_KINDS:
        c.errors["source_kind"] = "Choose the source of inquiry from the list."
        return
    problem = "Choose where this inquiry came from."
    if kind in ("contact", "friend"):
        if c.existing is not None and is_private_code(raw) and c.existing.source_kind == kind \
                and c.existing.source_contact_id:
            s["source_contact_id"] = c.existing.source_contact_id  # hidden from the editor: kept
            return
        other = contact_by_code(c.session, c.actor, str(raw or ""))
        if other and kind == "friend":
            other_type = c.session.get(MasterEntry, other.contact_type_id)
            if other_type is None or other_type.name != "Other":
                other, problem = None, "For Friend / Family choose a contact of type Other."
        if other:
            s["source_contact_id"] = other.id
            return
    elif kind == "employee":
        employee = c.employee("source_ref", "the employee", raw)
        if employee:
            s["source_employee_id"] = employee.id
            return
    elif kind == "campaign":
        entry = c.master("source_ref", "campaign", "campaign")
        if entry:
            s["source_campaign_id"] = entry.id
            return
    c.errors.setdefault("source_ref", problem)


def _followers(c: _Lead) -> None:
    for raw in c.data.get("follower_employee_ids") or []:
        employee = c.employee("follower_employee_ids", "followers", raw)
        if employee and employee.id not in c.out.follower_employee_ids:
            c.out.follower_employee_ids.append(employee.id)
    for code in c.data.get("follower_contact_codes") or []:
        other = contact_by_code(c.session, c.actor, code)
        if other is None:
            c.errors["follower_contact_codes"] = "Choose external followers from your contacts."
            break
        if other.id not in c.out.follower_contact_ids:
            c.out.follower_contact_ids.append(other.id)


def _keep_contact_children(c: _Lead) -> None:
    """The lead keeps a contact its editor may not see, and what hangs on it (address,
    associated contacts, also-notify values), which the form could not show."""
    lead_id = c.existing.id
    c.out.scalars["contact_address_id"] = c.existing.contact_address_id
    c.out.associated_ids = list(c.session.exec(select(LeadAssociatedContact.contact_id)
                                               .where(LeadAssociatedContact.lead_id == lead_id)))
    c.out.also_notify = [(n.channel, n.value) for n in
                         c.session.exec(select(LeadAlsoNotify).where(LeadAlsoNotify.lead_id == lead_id))]


def _keep_hidden_links(c: _Lead, *, same_contact: bool) -> None:
    """Associated contacts (same contact only) and external followers the editor may not
    see were left out of the form; saving keeps them."""
    lead_id = c.existing.id
    followers = c.session.exec(select(LeadFollower.contact_id).where(LeadFollower.lead_id == lead_id,
                                                                     LeadFollower.contact_id.is_not(None))).all()
    links = c.session.exec(select(LeadAssociatedContact.contact_id)
                           .where(LeadAssociatedContact.lead_id == lead_id)).all() if same_contact else []
    hidden = hidden_ids(c.session, c.actor, {*followers, *links})
    c.out.follower_contact_ids += [i for i in followers if i in hidden and i not in c.out.follower_contact_ids]
    c.out.associated_ids += [i for i in links if i in hidden and i not in c.out.associated_ids]


__all__ = ["CleanLead", "NotFound", "clean_lead", "contact_by_code", "associated_contact_ids", "parse_local"]
