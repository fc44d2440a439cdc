"""Reading one contact: the detail view and the values that fill the edit form."""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor
from hoffice_app.domain.contacts import vocab
from hoffice_app.domain.contacts.access import get_visible
from hoffice_app.domain.contacts.associations import list_associations
from hoffice_app.domain.contacts.phones import display
from hoffice_app.domain.contacts.views import AddressView, ContactDetail, PhoneView
from hoffice_app.models import (
    Contact,
    ContactAddress,
    ContactAlias,
    ContactCategory,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    ContactPrivacy,
    Employee,
    MasterEntry,
)

SCALAR_FORM_FIELDS = (
    "name", "designation", "country", "reference_kind", "gender", "website", "skype", "linkedin", "instagram",
    "facebook", "youtube", "twitter", "pan", "aadhaar", "gst_registration_type", "gstin", "sez_type", "cin",
    "transporter_id", "tds_section", "vat_number", "cst_number", "st_number", "tan_number", "sales_group",
    "default_invoice_type", "business_contact_type", "time_zone", "currency", "notification_channel", "remarks")
ID_FORM_FIELDS = ("title_id", "contact_type_id", "industry_id", "segment_id", "price_list_id", "class_id",
                  "key_account_manager_id")
NUMBER_FORM_FIELDS = ("credit_limit_amount", "credit_limit_days", "default_discount_pct", "annual_revenue")
DATE_FORM_FIELDS = ("date_of_birth", "anniversary", "date_of_death")
FLAG_FORM_FIELDS = ("is_customer", "tds_applicable", "lock_for_sales", "client_login", "is_private")
LIST_FORM_FIELDS = ("emails", "mobiles", "office_phones", "other_phones", "addresses", "aliases", "category_ids",
                    "division_ids", "privacy_employee_ids")
_SPECIAL_LABELS = {"pan": "PAN", "gstin": "GSTIN", "cin": "CIN", "tan_number": "TAN", "vat_number": "VAT number",
                   "cst_number": "CST number", "st_number": "ST number", "tds_section": "TDS section",
                   "tds_applicable": "TDS", "is_customer": "stage", "is_private": "private",
                   "privacy_employee_ids": "who may see it", "reference_id": "reference",
                   "credit_limit_amount": "credit limit", "default_discount_pct": "default discount"}
# What a refused or merged save calls each field (domain/common/versions.py).
FORM_LABELS = {k: _SPECIAL_LABELS.get(k, k.removesuffix("_ids").removesuffix("_id").replace("_", " "))
               for k in (*SCALAR_FORM_FIELDS, *ID_FORM_FIELDS, *NUMBER_FORM_FIELDS, *DATE_FORM_FIELDS,
                         *FLAG_FORM_FIELDS, *LIST_FORM_FIELDS, "reference_id")}


def _children(session: Session, model, contact_id: int) -> list:
    return list(session.exec(select(model).where(model.contact_id == contact_id)))


def form_values(session: Session, actor: Actor, code: str) -> dict:
    """The contact in the shape ``save_contact`` accepts (everything as text)."""
    c = get_visible(session, actor, code=code)
    data: dict = {k: getattr(c, k) or "" for k in SCALAR_FORM_FIELDS}
    data |= {k: str(getattr(c, k) or "") for k in ID_FORM_FIELDS + NUMBER_FORM_FIELDS}
    data |= {k: getattr(c, k).isoformat() if getattr(c, k) else "" for k in DATE_FORM_FIELDS}
    data |= {k: bool(getattr(c, k)) for k in FLAG_FORM_FIELDS}
    data["reference_id"] = str(c.reference_contact_id or c.reference_employee_id or c.reference_campaign_id or "")
    phones = sorted(_children(session, ContactPhone, c.id), key=lambda p: not p.is_primary)
    data["emails"] = [e.email for e in sorted(_children(session, ContactEmail, c.id), key=lambda e: not e.is_primary)]
    for key, kind in (("mobiles", "mobile"), ("office_phones", "office"), ("other_phones", "other")):
        data[key] = [display(p.number) for p in phones if p.kind == kind]
    data["addresses"] = [{"address_type_id": str(a.address_type_id or ""), "line1": a.line1, "line2": a.line2,
                          "area": a.area, "district": a.district, "city": a.city, "state": a.state,
                          "country": a.country, "pin": a.pin, "is_default": a.is_default}
                         for a in _children(session, ContactAddress, c.id)]
    data["aliases"] = [a.alias for a in _children(session, ContactAlias, c.id)]
    data["category_ids"] = [str(x.category_id) for x in _children(session, ContactCategory, c.id)]
    data["division_ids"] = [str(x.division_id) for x in _children(session, ContactDivision, c.id)]
    data["privacy_employee_ids"] = [str(x.employee_id) for x in _children(session, ContactPrivacy, c.id)]
    from hoffice_app.domain import customfields as cf  # custom fields read contacts: imported when used

    data |= cf.form_data(session, actor, "contact", c.id)  # read and merged like the built-in fields
    data["version"] = c.version  # what the form's save sends back (domain/common/versions.py)
    return data


