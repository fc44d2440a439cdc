"""The Contact Center: the full contact record (rules, save), who may see a contact
(``access``: one clause every read uses), search, the detail page, associated
contacts, phone numbers in E.164, and the coded vocabularies (gender, GST types…)
shared by the form, the importer, the export and the template (``vocab``), and a
list's filters in words (``described``: shown by the Export button, written in the export),
and the title a contact gets when none is chosen (``titles``: "M/S" for a company), and the
contact list's saved views (``saved_views``).
"""
from . import saved_views
from .access import NOT_FOUND, can_see, divisions_limit, get_visible, hidden_ids, hidden_select, visible_clause
from .associations import associate, list_associations, remove_association
from .described import describe_filters, in_words
from .detail import contact_detail, form_values, reference_label
from .phones import MOBILE_TYPES, display, parse_phone, query_as_phone_digits, search_digits
from .rules import AMOUNT_MAX, GSTIN_RE, MAX_NAME, MAX_STATUTORY, PAN_RE, TEXT_LIMITS
from .save import (
    DuplicateFound,
    build_search_text,
    count_visible,
    save_contact,
    save_from_form,
    set_customer,
    visible_id,
)
from .search import (
    MAX_PER_PAGE,
    SORTS,
    ContactQuery,
    address_choices,
    conditions,
    labels_by_code,
    matching_select,
    pick_contacts,
    search_contacts,
)
from .titles import COMPANY_TITLE, default_title_id
from .views import AddressView, AssociationView, ContactRow, DuplicateHit, PhoneView

__all__ = [
    "saved_views",
    "address_choices",
    "AddressView",
    "AMOUNT_MAX",
    "associate",
    "AssociationView",
    "COMPANY_TITLE",
    "default_title_id",
    "build_search_text",
    "can_see",
    "divisions_limit",
    "conditions",
    "contact_detail",
    "ContactQuery",
    "ContactRow",
    "count_visible",
    "describe_filters",
    "display",
    "DuplicateFound",
    "DuplicateHit",
    "form_values",
    "get_visible",
    "GSTIN_RE",
    "hidden_ids",
    "hidden_select",
    "MAX_STATUTORY",
    "in_words",
    "list_associations",
    "matching_select",
    "MAX_NAME",
    "MAX_PER_PAGE",
    "MOBILE_TYPES",
    "NOT_FOUND",
    "PAN_RE",
    "parse_phone",
    "PhoneView",
    "query_as_phone_digits",
    "labels_by_code",
    "pick_contacts",
    "reference_label",
    "remove_association",
    "save_contact",
    "save_from_form",
    "search_contacts",
    "search_digits",
    "set_customer",
    "SORTS",
    "TEXT_LIMITS",
    "visible_clause",
    "visible_id",
]
