"""The ways a table breaks its numbers down, and the key each row carries to its drill-down.

A key is text: an id ("12"), "none" for the blank row, and for a lead's source its kind and
sub-choice ("campaign-5", "contact-40", "campaign-none"). ``condition`` turns a key back into
the WHERE clause that selects exactly the row's records, the same column the table grouped by.
"""
from __future__ import annotations

from sqlalchemy import false
from sqlmodel import select

from hoffice_app.domain.common import as_id
from hoffice_app.models import FollowUp, Lead, LeadProduct

NONE = "none"
LEAD_COLUMNS = {"person": Lead.assigned_to_id, "category": Lead.product_category_id, "type": Lead.lead_type_id,
                "reason": Lead.lost_reason_id, "stage": Lead.stage_id}
SOURCE_COLUMNS = {"contact": Lead.source_contact_id, "friend": Lead.source_contact_id,
                  "employee": Lead.source_employee_id, "campaign": Lead.source_campaign_id}
DIMENSIONS = {"person": "Executive", "source": "Source", "kind": "Source", "category": "Product category",
              "product": "Product", "type": "Lead type", "reason": "Lost reason", "stage": "Stage"}


def key_of(value) -> str:
    return str(value) if value is not None else NONE


def source_key(kind: str, contact_id, employee_id, campaign_id) -> str:
    """The key of a lead's source sub-choice, from its kind's own column."""
    if kind not in SOURCE_COLUMNS:
        return NONE
    value = {"contact": contact_id, "friend": contact_id, "employee": employee_id, "campaign": campaign_id}[kind]
    return f"{kind}-{key_of(value)}"


def _equals(column, key: str):
    if key == NONE:
        return column.is_(None)
    return column == (as_id(key) or 0)


def condition(by: str, key: str, *, follow_ups: bool = False) -> list:
    """The rows of dimension ``by`` whose value is ``key``; an unknown dimension or key selects
    nothing (a tampered link shows an empty list, never more)."""
    key = str(key or "").strip()
    if not by:
        return []
    if follow_ups:
        return [_equals(FollowUp.assignee_id, key)] if by == "person" else [false()]
    if by in LEAD_COLUMNS:
        return [_equals(LEAD_COLUMNS[by], key)]
    if by == "kind":
        return [Lead.source_kind == ("" if key == NONE else key)]
    if by == "source":
        kind, _, sub = key.partition("-")
        if key == NONE:
            return [Lead.source_kind == ""]
        if kind not in SOURCE_COLUMNS:
            return [false()]
        return [Lead.source_kind == kind, _equals(SOURCE_COLUMNS[kind], sub)]
    if by == "product":
        with_products = select(LeadProduct.lead_id)
        if key == NONE:
            return [Lead.id.not_in(with_products)]
        return [Lead.id.in_(with_products.where(LeadProduct.product_id == (as_id(key) or 0)))]
    return [false()]
