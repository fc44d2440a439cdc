"""Leads whose contacts are private to someone else, for the lead privacy tests (no tests here).

Zephyr Secret Traders is private to E03 (Neha). The administrator puts it on two
leads assigned to E04 (Karan), who may see the leads but not the contact: as the
contact of "Solar panels" (with an address and an also-notify e-mail), and as
the associated contact, source of inquiry and external follower of "Inverter
service", whose contact Horus Tech is public.

``office(..., by="division")`` builds the same with the contact public but mapped to
corpteaser, a division E03 is in and E02, E04, E05 are not (contacts.access): the lead
privacy tests run for both limits."""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from hoffice_app.domain.contacts import associate
from hoffice_app.domain.leads import save as leads
from hoffice_app.models import Contact, ContactAddress, Lead
from tests.contact_factory import actor, employee_id, make_contact, make_hidden, master_id

SECRET = "Zephyr Secret Traders"
SECRET_WORDS = ("zephyr", "secret", "traders", "accounts@zephyr", "98111", "rajkot")


@dataclass
class Office:
    secret: Contact
    public: Contact
    lead: Lead  # "Solar panels": the secret contact is its contact
    other: Lead  # "Inverter service": the secret contact is associated, its source and an external follower


def office(session, now, by: str = "private") -> Office:
    admin = actor(session, "E01")
    secret = make_hidden(session, admin, now, SECRET, by, mobiles=["98111 22334"],
                         emails=["zephyr@example.org", "accounts@zephyr.example.org"], addresses=[{"city": "Rajkot"}])
    public = make_contact(session, admin, now, "Horus Tech")
    associate(session, admin, public.id, secret.code, master_id(session, "relation", "Partner"), now=now)
    karan = str(employee_id(session, "E04"))
    address = session.exec(select(ContactAddress.id).where(ContactAddress.contact_id == secret.id)).one()
    lead = leads.save_lead(session, admin, {
        "title": "Solar panels", "contact_code": secret.code, "assigned_to_id": karan,
        "contact_address_id": str(address), "also_notify": ["email:accounts@zephyr.example.org"]}, now=now)
    other = leads.save_lead(session, admin, {
        "title": "Inverter service", "contact_code": public.code, "assigned_to_id": karan,
        "associated_contact_codes": [secret.code], "source_kind": "contact", "source_ref": secret.code,
        "follower_contact_codes": [secret.code]}, now=now)
    session.commit()
    return Office(secret, public, lead, other)


def leaks(value, secret: Contact) -> list[str]:
    """The secret contact's name, code or details found anywhere in ``value`` (a DTO, dict, list)."""
    text = repr(value).lower()
    return [w for w in (*SECRET_WORDS, secret.code.lower()) if w in text]
