"""Exporting the contact list as a template-shaped .xlsx.

Same columns as the template (the product has no custom fields yet, so none
are appended), Contact Code filled, the contact list's filters applied and
its privacy rule too: private contacts the actor may not see are not
exported, nor are links (Relation To, Reference) to them. Values are written
so that the file imports back unchanged: phones in E.164, dates as
YYYY-MM-DD, coded values by name. Re-importing the file with the skip
policy updates every row by its code and creates nothing.

Contacts are read 2,000 at a time with a few IN queries per batch and
streamed into the sheet, so memory stays flat however many are exported.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.contact_access import visible_clause
from hoffice_app.domain.contact_search import SORTS, ContactQuery, _conditions
from hoffice_app.domain.permissions import require_actor
from hoffice_app.domain.views import Actor
from hoffice_app.importer.columns import HEADERS, MANDATORY, BY_KEY
from hoffice_app.importer.context import country_display
from hoffice_app.importer.xlsxwrite import SheetWriter
from hoffice_app.models import (Contact, ContactAddress, ContactAlias, ContactAssociation, ContactCategory,
                                ContactDivision, ContactEmail, ContactPhone, ContactPrivacy, Employee, MasterEntry)

BATCH = 2000
GST_MEMBER_LETTER = {"Deemed export": "D", "Government entity": "G", "SEZ": "S"}
GENDER = {"male": "Male", "female": "Female", "other": "Other"}
BUSINESS = {"partner": "Partner", "end_user": "End User"}


def export_contacts(session: Session, actor: Actor, filters: ContactQuery | None, out_path, *, now: datetime) -> int:
    """Write the contacts the list would show (all pages) to ``out_path``; returns how many."""
    require_actor(actor)
    q = filters or ContactQuery()
    ids = list(session.exec(select(Contact.id).where(*_conditions(session, actor, q))
                            .order_by(*SORTS.get(q.sort, SORTS["name"]))))
    names = dict(session.exec(select(MasterEntry.id, MasterEntry.name)).all())
    class_codes = dict(session.exec(select(MasterEntry.id, MasterEntry.code).where(MasterEntry.kind == "class")).all())
    employees = dict(session.exec(select(Employee.id, Employee.code)).all())
    mandatory = {HEADERS.index(BY_KEY[k].header) for k in MANDATORY}
    with SheetWriter(out_path, "Contacts") as sheet:
        sheet.header(list(HEADERS), mandatory)
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            for values in _rows(session, actor, batch, names, class_codes, employees):
                sheet.row(values)
    return len(ids)


def _children(session: Session, model, ids: list[int], *order) -> dict[int, list]:
    out: dict[int, list] = defaultdict(list)
    for item in session.exec(select(model).where(model.contact_id.in_(ids)).order_by(*order)):
        out[item.contact_id].append(item)
    return out


def _rows(session: Session, actor: Actor, ids: list[int], names: dict, class_codes: dict, employees: dict):
    contacts = {c.id: c for c in session.exec(select(Contact).where(Contact.id.in_(ids)))}
    emails = _children(session, ContactEmail, ids, ContactEmail.is_primary.desc(), ContactEmail.id)
    phones = _children(session, ContactPhone, ids, ContactPhone.is_primary.desc(), ContactPhone.id)
    addresses = _children(session, ContactAddress, ids, ContactAddress.is_default.desc(), ContactAddress.id)
    aliases = _children(session, ContactAlias, ids, ContactAlias.id)
    categories = _children(session, ContactCategory, ids)
    divisions = _children(session, ContactDivision, ids)
    privacy = _children(session, ContactPrivacy, ids)
    links = _children(session, ContactAssociation, ids, ContactAssociation.id)
    linked = {l.related_contact_id for ls in links.values() for l in ls}
    linked |= {c.reference_contact_id for c in contacts.values() if c.reference_contact_id}
    visible = dict(session.exec(select(Contact.id, Contact.code).where(Contact.id.in_(linked), visible_clause(actor)))
                   .all()) if linked else {}
    countries = country_display()
    for cid in ids:
        c = contacts[cid]
        by_kind = defaultdict(list)
        for p in phones.get(cid, []):
            by_kind[p.kind].append(p.number)
        address = (addresses.get(cid) or [None])[0]
        link = next((l for l in links.get(cid, []) if l.related_contact_id in visible), None)
        v = {
            "contact_code": c.code, "division": _names(divisions.get(cid, []), "division_id", names),
            "title": names.get(c.title_id, ""), "name": c.name, "aliases": ", ".join(a.alias for a in aliases.get(cid, [])),
            "contact_type": names.get(c.contact_type_id, ""), "price_list": names.get(c.price_list_id, ""),
            "email": (emails.get(cid) or [None])[0].email if emails.get(cid) else "",
            "mobile": _nth(by_kind["mobile"], 0), "mobile1": _nth(by_kind["mobile"], 1),
            "office_phone": _nth(by_kind["office"], 0), "office_phone1": _nth(by_kind["office"], 1),
            "other_number": _nth(by_kind["other"], 0),
            "country": countries.get(c.country, c.country), "industry": names.get(c.industry_id, ""),
            "reference": _reference(c, visible, employees, names),
            "annual_revenue": "" if c.annual_revenue is None else str(c.annual_revenue),
            "privacy": ", ".join(employees.get(p.employee_id, "") for p in privacy.get(cid, [])) if c.is_private else "",
            "category": _names(categories.get(cid, []), "category_id", names),
            "relation": names.get(link.relation_id, "") if link else "",
            "relation_to": visible.get(link.related_contact_id, "") if link else "",
            "gstin": c.gstin, "aadhaar": c.aadhaar, "pan": c.pan,
            "date_of_birth": _day(c.date_of_birth), "anniversary": _day(c.anniversary),
            "date_of_death": _day(c.date_of_death),
            "class_name": names.get(c.class_id, ""), "class_code": class_codes.get(c.class_id) or "",
            "gst_registration_type": c.gst_registration_type, "gst_member_type": GST_MEMBER_LETTER.get(c.sez_type, ""),
            "gender": GENDER.get(c.gender, ""), "business_contact_type": BUSINESS.get(c.business_contact_type, ""),
        }
        if address is not None:
            v.update(address_type=names.get(address.address_type_id, ""), address1=address.line1,
                     address2=address.line2, area=address.area, district=address.district, city=address.city,
                     state=address.state, pin=address.pin)
        for key in ("designation", "website", "skype", "vat_number", "cst_number", "st_number", "tan_number",
                    "transporter_id", "currency", "facebook", "linkedin", "instagram", "youtube", "twitter",
                    "remarks"):
            v[key] = getattr(c, key)
        yield [v.get(BY_KEY_BY_HEADER[h], "") for h in HEADERS]


BY_KEY_BY_HEADER = {c.header: c.key for c in BY_KEY.values()}


def _nth(values: list[str], n: int) -> str:
    return values[n] if len(values) > n else ""


def _names(links: list, attr: str, names: dict) -> str:
    return ", ".join(names.get(getattr(link, attr), "") for link in links)


def _day(value) -> str:
    return value.isoformat() if value else ""


def _reference(c: Contact, visible: dict, employees: dict, names: dict) -> str:
    if c.reference_kind == "contact":
        return visible.get(c.reference_contact_id, "")
    if c.reference_kind == "employee":
        return employees.get(c.reference_employee_id, "")
    if c.reference_kind == "campaign":
        return names.get(c.reference_campaign_id, "")
    return ""
