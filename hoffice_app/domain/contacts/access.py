"""Who may see a contact, the one rule every contact read goes through (lists, search,
drop-downs, counts, exports, URLs, duplicate warnings, a lead's contacts).

Two limits, both must let a contact through (administrators see everything):
- **privacy**: a private contact is seen only by the employees it is shared with;
- **divisions** (the company setting ``divisions_limit_access``, on by default): a
  contact mapped to one or more divisions is seen only by employees of at least one of
  them; a contact with no division is seen by everyone. With the setting off the
  divisions limit nothing.

Both are SQL conditions (correlated EXISTS on the primary keys of contact_privacy and
contact_division), never Python filtering, so a list of 100,000 contacts stays one
indexed query; a condition that cannot exclude anything (an administrator, the setting
off) is not added at all."""
from __future__ import annotations

from sqlalchemy import and_, exists, or_, true
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, require_actor
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Contact, ContactDivision, ContactPrivacy, EmployeeDivision

NOT_FOUND = "No such contact, or it is private and not shared with you."
SETTING = "divisions_limit_access"


def divisions_limit(session: Session) -> bool:
    """Whether the divisions of a contact limit who sees it (the company setting)."""
    return app_settings.get(session, SETTING) != "0"


def _own_divisions(session: Session, actor: Actor) -> list[int]:
    """The actor's divisions, read when a query is built (so a change of someone's
    divisions applies to their next read) and bound into it as values: SQLite then seeks
    (contact id, division id) directly instead of reading a list subquery per contact."""
    return list(session.exec(select(EmployeeDivision.division_id).where(EmployeeDivision.employee_id == actor.id)))


def _division_clause(session: Session, actor: Actor):
    """One of the actor's divisions, or no division at all. Both EXISTS seek
    contact_division's primary key (contact_id, division_id); the actor's divisions come
    first, so a contact of their division costs one seek (at 100,000 contacts a full
    count costs ~70 ms of CPU this way, ~105 ms the other way round)."""
    mapped = ContactDivision.contact_id == Contact.id
    mine = _own_divisions(session, actor)
    if not mine:
        return ~exists().where(mapped)
    return or_(exists().where(mapped, ContactDivision.division_id.in_(mine)), ~exists().where(mapped))


def visible_clause(session: Session, actor: Actor):
    """A WHERE clause on Contact limiting rows to what ``actor`` may see."""
    require_actor(actor)
    if actor.is_admin:
        return true()
    # A correlated EXISTS, not "id IN (…)": with IN, SQLite chose a plan that
    # read and sorted nearly the whole table (benchmarks/contacts_search.py).
    shared = exists().where(ContactPrivacy.contact_id == Contact.id, ContactPrivacy.employee_id == actor.id)
    privacy = or_(Contact.is_private == False, shared)  # noqa: E712
    if not divisions_limit(session):
        return privacy
    return and_(privacy, _division_clause(session, actor))


def hides_from(session: Session, actor: Actor, division_ids) -> bool:
    """Whether a contact mapped to ``division_ids`` would be out of ``actor``'s sight by
    its divisions: a form refuses to save it (its maker would lose it on saving, as
    whoever makes a contact private stays on its list)."""
    if actor.is_admin or not division_ids or not divisions_limit(session):
        return False
    return not set(_own_divisions(session, actor)).intersection(division_ids)


def get_visible(session: Session, actor: Actor, *, contact_id: int | None = None, code: str | None = None) -> Contact:
    """The contact, or NotFound with the same message whether it is missing, private
    or outside the actor's divisions: a refusal must not reveal that a contact exists."""
    stmt = select(Contact).where(visible_clause(session, actor))
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
    stmt = select(Contact.id).where(Contact.id == contact_id, visible_clause(session, actor))
    return session.exec(stmt).first() is not None


def hidden_select(session: Session, actor: Actor):
    """SELECT of the ids of every contact ``actor`` may not see (None for an
    administrator), for a test such as ``Lead.contact_id.not_in(...)`` over many
    rows: SQLite builds the set once per query from a scan of
    ix_contact_name_order (~0.4 ms at 5,000 contacts), where a correlated test
    looks up each row's contact (a lead search matching a common word at
    100,000 leads: +12 ms CPU this way, +45 ms correlated). The divisions add the
    contacts mapped to divisions none of which is the actor's, read from
    contact_division alone (no scan of contact)."""
    require_actor(actor)
    if actor.is_admin:
        return None
    shared = exists().where(ContactPrivacy.contact_id == Contact.id, ContactPrivacy.employee_id == actor.id)
    private = select(Contact.id).where(Contact.is_private == True, ~shared)  # noqa: E712
    if not divisions_limit(session):
        return private
    mine = select(ContactDivision.contact_id).where(ContactDivision.division_id.in_(_own_divisions(session, actor)))
    elsewhere = select(ContactDivision.contact_id).where(ContactDivision.contact_id.not_in(mine))
    return private.union(elsewhere)


def hidden_ids(session: Session, actor: Actor, contact_ids) -> set[int]:
    """Those of ``contact_ids`` the actor may not see, in one query: for records
    (a lead, a follow-up) that point at contacts and are shown to people the
    contact is not shared with."""
    ids = {i for i in contact_ids if i}
    if not ids or actor.is_admin:
        return set()
    return ids - set(session.exec(select(Contact.id).where(Contact.id.in_(ids), visible_clause(session, actor))))
