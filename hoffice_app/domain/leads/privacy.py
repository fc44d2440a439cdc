"""A lead's contacts that its viewer may not see.

A lead is shared by its own rules (assignee, creator, team, followers), its
contact by the contact's: an executive can be given a lead whose contact is
private to others, or mapped to divisions the executive is not in (contacts.access).
The lead stays workable, but such a contact — the lead's contact, an associated
contact, the source of inquiry, an external follower — reads PRIVATE_CONTACT on
every lead surface (detail, form, list, board card, follow-up lists): no name,
code or details (mobile, e-mail, address, the "also send communication on" values), no link. The lead list's text search
does not match it either: its name and code are in the lead's search text, so
for such a lead only the lead's own code and title are searched; its phones and
e-mails are looked for only among the contacts the viewer may see (text_search.py).

The lead form holds PRIVATE_CODE in place of a hidden contact's code; saving
that keeps the contact and what hangs on it as they are (see rules.py), and
links to hidden contacts the form could not show are kept too, so editing a
lead never drops what its editor cannot see.

Who may see a contact is decided in contacts.access only; this module applies
it to contacts reached through a lead."""
from __future__ import annotations

from sqlalchemy import and_, func, or_
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor
from hoffice_app.domain.contacts import display, hidden_ids, hidden_select
from hoffice_app.models import Contact, ContactPhone, Lead

PRIVATE_CONTACT = "Private contact"
PRIVATE_CODE = "private"  # not a contact code (those read C000123)


def is_private_code(raw) -> bool:
    return str(raw or "").strip().lower() == PRIVATE_CODE


def text_visible_to(session: Session, actor: Actor, terms: list[str], escape) -> list:
    """The text search as ``actor`` may run it: a lead whose contact is hidden
    from them matches only when each term is in its code or title, not just in
    its contact's name or code. The own-text test is a LIKE on lower(), which
    SQLite folds for ASCII letters only: a word of the title with a capital
    non-ASCII letter ("École") does not find such a lead (it still finds every
    lead whose contact the actor may see, through the search text)."""
    hidden = hidden_select(session, actor)
    if hidden is None or not terms:
        return []
    own = [or_(func.lower(Lead.code).like(f"%{escape(t)}%", escape="\\"),
               func.lower(Lead.title).like(f"%{escape(t)}%", escape="\\")) for t in terms]
    return [or_(Lead.contact_id.not_in(hidden), and_(*own))]


def masked_names(session: Session, actor: Actor, contact_ids) -> dict[int, tuple[str, str]]:
    """Contact id → (name, code) as ``actor`` may read them: (PRIVATE_CONTACT, "") when hidden."""
    ids = {i for i in contact_ids if i}
    if not ids:
        return {}
    hidden = hidden_ids(session, actor, ids)
    rows = session.exec(select(Contact.id, Contact.name, Contact.code).where(Contact.id.in_(ids))).all()
    return {i: (PRIVATE_CONTACT, "") if i in hidden else (name, code) for i, name, code in rows}



def visible_mobiles(session: Session, names: dict[int, tuple[str, str]]) -> dict[int, str]:
    """Contact id → its primary mobile as shown ("+91 98250 12345"), for the contacts of
    ``names`` (from ``masked_names``) that their reader may see: a hidden one (no code) gets none.
    One query for the whole page."""
    ids = {i for i, (_name, code) in names.items() if code}
    if not ids:
        return {}
    rows = session.exec(select(ContactPhone.contact_id, ContactPhone.number).where(
        ContactPhone.contact_id.in_(ids), ContactPhone.kind == "mobile", ContactPhone.is_primary == True)).all()  # noqa: E712
    return {i: display(number) for i, number in rows}
