"""A contact list's filters in words: what the list, and an export of it, holds.

An export carries the list's filters; when nobody can see which, a filtered file passes
for the whole list (an export of 1 contact instead of 306, because a search was still
applied). The page shows these words next to the Export button, and the exported
workbook lists them on its "Filters" sheet: both read them from here, so they agree.
"""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, as_id
from hoffice_app.domain.contacts.search import ContactQuery
from hoffice_app.models import Employee, MasterEntry

# (field of ContactQuery, its name on the page), in the page's order.
FILTERS = (("text", "Search"), ("contact_type_id", "Type"), ("stage", "Stage"), ("category_id", "Category"),
           ("industry_id", "Industry"), ("city", "City"), ("state", "State"),
           ("key_account_manager_id", "Key account manager"), ("division_id", "Division"),
           ("custom", "Custom fields"))
STAGES = {"prospect": "Prospects", "customer": "Customers"}
GONE = "(no longer exists)"


def describe_filters(session: Session, actor: Actor, q: ContactQuery) -> list[tuple[str, str]]:
    """(name, value) of each filter ``q`` applies, values as the page shows them: a filter on a
    contact-type custom field names its contact only if ``actor`` may see it (else its code)."""
    found = []
    for key, label in FILTERS:
        raw = str(getattr(q, key) or "").strip()
        if not raw or raw == "all":
            continue
        if key == "text":
            value = f"\u201c{raw}\u201d"
        elif key == "custom":
            from hoffice_app.domain import customfields as cf  # custom fields build on contacts

            fields = cf.filter_fields(session, "contact")
            names = cf.contact_names(session, actor, fields, raw)
            value = "; ".join(w for w in cf.describe_filters(fields, raw, names) if w)
            if not value:
                continue
        elif key == "stage":
            value = STAGES.get(raw, raw)
        elif key == "key_account_manager_id":
            value = _name(session, Employee, raw)
        elif key.endswith("_id"):
            value = _name(session, MasterEntry, raw)
        else:
            value = raw
        found.append((label, value))
    return found


def in_words(filters: list[tuple[str, str]]) -> str:
    """``search: “x”, type: Customer``; "" without filters."""
    return ", ".join(f"{name[0].lower()}{name[1:]}: {value}" for name, value in filters)


def _name(session: Session, table, raw: str) -> str:
    ident = as_id(raw)
    name = session.exec(select(table.name).where(table.id == ident)).first() if ident else None
    return name or GONE
