"""A lead's search text: its code and title and its contact's name and code, case-folded, so the
lead list finds a lead by any of them. It repeats the contact's name, so renaming a contact (on
its form or by an import) refreshes the text of its leads.

A lead's or contact's text-type custom field values follow its own words, after CUSTOM_MARK:
customfields.refresh_search_words rewrites that tail when the values change, and whoever
rebuilds the words before it (a save, a contact's rename) carries the tail over with
``keep_custom_words``, so neither side has to read the other's data."""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.models import Contact, Lead

CHUNK = 500  # contact ids per IN (...)
CUSTOM_MARK = " \x1e "  # a character no one types: where the custom field words start


def keep_custom_words(text: str, old: str | None) -> str:
    """``text`` (freshly built words of the record itself) followed by the custom field words
    the record's ``old`` search text carried."""
    if old and CUSTOM_MARK in old:
        return text + CUSTOM_MARK + old.split(CUSTOM_MARK, 1)[1]
    return text


def with_custom_words(old: str | None, words: str) -> str:
    """The record's search text ``old`` with its custom field words replaced by ``words``."""
    base = (old or "").split(CUSTOM_MARK, 1)[0]
    return base + CUSTOM_MARK + words if words else base


def lead_search_text(code: str, title: str, contact_name: str, contact_code: str) -> str:
    return " ".join(p.casefold() for p in (code, title, contact_name, contact_code) if p)


def refresh_lead_search_text(session: Session, contact_ids) -> int:
    """Rewrites the search text of the leads of ``contact_ids`` that changed; returns how many."""
    ids, changed = sorted(set(contact_ids)), 0
    for lo in range(0, len(ids), CHUNK):
        rows = session.exec(select(Lead, Contact.name, Contact.code).join(Contact, Contact.id == Lead.contact_id)
                            .where(Lead.contact_id.in_(ids[lo:lo + CHUNK]))).all()
        for lead, name, contact_code in rows:
            text = keep_custom_words(lead_search_text(lead.code, lead.title, name, contact_code), lead.search_text)
            if text != lead.search_text:
                lead.search_text = text
                session.add(lead)
                changed += 1
    session.flush()
    return changed
