"""Creating, changing and reading contacts."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import Session, delete, func, or_, select

from hoffice_app.domain.common import (
    Actor,
    DomainError,
    ValidationError,
    codes,
    keep_custom_words,
    refresh_lead_search_text,
    require_actor,
    versions,
)
from hoffice_app.domain.contacts.access import get_visible, visible_clause
from hoffice_app.domain.contacts.detail import FORM_LABELS, form_values
from hoffice_app.domain.contacts.phones import display, search_digits
from hoffice_app.domain.contacts.rules import clean_contact
from hoffice_app.domain.contacts.views import DuplicateHit
from hoffice_app.domain.masters import register_usage
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import (
    Contact,
    ContactAddress,
    ContactAlias,
    ContactCategory,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    ContactPrivacy,
    MasterEntry,
)


class DuplicateFound(DomainError):
    """Another contact has the same e-mail or mobile; the user decides."""

    def __init__(self, hits: list[DuplicateHit]):
        self.hits = hits
        super().__init__("Another contact has the same e-mail or mobile number.")


def find_duplicates(session: Session, actor: Actor, emails: list[str], mobiles: list[str],
                    exclude_id: int | None = None) -> list[DuplicateHit]:
    """Contacts sharing an e-mail (any case) or a mobile (E.164). A private one
    the actor may not see is reported without its name or code."""
    keys = [e.lower() for e in emails]
    conditions = []
    if keys:
        conditions.append(Contact.id.in_(select(ContactEmail.contact_id).where(ContactEmail.email_key.in_(keys))))
    if mobiles:
        conditions.append(Contact.id.in_(select(ContactPhone.contact_id).where(
            ContactPhone.kind == "mobile", ContactPhone.number.in_(mobiles))))
    if not conditions:
        return []
    stmt = select(Contact).where(or_(*conditions))
    if exclude_id:
        stmt = stmt.where(Contact.id != exclude_id)
    visible = set(session.exec(select(Contact.id).where(or_(*conditions), visible_clause(session, actor))).all())
    hits = []
    for other in session.exec(stmt.limit(10)).all():
        their_emails = {e.lower() for e in session.exec(select(ContactEmail.email_key)
                                                        .where(ContactEmail.contact_id == other.id))}
        same = next((e for e in emails if e.lower() in their_emails), None)
        matched = f"e-mail {same}" if same else f"mobile {display(_shared_mobile(session, other.id, mobiles))}"
        if other.id in visible:
            hits.append(DuplicateHit(code=other.code, name=other.name, matched_on=matched))
        else:
            hits.append(DuplicateHit(code="", name="A private contact you cannot open", matched_on=matched))
    return hits


def _shared_mobile(session: Session, contact_id: int, mobiles: list[str]) -> str:
    numbers = session.exec(select(ContactPhone.number).where(ContactPhone.contact_id == contact_id,
                                                             ContactPhone.number.in_(mobiles))).all()
    return numbers[0] if numbers else ""


def save_contact(session: Session, actor: Actor, data: dict, *, now: datetime, contact_id: int | None = None,
                 allow_duplicate: bool = False) -> tuple[Contact, dict[str, str]]:
    """Create (``contact_id`` None) or update a contact. Returns (row, warnings).

    Raises ValidationError (per field), DuplicateFound (unless allowed) or
    NotFound (editing a contact the actor may not see), or EditConflict (another save of it
    landed first)."""
    with versions.guard("contact"):
        return _save_contact(session, actor, data, now=now, contact_id=contact_id, allow_duplicate=allow_duplicate)


def _save_contact(session: Session, actor: Actor, data: dict, *, now: datetime, contact_id: int | None,
                  allow_duplicate: bool) -> tuple[Contact, dict[str, str]]:
    from hoffice_app.domain import customfields as cf  # custom fields read contacts: imported when used

    require_actor(actor)
    existing = get_visible(session, actor, contact_id=contact_id) if contact_id else None
    custom = cf.has_fields(session, "contact")  # none: the custom steps below are skipped
    if existing and custom:
        data = cf.changed_only(session, actor, "contact", existing.id, data)
    custom_errors = cf.check_typed(session, actor, "contact", data, creating=existing is None) if custom else {}
    try:
        clean = clean_contact(session, actor, data, today=app_settings.local_today(session, now), existing=existing)
    except ValidationError as err:
        raise cf.with_errors(err, custom_errors) from None
    if custom_errors:  # refused before anything is written
        raise ValidationError(custom_errors)
    mobiles = [n for kind, n in clean.phones if kind == "mobile"]
    if not allow_duplicate:
        hits = find_duplicates(session, actor, clean.emails, mobiles, exclude_id=contact_id)
        if hits:
            raise DuplicateFound(hits)
    renamed = existing is not None and clean.scalars.get("name", existing.name) != existing.name
    contact = existing or Contact(code=codes.allocate(session, "contact")[0], created_by_id=actor.id,
                                  created_at=now, contact_type_id=0, name="", name_key="", updated_at=now)
    for key, value in clean.scalars.items():
        setattr(contact, key, value)
    contact.updated_at, contact.updated_by_id = now, actor.id
    session.add(contact)
    session.flush()
    _replace_children(session, contact, clean)
    if custom and cf.write_values(session, actor, "contact", contact.id, data, creating=existing is None) \
            and existing:
        flag_modified(contact, "updated_at")  # only custom values changed: the version still moves
    # the record's own words, and the custom values' words write_values keeps at the end
    contact.search_text = keep_custom_words(build_search_text(contact.code, contact.name, clean.aliases,
                                                              clean.emails, [n for _, n in clean.phones]),
                                            contact.search_text)
    session.add(contact)
    session.flush()
    if renamed:
        refresh_lead_search_text(session, [contact.id])
    return contact, clean.warnings


def save_from_form(session: Session, actor: Actor, data: dict, *, now: datetime, code: str = "",
                   allow_duplicate: bool = False, read: dict | None = None,
                   version: int | None = None) -> versions.Saved:
    """The form's save: the contact by its code ("" for a new one). ``read`` and ``version`` are
    the values and version the form showed: a contact saved meanwhile (by a person or an
    import) is merged or refused (``versions.merge_edit``). Returns its code, warnings and
    whose changes it merged with, so a page keeps no ORM row."""
    existing, note = (get_visible(session, actor, code=code) if code else None), ""
    if existing is not None and version is not None and existing.version != version:
        from hoffice_app.domain import customfields as cf  # custom fields read contacts: imported when used

        last, labels = versions.last_save(session, existing), FORM_LABELS | cf.form_labels(session, "contact")
        data, fields = versions.merge_edit(what="contact", typed=data, read=read or {}, last=last,
                                           labels=labels, current=form_values(session, actor, code),
                                           tz=app_settings.zone(session))
        note = versions.merged_note("contact", last, fields)
    contact, warnings = save_contact(session, actor, data, now=now, contact_id=existing.id if existing else None,
                                     allow_duplicate=allow_duplicate)
    return versions.Saved(contact.code, note, warnings)


def visible_id(session: Session, actor: Actor, code: str) -> int:
    """The id of a contact the actor may see, by its code (NotFound otherwise)."""
    return get_visible(session, actor, code=code).id


def _replace_children(session: Session, contact: Contact, clean) -> None:
    for model in (ContactEmail, ContactPhone, ContactAddress, ContactAlias, ContactCategory, ContactDivision,
                  ContactPrivacy):
        session.exec(delete(model).where(model.contact_id == contact.id))
    seen_kinds: set[str] = set()
    rows: list = []
    for i, email in enumerate(clean.emails):
        rows.append(ContactEmail(contact_id=contact.id, email=email, email_key=email.lower(), is_primary=i == 0))
    for kind, number in clean.phones:
        rows.append(ContactPhone(contact_id=contact.id, kind=kind, number=number, is_primary=kind not in seen_kinds))
        seen_kinds.add(kind)
    rows += [ContactAddress(contact_id=contact.id, **addr) for addr in clean.addresses]
    rows += [ContactAlias(contact_id=contact.id, alias=a) for a in clean.aliases]
    rows += [ContactCategory(contact_id=contact.id, category_id=i) for i in clean.category_ids]
    rows += [ContactDivision(contact_id=contact.id, division_id=i) for i in clean.division_ids]
    if clean.scalars["is_private"]:
        rows += [ContactPrivacy(contact_id=contact.id, employee_id=i) for i in clean.privacy_ids]
    session.add_all(rows)


def build_search_text(code: str, name: str, aliases: list[str], emails: list[str], phones: list[str]) -> str:
    parts = [code, name, *aliases, *emails, *(search_digits(p) for p in phones)]
    return " ".join(p.casefold() for p in parts if p)


def set_customer(session: Session, actor: Actor, contact_id: int, is_customer: bool, *, now: datetime) -> None:
    """Prospect → customer by hand (a won lead does it too, later)."""
    contact = get_visible(session, actor, contact_id=contact_id)
    contact.is_customer, contact.updated_at = is_customer, now
    session.add(contact)
    session.flush()


def count_visible(session: Session, actor: Actor) -> dict[str, int]:
    rows = session.exec(select(Contact.is_customer, func.count()).where(visible_clause(session, actor))
                        .group_by(Contact.is_customer)).all()
    by = {bool(k): n for k, n in rows}
    return {"contacts": sum(by.values()), "customers": by.get(True, 0), "prospects": by.get(False, 0)}


# Master lists a contact refers to, for "in use" messages.
_MASTER_COLUMNS = {"title": [Contact.title_id], "contact_type": [Contact.contact_type_id],
                   "industry": [Contact.industry_id], "segment": [Contact.segment_id],
                   "price_list": [Contact.price_list_id], "class": [Contact.class_id],
                   "campaign": [Contact.reference_campaign_id]}


@register_usage
def _used_by_contacts(session: Session, entry: MasterEntry) -> list[str]:
    n = 0
    for column in _MASTER_COLUMNS.get(entry.kind, []):
        n += session.exec(select(func.count()).select_from(Contact).where(column == entry.id)).one()
    links = {"contact_category": (ContactCategory, ContactCategory.category_id),
             "division": (ContactDivision, ContactDivision.division_id),
             "address_type": (ContactAddress, ContactAddress.address_type_id)}
    if entry.kind in links:
        model, column = links[entry.kind]
        n += session.exec(select(func.count(func.distinct(model.contact_id))).where(column == entry.id)).one()
    if entry.kind == "relation":
        from hoffice_app.models import ContactAssociation

        n += session.exec(select(func.count()).select_from(ContactAssociation)
                          .where(ContactAssociation.relation_id == entry.id)).one()
        return [f"{n} contact association{'s' if n != 1 else ''}"] if n else []
    return [f"{n} contact{'s' if n != 1 else ''}"] if n else []
