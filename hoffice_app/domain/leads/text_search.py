"""The lead list's text search: what a person types finds a lead by its own code and
title, by its contact's name and code, and by its contact's phone numbers and e-mails.

The lead's code and title and its contact's name and code are in ``lead.search_text``,
indexed (the trigram table lead_fts on SQLite, pg_trgm on PostgreSQL). Phones and
e-mails are not copied there: the contacts holding them are found first in the
contact's own indexed search text (contacts.matching_select, the very test the contact
list uses, so 9825044321, 098250-44321, +91 98250 44321 and 44321 all find
+91 98250 44321), and then their leads, through the index on ``lead.contact_id``. Why
not a copy in the lead's text:

- nothing goes stale: a number or e-mail changed on the contact's form, by an import or
  anywhere else is searched as it is now, with no lead to rewrite (a contact with 300
  leads would rewrite 300 rows on each phone edit) and no migration to backfill;
- lead_fts keeps its size (a copy would repeat a contact's numbers once per lead);
- privacy is the contact's own rule: matching_select returns only contacts the viewer
  may see, so a lead whose contact is hidden from them is never found by that contact's
  number or e-mail — as it is not by its name (privacy.text_visible_to) — and a search
  cannot confirm a private contact's number.

A number is found when the whole query reads as one (digits with spaces, dashes,
brackets or a "+", at least 4 digits: contacts.query_as_phone_digits); such a query
still finds what its words found before (digits in a lead's code or title). An e-mail
is found by a word with an "@" — whole, or a part such as "ramesh@" or "@acme.in";
that word is looked for in the contacts' search text only.

A word held by very many contacts ("@gmail.com") is answered differently on SQLite,
which plans without statistics: it reads each matching contact's leads through
ix_lead_contact_id, then counts and sorts them all (100,000 leads, an e-mail domain of
1,700 contacts and 34,000 leads: ~110 ms), where reading the leads in the list's own
order and testing each against the contacts (``+contact_id`` keeps the index out of
it) takes ~35 ms and pages in ~2 ms. Below BROAD contacts (about 5,000 leads at 20
leads a contact) the index is the faster way and is kept; PostgreSQL chooses by its
statistics.
"""
from __future__ import annotations

from sqlalchemy import and_, column, literal_column, or_, text
from sqlmodel import Session, func, select

from hoffice_app.domain.common import Actor
from hoffice_app.domain.contacts import matching_select, query_as_phone_digits
from hoffice_app.domain.leads.privacy import text_visible_to
from hoffice_app.models import Lead

MAX_TERMS = 6
MIN_MAIL = 4  # "@" alone, or "a@", would name nearly every contact
BROAD = 250  # contacts matching a word: more, and SQLite reads the leads in order (see above)


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _is_mail(term: str) -> bool:
    return "@" in term and len(term) >= MIN_MAIL


def _by_contact(session: Session, actor: Actor, term: str, key: str):
    contacts = matching_select(session, actor, term, key=key)
    if _sqlite(session):
        many = session.exec(select(func.count()).select_from(contacts.limit(BROAD + 1).subquery())).one()
        if many > BROAD:
            return literal_column(f"+{Lead.__tablename__}.contact_id").in_(contacts)
    return Lead.contact_id.in_(contacts)


def _word_conditions(session: Session, actor: Actor, terms: list[str]) -> list:
    """Each word must appear in the lead's code, title or contact name/code (the
    contact's only when the actor may see it: privacy.text_visible_to). On SQLite
    words of 3+ characters go through lead_fts (one MATCH for all of them); shorter
    words, and other databases, use LIKE."""
    long_terms = [t for t in terms if _sqlite(session) and len(t) >= 3]
    cond = [Lead.search_text.like(f"%{_escape(t)}%", escape="\\") for t in terms if t not in long_terms]
    if long_terms:
        phrase = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        match = text("SELECT rowid FROM lead_fts WHERE lead_fts MATCH :lead_fts").bindparams(
            lead_fts=phrase).columns(column("rowid"))
        cond.append(Lead.id.in_(match))
    return cond + text_visible_to(session, actor, terms, _escape)


def text_conditions(session: Session, actor: Actor, raw: str) -> list:
    """The WHERE terms (ANDed) for the typed text ``raw``; [] for blank text."""
    terms = list(dict.fromkeys(w.casefold() for w in raw.split()))[:MAX_TERMS]
    mails = [t for t in terms if _is_mail(t)]
    cond = _word_conditions(session, actor, [t for t in terms if t not in mails])
    cond += [_by_contact(session, actor, t, f"lead_mail{n}") for n, t in enumerate(mails)]
    digits = query_as_phone_digits(raw)
    if digits:
        return [or_(and_(*cond), _by_contact(session, actor, digits, "lead_phone"))]
    return cond
