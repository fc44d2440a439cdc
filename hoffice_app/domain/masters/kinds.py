"""The catalogue of masters: which lists exist and how each behaves.

Adding a master means adding one line here; the Settings screen, the rules and
the seed all read this catalogue.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MasterKind:
    key: str
    label: str  # plural, as shown in Settings
    singular: str
    group: str  # heading in the Settings navigation
    parent: str | None = None  # key of the parent kind (industry -> segment)
    has_code: bool = False
    code_required: bool = True  # with has_code: a code must be given (else optional, unique when given)
    has_body: bool = False  # a long text (knowledge templates)


KINDS: tuple[MasterKind, ...] = (
    MasterKind("division", "Divisions", "division", "Organisation"),
    MasterKind("title", "Titles", "title", "Contacts"),
    MasterKind("contact_type", "Types of contact", "type of contact", "Contacts"),
    MasterKind("price_list", "Price lists", "price list", "Contacts"),
    MasterKind("address_type", "Types of address", "type of address", "Contacts"),
    MasterKind("industry", "Industries", "industry", "Contacts"),
    MasterKind("segment", "Industry segments", "segment", "Contacts", parent="industry"),
    MasterKind("contact_category", "Contact categories", "category", "Contacts"),
    MasterKind("relation", "Relations", "relation", "Contacts"),
    MasterKind("class", "Classes", "class", "Contacts", has_code=True),
    MasterKind("product_category", "Product categories", "product category", "Products"),
    MasterKind("product", "Products", "product", "Products", parent="product_category", has_code=True,
               code_required=False),
    MasterKind("lead_status", "Lead statuses", "lead status", "Leads"),
    MasterKind("lead_priority", "Lead priorities", "lead priority", "Leads"),
    MasterKind("lead_type", "Lead types", "lead type", "Leads"),
    MasterKind("lead_title", "Lead titles", "lead title", "Leads"),
    MasterKind("campaign", "Campaigns / activities", "campaign", "Leads"),
    MasterKind("lost_reason", "Lost reasons", "lost reason", "Leads"),
    MasterKind("knowledge_template", "Knowledge templates", "knowledge template", "Leads", has_body=True),
    MasterKind("document_category", "Document categories", "document category", "Documents"),
)

# Settings that point at a master entry, and the list that entry must belong to.
MASTER_SETTINGS: dict[str, str] = {"default_title": "title", "default_address_type": "address_type"}
DEFAULT_SETTING_LABELS: dict[str, str] = {"default_title": "default title",
                                          "default_address_type": "default type of address"}

# Each lead type's default status is a setting row keyed by the type's id (type_statuses.py).
TYPE_STATUS_PREFIX = "lead_type_status:"


def type_status_key(lead_type_id: int) -> str:
    return f"{TYPE_STATUS_PREFIX}{lead_type_id}"


BY_KEY: dict[str, MasterKind] = {k.key: k for k in KINDS}
CHILD_OF: dict[str, str] = {k.parent: k.key for k in KINDS if k.parent}


def kind(key: str) -> MasterKind:
    from hoffice_app.domain.common import NotFound

    try:
        return BY_KEY[key]
    except KeyError:
        raise NotFound(f"There is no master list called {key!r}.") from None
