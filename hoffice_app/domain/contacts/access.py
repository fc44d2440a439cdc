"""Who may see a contact. Public contacts: everyone. Private ones: the listed
employees and administrators, nobody else, anywhere (lists, search, drop-downs,
counts, exports, URLs). Every contact read goes through here."""
from __future__ import annotations

from sqlalchemy import exists, or_, true
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, require_actor
from hoffice_app.models import Contact, ContactPrivacy

NOT_FOUND = "No such contact, or it is private and not shared with you."


def visible_clause(actor: Actor):
    """A WHERE clause on Contact limiting rows to what ``actor`` may see."""
    require_actor(actor)
    if actor.is_admin:
        return true()
    # A correlated EXISTS, not "id IN (…)": with IN, SQLite chose a plan that
    # read and sorted nearly the whole table (benchmarks/contacts_search.py).
    shared = exists().where(ContactPrivacy.contact_id == Contact.id, ContactPrivacy.employee_id == actor.id)
    return or_(Contact.is_private == False, shared)  # noqa: E712


def get_visible(session: Session, actor: Actor, *, contact_id: int | None = None, code: str | None = None) -> Contact:
    """The contact, or NotFound with the same message whether it is missing or
    private: a refusal must not reveal that a private contact exists."""
    stmt = select(Contact).where(visible_clause(actor))
    if contact_id is not None:
        stmt = stmt.where(Contact.id == contact_id)
    elif code:
        stmt = stmt.where(Contact.code == code.strip().upper())
    else:
        raise NotFound(NOT_FOUND)
    contact = session.exec(stmt).first()
    if contact is None:
        raise NotFound(NOT_FOUND)
    return contact


def can_see(session: Session, actor: Actor, contact_id: int) -> bool:
    stmt = select(Contact.id).where(Contact.id == contact_id, visible_clause(actor))
    return session.exec(stmt).first() is not None


def hidden_select(actor: Actor):
    """SELECT of the ids of every contact ``actor`` may not see (None for an
    administrator), for a test such as ``Lead.contact_id.not_in(...)`` over many
    rows: SQLite builds the set once per query from a scan of
    ix_contact_name_order (~0.4 ms at 5,000 contacts), where a correlated test
    looks up each row's contact (a lead search matching a common word at
    100,000 leads: +12 ms CPU this way, +45 ms correlated)."""
    require_actor(actor)
    if actor.is_admin:
        return None
    shared = exists().where(ContactPrivacy.contact_id == Contact.id, ContactPrivacy.employee_id == actor.id)
    return select(Contact.id).where(Contact.is_private == True, ~shared)  # noqa: E712


def hidden_ids(session: Session, actor: Actor, contact_ids) -> set[int]:
    """Those of ``contact_ids`` the actor may not see, in one query: for records
    (a lead, a follow-up) that point at contacts and are shown to people the
    contact is not shared with."""
    ids = {i for i in contact_ids if i}
    if not ids or actor.is_admin:
        return set()
    return ids - set(session.exec(select(Contact.id).where(Contact.id.in_(ids), visible_clause(actor))))
