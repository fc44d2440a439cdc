"""Leads: the form's rules and save, who may see a lead (``access``) and who may name its
creator (``creator``), the list's search (by a contact's phone or e-mail too: ``text_search``)
and quick views, the detail page, a lead's product lines (``product_lines``: quantity, unit
price, the value computed from them, the lead's one category), bulk actions, the timeline of events, saved views and a
contact's leads (``of_contact``); ``privacy``: a lead's contacts its viewer may not see read
"Private contact" everywhere.
"""
from .access import NOT_FOUND, can_see, get_visible, team_ids, visible_clause
from .bulk import Reassigned, bulk_assign, bulk_set_status, reassign
from .creator import creator_field
from .detail import TimelineItem, contact_context, form_values, lead_detail, new_form_values
from .of_contact import ContactLeadRow, ContactLeads, contact_leads
from .privacy import PRIVATE_CODE, PRIVATE_CONTACT, is_private_code, masked_names
from .product_lines import (
    MAX_PRICE,
    ProductLineView,
    check_price,
    check_quantity,
    line_total,
    main_category,
    plain_amount,
)
from .rules import parse_local
from .save import add_note, save_from_form, save_lead
from .saved_views import delete_view, get_view, list_views, save_view
from .search import (
    MAX_PER_PAGE,
    QUICK_VIEWS,
    ROW_COLUMNS,
    SORTS,
    conditions,
    fill_rows,
    followup_state,
    matching_ids,
    order_by,
    page_ids,
    search_leads,
    zone,
)
from .timeline import record, record_many
from .views import CreatorField, LeadQuery, LeadRow

__all__ = [
    "add_note",
    "bulk_assign",
    "bulk_set_status",
    "can_see",
    "check_price",
    "check_quantity",
    "conditions",
    "contact_context",
    "contact_leads",
    "ContactLeadRow",
    "ContactLeads",
    "creator_field",
    "CreatorField",
    "delete_view",
    "fill_rows",
    "followup_state",
    "is_private_code",
    "form_values",
    "get_view",
    "get_visible",
    "lead_detail",
    "line_total",
    "main_category",
    "MAX_PRICE",
    "LeadQuery",
    "LeadRow",
    "list_views",
    "masked_names",
    "matching_ids",
    "MAX_PER_PAGE",
    "new_form_values",
    "NOT_FOUND",
    "order_by",
    "plain_amount",
    "page_ids",
    "parse_local",
    "PRIVATE_CODE",
    "PRIVATE_CONTACT",
    "ProductLineView",
    "QUICK_VIEWS",
    "Reassigned",
    "reassign",
    "record",
    "record_many",
    "ROW_COLUMNS",
    "save_from_form",
    "save_lead",
    "save_view",
    "search_leads",
    "SORTS",
    "TimelineItem",
    "visible_clause",
    "team_ids",
    "zone",
]
