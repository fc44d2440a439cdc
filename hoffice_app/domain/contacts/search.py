"""The contact list: search by name, alias, code, e-mail or mobile in any
format, filters, sorting and pages. Privacy applies to rows and counts alike."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, column, exists, text
from sqlmodel import Session, func, select

from hoffice_app.domain.common import Actor, Option, as_id
from hoffice_app.domain.contacts.access import visible_clause
from hoffice_app.domain.contacts.phones import display, query_as_phone_digits
from hoffice_app.domain.contacts.views import ContactPage, ContactRow
from hoffice_app.models import (
    Contact,
    ContactAddress,
    ContactCategory,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    Employee,
    MasterEntry,
)

SORTS = {"name": (Contact.name_key, Contact.id), "-name": (Contact.name_key.desc(), Contact.id.desc()),
         "code": (Contact.code,), "-code": (Contact.code.desc(),),
         "created": (Contact.created_at, Contact.id), "-created": (Contact.created_at.desc(), Contact.id.desc())}
MAX_PER_PAGE = 100


@dataclass
class ContactQuery:
    text: str = ""
    contact_type_id: str = ""
    category_id: str = ""
    industry_id: str = ""
    city: str = ""
    state: str = ""
    stage: str = ""  # prospect | customer
    key_account_manager_id: str = ""
    division_id: str = ""
    custom: str = ""  # filters on custom fields, as customfields.encode_filters wrote them
    sort: str = "name"
    page: int = 1
    per_page: int = 25


def _like_terms(text: str) -> list[str]:
    """Phone-like text is one digits term; otherwise each word must appear."""
    digits = query_as_phone_digits(text)
    if digits:
        return [digits]
    return [w.casefold() for w in text.split() if w]


def _escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def trigram_query(term: str) -> str:
    """An FTS5 query for the contacts holding every trigram of ``term`` (3+ characters), each
    quoted as a one-token phrase: the index keeps no positions (migration 0028), so the
    trigrams' order is confirmed against the text by the caller."""
    grams = sorted({term[i:i + 3] for i in range(len(term) - 2)})
    return " ".join('"' + g.replace('"', '""') + '"' for g in grams)


def _text_condition(session: Session, term: str, n: int | str):
    """On SQLite a trigram full-text index narrows terms of 3+ characters to the contacts
    holding all their trigrams, and LIKE confirms the term among those few; shorter terms,
    and other databases, use LIKE alone. ``n`` names the bound parameter, unique within
    one statement."""
    like = Contact.search_text.like(f"%{_escape(term)}%", escape="\\")
    if len(term) >= 3 and session.get_bind().dialect.name == "sqlite":
        match = text(f"SELECT rowid FROM contact_fts WHERE contact_fts MATCH :fts{n}").bindparams(
            **{f"fts{n}": trigram_query(term)}).columns(column("rowid"))
        return and_(Contact.id.in_(match), like)
    return like


def conditions(session: Session, actor: Actor, q: ContactQuery) -> list:
    cond = [visible_clause(session, actor)]
    for n, term in enumerate(_like_terms(q.text)[:6]):
        cond.append(_text_condition(session, term, n))
    if (i := as_id(q.contact_type_id)):
        cond.append(Contact.contact_type_id == i)
    if (i := as_id(q.industry_id)):
        cond.append(Contact.industry_id == i)
    if (i := as_id(q.key_account_manager_id)):
        cond.append(Contact.key_account_manager_id == i)
    if q.stage in ("prospect", "customer"):
        cond.append(Contact.is_customer == (q.stage == "customer"))
    if (i := as_id(q.category_id)):
        cond.append(exists().where(and_(ContactCategory.contact_id == Contact.id, ContactCategory.category_id == i)))
    if (i := as_id(q.division_id)):
        cond.append(exists().where(and_(ContactDivision.contact_id == Contact.id, ContactDivision.division_id == i)))
    if q.city:
        cond.append(Contact.id.in_(select(ContactAddress.contact_id).where(
            func.lower(ContactAddress.city) == q.city.strip().lower())))
    if q.state:
        cond.append(Contact.id.in_(select(ContactAddress.contact_id).where(
            ContactAddress.state == q.state.strip().upper())))
    if q.custom:
        from hoffice_app.domain import customfields as cf  # custom fields build on contacts

        cond += cf.filter_conditions(session, actor, "contact", q.custom, target=Contact.id)
    return cond


def matching_select(session: Session, actor: Actor, term: str, *, key: str = "match"):
    """SELECT of the ids of the contacts ``actor`` may see whose search text (code, name,
    aliases, e-mails, phone digits) holds ``term`` (case-folded; phone-like text as its digits),
    for a search elsewhere that finds records by their contact, such as the lead list by a
    contact's mobile or e-mail. A private contact not shared with ``actor`` is never among
    them, so such a search cannot confirm its number. ``key`` names the bound parameter."""
    term = query_as_phone_digits(term) or term.strip().casefold()
    return select(Contact.id).where(_text_condition(session, term, key), visible_clause(session, actor))


