"""Exporting the contact list as a template-shaped .xlsx.

Same columns as the template (the standard ones, then every active custom
contact field under its label), Contact Code filled, the contact list's filters applied and
its privacy rule too: private contacts the actor may not see are not
exported, nor are links (Relation To, Reference) to them. Values are written
so that the file imports back unchanged: phones in E.164, dates as date cells
(YYYY-MM-DD), Annual Revenue as a number cell (1,234.50), coded values by name; custom
fields as the form takes them back (options in their own spelling, a multi-select's joined
with ", ", numbers, amounts, dates and times as typed cells, employees and contacts by code — a contact the
exporter may not see is left blank, never named). Re-importing the file with the skip
policy updates every row by its code and creates nothing.

Contacts are read 2,000 at a time with a few IN queries per batch and
streamed into the sheet, so memory stays flat however many are exported.

A second sheet, "Filters", says which filters the export applied (or that it holds every
contact the employee may see), how many contacts it holds, who exported them and when:
a filtered file must never pass for the whole list. The import reads the first sheet
only, so the file still imports back unchanged.
"""
from __future__ import annotations

import pickle
from collections import defaultdict
from contextlib import nullcontext
from datetime import datetime

from sqlalchemy import bindparam
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, require_actor
from hoffice_app.domain.contacts import SORTS, ContactQuery, conditions, describe_filters, visible_clause, vocab
from hoffice_app.importer.check.context import country_display
from hoffice_app.importer.check.lookups import children_of
from hoffice_app.importer.read.columns import BY_KEY, COLUMNS, HEADERS, MANDATORY
from hoffice_app.importer.sheets.export_custom import custom_cells, custom_headers
from hoffice_app.importer.sheets.xlsx_writer import Amount, SheetWriter
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.importer.speed.gc_pause import gc_paused
from hoffice_app.models import (
    Contact,
    ContactAddress,
    ContactAlias,
    ContactAssociation,
    ContactCategory,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    ContactPrivacy,
    Employee,
    MasterEntry,
)

BATCH = 2000


def export_contacts(session: Session, actor: Actor, filters: ContactQuery | None, out_path, *, now: datetime) -> int:
    """Write the contacts the list would show (all pages) to ``out_path``; returns how many."""
    require_actor(actor)
    q = filters or ContactQuery()
    ids = list(session.exec(select(Contact.id).where(*conditions(session, actor, q))
                            .order_by(*SORTS.get(q.sort, SORTS["name"]))))
    names = dict(session.exec(select(MasterEntry.id, MasterEntry.name)).all())
    class_codes = dict(session.exec(select(MasterEntry.id, MasterEntry.code).where(MasterEntry.kind == "class")).all())
    employees = dict(session.exec(select(Employee.id, Employee.code)).all())
    mandatory = {HEADERS.index(BY_KEY[k].header) for k in MANDATORY}
    batches = [ids[start:start + BATCH] for start in range(0, len(ids), BATCH)]
    url = session.get_bind().url
    big = len(ids) >= parallel.MIN_ROWS and parallel.shareable(url)
    # Many contacts: worker processes read and format batches (speed/workers.py), this one zips them.
    # Only committed contacts are seen by them, as by anyone else: the export writes nothing.
    job = pickle.dumps((url.render_as_string(hide_password=False), actor, names, class_codes, employees))
    requests = (("export_rows", job, batch, first) for batch, first in zip(batches, range(2, len(ids) + 2, BATCH)))
    with SheetWriter(out_path, "Contacts") as sheet, gc_paused(), \
            parallel.in_order(requests) if big else nullcontext() as formatted:
        extra = custom_headers(session)
        mandatory |= {len(HEADERS) + i for i, (_label, required) in enumerate(extra) if required}
        sheet.header([*HEADERS, *(label for label, _required in extra)], mandatory)
        sheet.note_sheet("Filters", filters_sheet(session, actor, q, len(ids), now))
        if formatted is not None:
            for xml, batch in zip(formatted, batches):
                sheet.rows_xml(xml, len(batch))
        else:
            for batch in batches:
                for values in rows_of(session, actor, batch, names, class_codes, employees):
                    sheet.row(values)
    return len(ids)


def filters_sheet(session: Session, actor: Actor, q: ContactQuery, count: int, now: datetime) -> list[list[str]]:
    """The rows of the "Filters" sheet."""
    applied = [[name, value] for name, value in describe_filters(session, actor, q)]
    return [["Filter", "Value"], *(applied or [["(none)", "Every contact you may see"]]), [],
            ["Contacts exported", str(count)], ["Exported by", f"{actor.name} ({actor.code})"],
            ["Exported at (UTC)", f"{now:%Y-%m-%d %H:%M}"]]


