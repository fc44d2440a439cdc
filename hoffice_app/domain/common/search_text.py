"""A lead's search text: its code and title and its contact's name and code, case-folded, so the
lead list finds a lead by any of them. It repeats the contact's name, so renaming a contact (on
its form or by an import) refreshes the text of its leads."""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.models import Contact, Lead

CHUNK = 500  # contact ids per IN (...)


def lead_search_text(code: str, title: str, contact_name: str, contact_code: str) -> str:
    return " ".join(p.casefold() for p in (code, title, contact_name, contact_code) if p)


def refresh_lead_search_text(session: Session, contact_ids) -> int:
    """Rewrites the search text of the leads of ``contact_ids`` that changed; returns how many."""
    ids, changed = sorted(set(contact_ids)), 0
    for lo in range(0, len(ids), CHUNK):
        rows = session.exec(select(Lead, Contact.name, Contact.code).join(Contact, Contact.id == Lead.contact_id)
                            .where(Lead.contact_id.in_(ids[lo:lo + CHUNK]))).all()
        for lead, name, contact_code in rows:
            text = lead_search_text(lead.code, lead.title, name, contact_code)
            if text != lead.search_text:
                lead.search_text = text
                session.add(lead)
                changed += 1
    session.flush()
    return changed