def search_contacts(session: Session, actor: Actor, q: ContactQuery) -> ContactPage:
    cond = conditions(session, actor, q)
    per_page = max(1, min(int(q.per_page or 25), MAX_PER_PAGE))
    total = session.exec(select(func.count()).select_from(Contact).where(*cond)).one()
    pages = max(1, -(-total // per_page))
    page = max(1, min(int(q.page or 1), pages))
    order = SORTS.get(q.sort, SORTS["name"])
    contacts = session.exec(_page_query(session, cond, order, (page - 1) * per_page, per_page)).all()
    return ContactPage(rows=_rows(session, contacts), total=total, page=page, pages=pages, per_page=per_page)


def _page_query(session: Session, cond: list, order: tuple, offset: int, limit: int):
    """One page of contacts. On PostgreSQL the page's ids are found first, then their rows:
    walking ix_contact_name_order with the whole row read every skipped entry from the table
    (page 2,000 of 100,000: 50,000 row reads, ~85 ms), where the ids alone come from the
    index (name_key, id, is_private) without touching the table (~15 ms). SQLite walks the
    same index cheaply either way and keeps its plan."""
    if session.get_bind().dialect.name == "sqlite":
        return select(Contact).where(*cond).order_by(*order).offset(offset).limit(limit)
    ids = select(Contact.id).where(*cond).order_by(*order).offset(offset).limit(limit)
    return select(Contact).where(Contact.id.in_(ids)).order_by(*order)


def _rows(session: Session, contacts: list[Contact]) -> list[ContactRow]:
    """Fill a page of rows with a handful of batched queries (never one per row)."""
    ids = [c.id for c in contacts]
    if not ids:
        return []
    master_ids = {c.title_id for c in contacts} | {c.contact_type_id for c in contacts}
    names = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(MasterEntry.id.in_(master_ids))).all())
    emails = dict(session.exec(select(ContactEmail.contact_id, ContactEmail.email)
                               .where(ContactEmail.contact_id.in_(ids), ContactEmail.is_primary == True)).all())  # noqa
    mobiles = dict(session.exec(select(ContactPhone.contact_id, ContactPhone.number).where(
        ContactPhone.contact_id.in_(ids), ContactPhone.kind == "mobile", ContactPhone.is_primary == True)).all())  # noqa
    cities = dict(session.exec(select(ContactAddress.contact_id, ContactAddress.city).where(
        ContactAddress.contact_id.in_(ids), ContactAddress.is_default == True)).all())  # noqa
    kams = dict(session.exec(select(Employee.id, Employee.name).where(
        Employee.id.in_({c.key_account_manager_id for c in contacts if c.key_account_manager_id}))).all())
    return [ContactRow(id=c.id, code=c.code, name=c.name, title=names.get(c.title_id, ""),
                       contact_type=names.get(c.contact_type_id, ""),
                       stage="Customer" if c.is_customer else "Prospect", email=emails.get(c.id, ""),
                       mobile=display(mobiles[c.id]) if c.id in mobiles else "", city=cities.get(c.id, ""),
                       key_account_manager=kams.get(c.key_account_manager_id, ""), is_private=c.is_private)
            for c in contacts]


def pick_contacts(session: Session, actor: Actor, text: str, *, limit: int = 10, kind_id: int | None = None,
                  exclude_id: int | None = None) -> list[Option]:
    """For drop-downs that find a contact by name, alias, code or phone."""
    q = ContactQuery(text=text, per_page=limit, contact_type_id=str(kind_id or ""))
    stmt = select(Contact.code, Contact.name).where(*conditions(session, actor, q))
    if exclude_id:
        stmt = stmt.where(Contact.id != exclude_id)
    rows = session.exec(stmt.order_by(Contact.name_key).limit(limit)).all()
    return [Option(value=code, label=f"{name} · {code}") for code, name in rows]


def labels_by_code(session: Session, actor: Actor, codes) -> dict[str, str]:
    """Code → "Name · C000123" of the contacts among ``codes`` the actor may see (a filter's
    chip names its contact; one the actor may not see stays a bare code)."""
    codes = {c.strip().upper() for c in codes if c and c.strip()}
    if not codes:
        return {}
    rows = session.exec(select(Contact.code, Contact.name).where(Contact.code.in_(codes),
                                                                  visible_clause(session, actor)))
    return {code: f"{name} · {code}" for code, name in rows}


def address_choices(session: Session, actor: Actor, column: str, *, limit: int = 300) -> list[str]:
    """Distinct cities or states of contacts the actor can see, for the filters."""
    col = ContactAddress.city if column == "city" else ContactAddress.state
    stmt = (select(col).join(Contact, Contact.id == ContactAddress.contact_id)
            .where(visible_clause(session, actor), col != "").group_by(col).order_by(col).limit(limit))
    return list(session.exec(stmt).all())