def rows_of(session: Session, actor: Actor, ids: list[int], names: dict, class_codes: dict, employees: dict):
    """The sheet rows (cell texts in template order) of the contacts ``ids``, in that order."""
    t = Contact.__table__
    wanted = [t.c[name] for name in CONTACT_COLUMNS]
    contacts = {c.id: c for c in session.execute(select(*wanted).where(t.c.id.in_(bindparam("ids", expanding=True))),
                                                 {"ids": ids}).all()}
    E, P, A = ContactEmail.__table__.c, ContactPhone.__table__.c, ContactAddress.__table__.c
    emails = children_of(session, [E.email], ids, E.is_primary.desc(), E.id)
    phones = children_of(session, [P.kind, P.number], ids, P.is_primary.desc(), P.id)
    addresses = children_of(session, [A.address_type_id, A.line1, A.line2, A.area, A.district, A.city, A.state, A.pin],
                          ids, A.is_default.desc(), A.id)
    aliases = children_of(session, [ContactAlias.__table__.c.alias], ids, ContactAlias.__table__.c.id)
    categories = children_of(session, [ContactCategory.__table__.c.category_id], ids)
    divisions = children_of(session, [ContactDivision.__table__.c.division_id], ids)
    privacy = children_of(session, [ContactPrivacy.__table__.c.employee_id], ids)
    L = ContactAssociation.__table__.c
    links = children_of(session, [L.related_contact_id, L.relation_id], ids, L.id)
    linked = {related for ls in links.values() for related, _r in ls}
    linked |= {c.reference_contact_id for c in contacts.values() if c.reference_contact_id}
    visible = dict(session.exec(select(Contact.id, Contact.code).where(Contact.id.in_(linked),
                                                                       visible_clause(session, actor))).all()) \
        if linked else {}
    countries = country_display()
    width, extra = custom_cells(session, actor, ids, employees)
    blank = [""] * width
    for cid in ids:
        c = contacts[cid]
        by_kind = defaultdict(list)
        for kind, number in phones.get(cid, []):
            by_kind[kind].append(number)
        address = (addresses.get(cid) or [None])[0]
        link = next((pair for pair in links.get(cid, []) if pair[0] in visible), None)
        v = {
            "contact_code": c.code, "division": _names(divisions.get(cid, []), names),
            "title": names.get(c.title_id, ""), "name": c.name,
            "aliases": ", ".join(a for (a,) in aliases.get(cid, [])),
            "contact_type": names.get(c.contact_type_id, ""), "price_list": names.get(c.price_list_id, ""),
            "email": emails[cid][0][0] if emails.get(cid) else "",
            "mobile": _nth(by_kind["mobile"], 0), "mobile1": _nth(by_kind["mobile"], 1),
            "office_phone": _nth(by_kind["office"], 0), "office_phone1": _nth(by_kind["office"], 1),
            "other_number": _nth(by_kind["other"], 0),
            "country": countries.get(c.country, c.country), "industry": names.get(c.industry_id, ""),
            "reference": _reference(c, visible, employees, names),
            "annual_revenue": "" if c.annual_revenue is None else Amount(c.annual_revenue),
            "privacy": ", ".join(employees.get(e, "") for (e,) in privacy.get(cid, [])) if c.is_private else "",
            "category": _names(categories.get(cid, []), names),
            "relation": names.get(link[1], "") if link else "",
            "relation_to": visible.get(link[0], "") if link else "",
            "gstin": c.gstin, "aadhaar": c.aadhaar, "pan": c.pan,
            "date_of_birth": _day(c.date_of_birth), "anniversary": _day(c.anniversary),
            "date_of_death": _day(c.date_of_death),
            "class_name": names.get(c.class_id, ""), "class_code": class_codes.get(c.class_id) or "",
            "gst_registration_type": c.gst_registration_type,
            "gst_member_type": vocab.code_of(vocab.SEZ_TYPES, c.sez_type),
            "gender": vocab.label_of(vocab.GENDERS, c.gender),
            "business_contact_type": vocab.label_of(vocab.BUSINESS_TYPES, c.business_contact_type),
        }
        if address is not None:
            type_id, *parts = address
            v.update(zip(("address1", "address2", "area", "district", "city", "state", "pin"), parts),
                     address_type=names.get(type_id, ""))
        for key in TEXT_COLUMNS:
            v[key] = getattr(c, key)
        yield [*(v.get(key, "") for key in KEYS), *extra.get(cid, blank)]


CONTACT_COLUMNS = ("id", "code", "title_id", "name", "contact_type_id", "price_list_id", "country", "industry_id",
                   "reference_kind", "reference_contact_id", "reference_employee_id", "reference_campaign_id",
                   "annual_revenue", "is_private", "gstin", "aadhaar", "pan", "date_of_birth", "anniversary",
                   "date_of_death", "class_id", "gst_registration_type", "sez_type", "gender", "business_contact_type",
                   "designation", "website", "skype", "vat_number", "cst_number", "st_number", "tan_number",
                   "transporter_id", "currency", "facebook", "linkedin", "instagram", "youtube", "twitter", "remarks")
TEXT_COLUMNS = ("designation", "website", "skype", "vat_number", "cst_number", "st_number", "tan_number",
                "transporter_id", "currency", "facebook", "linkedin", "instagram", "youtube", "twitter", "remarks")
KEYS = [c.key for c in COLUMNS]


def _nth(values: list[str], n: int) -> str:
    return values[n] if len(values) > n else ""


def _names(links: list, names: dict) -> str:
    return ", ".join(names.get(i, "") for (i,) in links)


def _day(value):
    return value or ""


def _reference(c: Contact, visible: dict, employees: dict, names: dict) -> str:
    if c.reference_kind == "contact":
        return visible.get(c.reference_contact_id, "")
    if c.reference_kind == "employee":
        return employees.get(c.reference_employee_id, "")
    if c.reference_kind == "campaign":
        return names.get(c.reference_campaign_id, "")
    return ""
