"""What a save changed, one readable line per field ("Priority: Normal → High").

The timeline is read by everyone who may see the lead, and some of them may not see its
contact: lines about the contact, a contact as the source and the address therefore name no
contact (they say the field changed), while masters, employees, amounts and the title show
their old and new value."""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Employee, Lead, LeadProduct, MasterEntry

# What a save compares, in the order the lines are written (assignee and status have their own lines).
FIELDS = ("title", "contact_id", "contact_address_id", "product_category_id", "product_ids", "priority_id",
          "lead_type_id", "estimated_value", "source", "knowledge_template_id", "description")
_MASTERS = {"product_category_id": "Product category", "priority_id": "Priority", "lead_type_id": "Lead type",
            "knowledge_template_id": "Knowledge template"}
_SOURCE_KINDS = {"": "none", "contact": "Contact / prospect", "friend": "Friend / family", "employee": "Employee",
                 "campaign": "Campaign / activity"}
NONE = "none"
SHORT = 60  # a title longer than this is cut with "…" on its line


def snapshot(session: Session, lead: Lead | None) -> dict:
    """The tracked values of a lead before the save changes it ({} for a new lead)."""
    if lead is None:
        return {}
    values = {key: getattr(lead, key) for key in FIELDS if hasattr(lead, key)}
    values["source"] = (lead.source_kind, lead.source_contact_id, lead.source_employee_id, lead.source_campaign_id)
    values["product_ids"] = _product_ids(session, lead.id)
    return values


def describe(session: Session, before: dict, lead: Lead) -> list[str]:
    """One line per field that differs between ``before`` (``snapshot``) and the saved lead."""
    after = snapshot(session, lead)
    lines = []
    for key in FIELDS:
        old, new = before.get(key), after.get(key)
        if old == new or (not old and not new):
            continue
        lines.append(_line(session, key, old, new))
    return lines


def _line(session: Session, key: str, old, new) -> str:
    if key in _MASTERS:
        return f"{_MASTERS[key]}: {_entry(session, old)} → {_entry(session, new)}"
    if key == "title":
        return f"Title: “{_short(old)}” → “{_short(new)}”"
    if key == "estimated_value":
        return (f"Estimated value: {app_settings.money(session, old, blank=NONE)} → "
                f"{app_settings.money(session, new, blank=NONE)}")
    if key == "product_ids":
        return f"Products: {_entries(session, old)} → {_entries(session, new)}"
    if key == "source":
        return f"Source: {_source(session, old)} → {_source(session, new)}"
    if key == "contact_id":
        return "Contact changed"
    if key == "contact_address_id":
        return "Address changed"
    return "Description changed"


def _short(text: str | None) -> str:
    text = (text or "").strip()
    return text if len(text) <= SHORT else text[:SHORT - 1].rstrip() + "…"


def _entry(session: Session, entry_id: int | None) -> str:
    entry = session.get(MasterEntry, entry_id) if entry_id else None
    return entry.name if entry else NONE


def _entries(session: Session, ids: tuple[int, ...]) -> str:
    if not ids:
        return NONE
    names = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(MasterEntry.id.in_(ids))).all())
    return ", ".join(sorted(names.get(i, "?") for i in ids))


def _source(session: Session, source: tuple | None) -> str:
    kind, _contact_id, employee_id, campaign_id = source or ("", None, None, None)
    label = _SOURCE_KINDS.get(kind, kind)
    if kind == "employee" and employee_id:
        employee = session.get(Employee, employee_id)
        return f"{label} ({employee.name})" if employee else label
    if kind == "campaign" and campaign_id:
        return f"{label} ({_entry(session, campaign_id)})"
    return label  # a contact as the source is not named: not everyone who reads the timeline may see it


def _product_ids(session: Session, lead_id: int | None) -> tuple[int, ...]:
    if lead_id is None:
        return ()
    return tuple(sorted(session.exec(select(LeadProduct.product_id).where(LeadProduct.lead_id == lead_id))))
