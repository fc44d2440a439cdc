"""A rule's conditions and the facts of a lead they are matched against.

Conditions are a small JSON document (``assignment_rule.conditions``); an absent or empty key
matches anything. The facts that are not on the lead row itself (its contact's divisions, the
city and state of its address) are read for a whole batch of leads in a few queries, and only
when some rule asks for them."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlmodel import Session, select

from hoffice_app.models import ContactAddress, ContactDivision, Lead

ID_KEYS = ("source_ids", "product_category_ids", "lead_type_ids", "division_ids")
TEXT_KEYS = ("cities", "states")
KEYS = ("source_kind", *ID_KEYS, *TEXT_KEYS)
CONTACT_KEYS = ("division_ids", "cities", "states")  # need the lead's contact, not just the row
CHUNK = 500  # ids per IN (...)


def parse(text: str | None) -> dict:
    """The stored conditions in a normal shape: ids as ints, names lower-cased, empty keys gone.
    A damaged document reads as "matches anything" rather than failing every new lead's save."""
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    out: dict = {}
    if raw.get("source_kind"):
        out["source_kind"] = str(raw["source_kind"])
    for key in ID_KEYS:
        ids = {int(v) for v in raw.get(key) or [] if str(v).isdigit()}
        if ids:
            out[key] = ids
    for key in TEXT_KEYS:
        names = {str(v).strip().lower() for v in raw.get(key) or [] if str(v).strip()}
        if names:
            out[key] = names
    return out


@dataclass
class Facts:
    """What a lead's match depends on."""

    source_kind: str
    source_id: int | None
    product_category_id: int | None
    lead_type_id: int | None
    division_ids: set[int] = field(default_factory=set)
    city: str = ""
    state: str = ""


def source_id(lead: Lead) -> int | None:
    return {"contact": lead.source_contact_id, "friend": lead.source_contact_id,
            "employee": lead.source_employee_id, "campaign": lead.source_campaign_id}.get(lead.source_kind)


def load_facts(session: Session, leads: list[Lead], *, with_contact: bool) -> dict[int, Facts]:
    """Each lead's facts; ``with_contact``: also its contact's divisions and address (its own
    address on the lead, else the contact's default one, else its first)."""
    facts = {lead.id: Facts(lead.source_kind or "", source_id(lead), lead.product_category_id, lead.lead_type_id)
             for lead in leads}
    if not with_contact or not leads:
        return facts
    contact_ids = sorted({lead.contact_id for lead in leads})
    divisions: dict[int, set[int]] = {}
    by_contact: dict[int, ContactAddress] = {}
    chosen_ids = {lead.contact_address_id for lead in leads if lead.contact_address_id}
    by_id: dict[int, ContactAddress] = {}
    for lo in range(0, len(contact_ids), CHUNK):
        part = contact_ids[lo:lo + CHUNK]
        for link in session.exec(select(ContactDivision).where(ContactDivision.contact_id.in_(part))):
            divisions.setdefault(link.contact_id, set()).add(link.division_id)
        rows = session.exec(select(ContactAddress).where(ContactAddress.contact_id.in_(part))
                            .order_by(ContactAddress.is_default.desc(), ContactAddress.id))
        for address in rows:
            by_contact.setdefault(address.contact_id, address)
            if address.id in chosen_ids:
                by_id[address.id] = address
    for lead in leads:
        f = facts[lead.id]
        f.division_ids = divisions.get(lead.contact_id, set())
        address = by_id.get(lead.contact_address_id) or by_contact.get(lead.contact_id)
        if address is not None:
            f.city, f.state = (address.city or "").strip().lower(), (address.state or "").strip().lower()
    return facts


def needs_contact(conditions: dict) -> bool:
    return any(key in conditions for key in CONTACT_KEYS)


def matches(conditions: dict, f: Facts) -> bool:
    """Every key present must hold; ``source_ids`` are the sub-choices of ``source_kind``."""
    c = conditions
    if "source_kind" in c and f.source_kind != c["source_kind"]:
        return False
    if "source_ids" in c and f.source_id not in c["source_ids"]:
        return False
    if "product_category_ids" in c and f.product_category_id not in c["product_category_ids"]:
        return False
    if "lead_type_ids" in c and f.lead_type_id not in c["lead_type_ids"]:
        return False
    if "division_ids" in c and not (f.division_ids & c["division_ids"]):
        return False
    if "cities" in c and f.city not in c["cities"]:
        return False
    return not ("states" in c and f.state not in c["states"])
