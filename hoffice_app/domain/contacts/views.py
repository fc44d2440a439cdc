"""DTOs for contacts: what the UI and the CLI get back."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ContactRow:
    """One line of the contact list."""

    id: int
    code: str
    name: str
    title: str
    contact_type: str
    stage: str  # Prospect | Customer
    email: str
    mobile: str
    city: str
    key_account_manager: str
    is_private: bool


@dataclass
class ContactPage:
    rows: list[ContactRow]
    total: int
    page: int
    pages: int
    per_page: int


@dataclass
class PhoneView:
    kind: str
    number: str  # E.164
    display: str
    is_primary: bool


@dataclass
class AddressView:
    id: int
    address_type: str
    text: str
    city: str
    state: str
    is_default: bool


@dataclass
class AssociationView:
    id: int
    other_code: str
    other_name: str
    text: str  # "Employee of Horus Tech" / "Horus Tech's Employee"


@dataclass
class DuplicateHit:
    code: str  # "" when the duplicate is private and hidden from the viewer
    name: str
    matched_on: str  # "e-mail a@b.com" / "mobile +91…"


@dataclass
class ContactDetail:
    id: int
    code: str
    display_name: str
    values: dict[str, str]  # label-ready text per field (see contacts.DETAIL_FIELDS)
    emails: list[str] = field(default_factory=list)
    phones: list[PhoneView] = field(default_factory=list)
    addresses: list[AddressView] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    divisions: list[str] = field(default_factory=list)
    associations: list[AssociationView] = field(default_factory=list)
    shared_with: list[str] = field(default_factory=list)
    is_private: bool = False
    is_customer: bool = False
