"""Reading one lead: its detail with the timeline, the values that refill its
form, and what the form needs to know about the chosen contact. A contact on
the lead that the reader may not see reads "Private contact", with no code,
details or link, on the detail and in the form (privacy.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import Actor, Option, require_actor
from hoffice_app.domain.contacts import display, hidden_ids
from hoffice_app.domain.contacts import visible_clause as contact_visible
from hoffice_app.domain.leads.access import get_visible
from hoffice_app.domain.leads.privacy import PRIVATE_CODE, PRIVATE_CONTACT, masked_names
from hoffice_app.domain.leads.product_lines import (
    ProductLineView,
    computed_from_lines,
    form_lines,
    lead_lines,
    line_views,
)
from hoffice_app.domain.leads.rules import associated_contact_ids, contact_by_code
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    Employee,
    Lead,
    LeadAlsoNotify,
    LeadAssociatedContact,
    LeadEvent,
    LeadFollower,
    MasterEntry,
)

FORM_TIME = "%Y-%m-%dT%H:%M"  # what a datetime-local input holds


@dataclass
class ContactContext:
    """The chosen contact as the lead form shows it (read-only mobile and e-mail)."""

    code: str
    name: str
    mobile: str
    email: str
    addresses: list[Option] = field(default_factory=list)
    associated: list[Option] = field(default_factory=list)  # value = contact code
    notify_options: list[Option] = field(default_factory=list)  # value = "email:…" / "mobile:+91…"


@dataclass
class TimelineItem:
    at: str
    actor: str
    kind: str
    text: str


@dataclass
class LeadDetail:
    id: int
    code: str
    title: str
    is_open: bool
    contact_code: str  # "" when the contact is private to someone else: no link
    contact_name: str
    info: dict[str, str]
    products: list[str]
    associated: list[Option]  # value "" (no link) for "Private contact"
    followers: list[str]
    timeline: list[TimelineItem]
    product_lines: list[ProductLineView] = field(default_factory=list)  # in the lead's order
    lines_total: str = ""  # the priced lines' sum in the company's currency; "" when none is priced


def _address_label(a: ContactAddress, names: dict[int, str]) -> str:
    parts = [a.line1, a.area, a.city, a.state, a.pin]
    kind = names.get(a.address_type_id or 0, "Address")
    return f"{kind}: " + ", ".join(p for p in parts if p)


def contact_context(session: Session, actor: Actor, code: str) -> ContactContext | None:
    contact = contact_by_code(session, actor, code)
    if contact is None:
        return None
    emails = list(session.exec(select(ContactEmail).where(ContactEmail.contact_id == contact.id)))
    phones = list(session.exec(select(ContactPhone).where(ContactPhone.contact_id == contact.id)))
    addresses = list(session.exec(select(ContactAddress).where(ContactAddress.contact_id == contact.id)))
    names = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(
        MasterEntry.id.in_({a.address_type_id for a in addresses if a.address_type_id}))).all())
    related = associated_contact_ids(session, contact.id)
    others = session.exec(select(Contact).where(Contact.id.in_(related), contact_visible(session, actor))
                          .order_by(Contact.name_key)).all()
    primary_mobile = next((p.number for p in phones if p.kind == "mobile" and p.is_primary), "")
    primary_email = next((e.email for e in emails if e.is_primary), "")
    notify = [Option(f"email:{e.email}", e.email) for e in emails if not e.is_primary]
    notify += [Option(f"mobile:{p.number}", display(p.number)) for p in phones
               if p.kind == "mobile" and not p.is_primary]
    return ContactContext(code=contact.code, name=contact.name,
                          mobile=display(primary_mobile) if primary_mobile else "",
                          email=primary_email,
                          addresses=[Option(str(a.id), _address_label(a, names)) for a in addresses],
                          associated=[Option(o.code, f"{o.name} · {o.code}") for o in others],
                          notify_options=notify)


def local_text(value, tz: str, fmt: str = "%d %b %Y, %H:%M") -> str:
    return value.astimezone(ZoneInfo(tz)).strftime(fmt) if value else ""


def new_form_values(session: Session, actor: Actor, *, now) -> dict:
    """What the form for a new lead starts with: the actor creates it and handles it, assigned
    now by the company's clock (the guide: "the default will be the current date and time").
    The user may change the date; saving without an assignee drops it (rules.clean_lead)."""
    require_actor(actor)
    return {"created_by_id": str(actor.id), "assigned_to_id": str(actor.id),
            "assigned_at": now.astimezone(app_settings.zone(session)).strftime(FORM_TIME)}


def form_values(session: Session, actor: Actor, code: str) -> dict:
    """The form's values. A contact the actor may not see comes back as PRIVATE_CODE (the
    lead's contact, its source), with nothing of its own (address, also-notify values);
    associated contacts and external followers hidden from the actor are left out. Saving
    keeps all of them as they are (rules.clean_lead)."""
    lead = get_visible(session, actor, code=code)
    tz = app_settings.get(session, "default_timezone")
    links = session.exec(select(LeadAssociatedContact.contact_id).where(LeadAssociatedContact.lead_id == lead.id)).all()
    followers = list(session.exec(select(LeadFollower).where(LeadFollower.lead_id == lead.id)))
    external = [f.contact_id for f in followers if f.contact_id]
    hidden = hidden_ids(session, actor, {lead.contact_id, lead.source_contact_id, *links, *external})
    data: dict = {k: str(getattr(lead, k) or "") for k in (
        "title", "title_id", "contact_address_id", "assigned_to_id", "created_by_id", "product_category_id",
        "status_id", "priority_id", "lead_type_id", "source_kind", "knowledge_template_id", "description",
        "funnel_id")}  # the funnel is shown, not changed, on the form: the lead's page moves it
    data["estimated_value"] = f"{lead.estimated_value:f}".rstrip("0").rstrip(".") if lead.estimated_value else ""
    data["assigned_at"] = local_text(lead.assigned_at, tz, FORM_TIME)
    data["contact_code"] = PRIVATE_CODE if lead.contact_id in hidden else session.get(Contact, lead.contact_id).code
    data["source_ref"] = _source_ref(session, lead, hidden)
    data["product_lines"] = form_lines(session, lead.id)
    data["value_from_lines"] = "1" if computed_from_lines(lead_lines(session, lead.id), lead.estimated_value) else ""
    data["associated_contact_codes"] = _codes(session, set(links) - hidden)
    data["follower_employee_ids"] = [str(f.employee_id) for f in followers if f.employee_id]
    data["follower_contact_codes"] = _codes(session, set(external) - hidden)
    data["also_notify"] = [] if lead.contact_id in hidden else [
        f"{n.channel}:{n.value}" for n in session.exec(select(LeadAlsoNotify).where(LeadAlsoNotify.lead_id == lead.id))]
    if lead.contact_id in hidden:
        data["contact_address_id"] = ""
    data |= cf.form_data(session, actor, "lead", lead.id)  # read and merged like the built-in fields
    data["version"] = lead.version  # what the form's save sends back (domain/common/versions.py)
    return data


def _codes(session: Session, ids: set[int]) -> list[str]:
    return list(session.exec(select(Contact.code).where(Contact.id.in_(ids)))) if ids else []


def _source_ref(session: Session, lead: Lead, hidden: set[int]) -> str:
    if lead.source_kind in ("contact", "friend") and lead.source_contact_id:
        return PRIVATE_CODE if lead.source_contact_id in hidden else session.get(Contact, lead.source_contact_id).code
    return str(lead.source_employee_id or lead.source_campaign_id or "")


def lead_detail(session: Session, actor: Actor, code: str) -> LeadDetail:
    lead = get_visible(session, actor, code=code)
    tz = app_settings.get(session, "default_timezone")
    followers = list(session.exec(select(LeadFollower).where(LeadFollower.lead_id == lead.id)))
    links = session.exec(select(LeadAssociatedContact.contact_id).where(LeadAssociatedContact.lead_id == lead.id)).all()
    people = masked_names(session, actor, {lead.contact_id, lead.source_contact_id, *links,
                                           *(f.contact_id for f in followers)})
    contact_name, contact_code = people[lead.contact_id]
    private = not contact_code  # every contact has a code; only a masked one has none
    employees = dict(session.exec(select(Employee.id, Employee.name)).all())
    ids = {lead.status_id, lead.priority_id, lead.lead_type_id, lead.product_category_id, lead.source_campaign_id,
           lead.knowledge_template_id, lead.title_id}
    product_ids = [r.product_id for r in lead_lines(session, lead.id)]
    names = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(
        MasterEntry.id.in_({i for i in ids | set(product_ids) if i}))).all())
    ctx = None if private else contact_context(session, actor, contact_code)
    address = session.get(ContactAddress, lead.contact_address_id) if lead.contact_address_id and not private else None
    notify = [] if private else session.exec(select(LeadAlsoNotify.value).where(LeadAlsoNotify.lead_id == lead.id))
    info = {
        "Contact": contact_name if private else f"{contact_name} ({contact_code})",
        "Mobile": ctx.mobile if ctx else "", "E-mail": ctx.email if ctx else "",
        "Address for this inquiry": _address_label(address, {}) if address else "",
        "Assigned to": employees.get(lead.assigned_to_id, ""), "Created by": employees.get(lead.created_by_id, ""),
        "Date of assignment": local_text(lead.assigned_at, tz),
        "Product category": names.get(lead.product_category_id, ""),
        "Status": names.get(lead.status_id, ""), "Priority": names.get(lead.priority_id, ""),
        "Lead type": names.get(lead.lead_type_id, ""),
        "Estimated value": app_settings.money(session, lead.estimated_value),
        "Source of inquiry": _source_text(lead, people, employees, names),
        "Knowledge template": names.get(lead.knowledge_template_id, ""), "Description": lead.description,
        "Next follow-up": local_text(lead.next_followup_at, tz), "Created": local_text(lead.created_at, tz),
        "Also send communication on": ", ".join(notify),
    }
    lines, lines_total = line_views(session, lead.id)
    events = session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id)
                          .order_by(LeadEvent.at.desc(), LeadEvent.id.desc())).all()
    associated = sorted((people[i] for i in links if i in people), key=lambda p: (p[0] == PRIVATE_CONTACT, p[0]))
    return LeadDetail(
        id=lead.id, code=lead.code, title=lead.title, is_open=lead.is_open, contact_code=contact_code,
        contact_name=contact_name, info=info, products=[names.get(p, "") for p in product_ids],
        associated=[Option(c, name) for name, c in associated],
        followers=[employees.get(f.employee_id, "") if f.employee_id
                   else f"{people.get(f.contact_id, ('', ''))[0]} (external)" for f in followers],
        timeline=[TimelineItem(at=local_text(e.at, tz), actor=employees.get(e.actor_id, "System"), kind=e.kind,
                               text=e.text) for e in events],
        product_lines=lines, lines_total=lines_total)


def _source_text(lead: Lead, people: dict, employees: dict, names: dict) -> str:
    kind = lead.source_kind
    if kind in ("contact", "friend") and lead.source_contact_id:
        label = "Contact / prospect" if kind == "contact" else "Friend / family"
        return f"{label}: {people.get(lead.source_contact_id, ('', ''))[0]}"
    if kind == "employee":
        return f"Employee: {employees.get(lead.source_employee_id, '')}"
    if kind == "campaign":
        return f"Campaign / activity: {names.get(lead.source_campaign_id, '')}"
    return ""