def contact_detail(session: Session, actor: Actor, code: str) -> ContactDetail:
    c = get_visible(session, actor, code=code)
    names = _names(session, c)
    values = {
        "Title": names.get(c.title_id, ""), "Type of contact": names.get(c.contact_type_id, ""),
        "Stage": "Customer" if c.is_customer else "Prospect", "Designation": c.designation,
        "Country": _country_name(c.country), "Reference": _reference_text(session, actor, c, names),
        "Industry": names.get(c.industry_id, ""), "Segment": names.get(c.segment_id, ""),
        "Date of birth": _d(c.date_of_birth), "Anniversary": _d(c.anniversary),
        "Gender": vocab.label_of(vocab.GENDERS, c.gender), "Date of death": _d(c.date_of_death),
        "Website": c.website, "Skype": c.skype, "LinkedIn": c.linkedin, "Instagram": c.instagram,
        "Facebook": c.facebook, "YouTube": c.youtube, "Twitter": c.twitter,
        "PAN": c.pan, "Aadhaar": c.aadhaar, "GST registration type": c.gst_registration_type, "GSTIN / ARN": c.gstin,
        "SEZ type": c.sez_type, "CIN": c.cin, "Transporter ID": c.transporter_id,
        "TDS": f"Applicable ({c.tds_section})" if c.tds_applicable else "Not applicable",
        "VAT number": c.vat_number, "CST number": c.cst_number, "ST number": c.st_number, "TAN": c.tan_number,
        "Credit limit": _n(c.credit_limit_amount), "Credit days": str(c.credit_limit_days or ""),
        "Default discount %": _n(c.default_discount_pct), "Price list": names.get(c.price_list_id, ""),
        "Sales / purchase group": c.sales_group, "Class": names.get(c.class_id, ""),
        "Default invoice type": c.default_invoice_type, "Locked for sales": "Yes" if c.lock_for_sales else "No",
        "Annual revenue": _n(c.annual_revenue),
        "Business contact type": vocab.label_of(vocab.BUSINESS_TYPES, c.business_contact_type),
        "Time zone": c.time_zone, "Currency": c.currency,
        "Notifications": vocab.label_of(vocab.CHANNELS, c.notification_channel),
        "Client login": "On" if c.client_login else "Off",
        "Key account manager": _employee_name(session, c.key_account_manager_id),
        "Remarks": c.remarks, "Created by": _employee_name(session, c.created_by_id),
    }
    phones = sorted(_children(session, ContactPhone, c.id), key=lambda p: (p.kind, not p.is_primary))
    addresses = _children(session, ContactAddress, c.id)
    privacy = _children(session, ContactPrivacy, c.id)
    return ContactDetail(
        id=c.id, code=c.code, display_name=f"{names.get(c.title_id, '')} {c.name}".strip(), values=values,
        emails=[e.email for e in sorted(_children(session, ContactEmail, c.id), key=lambda e: not e.is_primary)],
        phones=[PhoneView(kind=p.kind, number=p.number, display=display(p.number), is_primary=p.is_primary)
                for p in phones],
        addresses=[AddressView(id=a.id, address_type=names.get(a.address_type_id, ""), text=_address_text(a),
                               city=a.city, state=a.state, is_default=a.is_default) for a in addresses],
        aliases=[a.alias for a in _children(session, ContactAlias, c.id)],
        categories=sorted(names.get(x.category_id, "") for x in _children(session, ContactCategory, c.id)),
        divisions=sorted(names.get(x.division_id, "") for x in _children(session, ContactDivision, c.id)),
        associations=list_associations(session, actor, c.id),
        shared_with=sorted(_employee_name(session, p.employee_id) for p in privacy),
        is_private=c.is_private, is_customer=c.is_customer,
    )


def _names(session: Session, c: Contact) -> dict[int, str]:
    ids = {c.title_id, c.contact_type_id, c.industry_id, c.segment_id, c.price_list_id, c.class_id,
           c.reference_campaign_id}
    ids |= {x.category_id for x in _children(session, ContactCategory, c.id)}
    ids |= {x.division_id for x in _children(session, ContactDivision, c.id)}
    ids |= {a.address_type_id for a in _children(session, ContactAddress, c.id)}
    ids.discard(None)
    rows = session.exec(select(MasterEntry.id, MasterEntry.name).where(MasterEntry.id.in_(ids))).all()
    names = {i: n for i, n in rows}
    if c.class_id in names:
        entry = session.get(MasterEntry, c.class_id)
        names[c.class_id] = f"{entry.name} ({entry.code})"
    return names


def _reference_text(session: Session, actor: Actor, c: Contact, names: dict[int, str]) -> str:
    if c.reference_kind == "employee":
        return f"Employee: {_employee_name(session, c.reference_employee_id)}"
    if c.reference_kind == "campaign":
        return f"Campaign: {names.get(c.reference_campaign_id, '')}"
    if c.reference_kind == "contact" and c.reference_contact_id:
        from hoffice_app.domain.contacts.access import can_see

        if can_see(session, actor, c.reference_contact_id):
            other = session.get(Contact, c.reference_contact_id)
            return f"Contact: {other.name} ({other.code})"
        return "Contact: (private)"
    return ""


def _employee_name(session: Session, employee_id: int | None) -> str:
    employee = session.get(Employee, employee_id) if employee_id else None
    return f"{employee.name} ({employee.code})" if employee else ""


def _address_text(a: ContactAddress) -> str:
    parts = [a.line1, a.line2, a.area, a.district if a.district != a.city else "", a.city,
             f"{a.state} {a.pin}".strip(), _country_name(a.country)]
    return ", ".join(p for p in parts if p)


def _country_name(alpha_2: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha_2) if alpha_2 else None
    return getattr(found, "common_name", None) or (found.name if found else alpha_2)


def _d(value) -> str:
    return value.isoformat() if value else ""


def _n(value) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value is not None else ""


def reference_label(session: Session, actor: Actor, kind: str, reference_id: str) -> str:
    """Text of a contact reference for the form ("Ronny Shah · C000002")."""
    from hoffice_app.domain.common import as_id
    from hoffice_app.domain.contacts.access import can_see

    ref = as_id(reference_id)
    if kind != "contact" or not ref or not can_see(session, actor, ref):
        return ""
    other = session.get(Contact, ref)
    return f"{other.name} · {other.code}"
