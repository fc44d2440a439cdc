"""Masters and company settings: the catalogue of master lists (``kinds``), their entries
(add, rename, reorder, deactivate, delete when unused) and the company-wide defaults
(country, currency, time zone, terminology, limits); ``type_statuses``: each lead type's
default status; ``products``: finding products by name or code across every category.
"""
from .entries import (
    clean_name,
    create_entry,
    delete_entry,
    edit_entry,
    entry_id_by_name,
    list_entries,
    move_entry,
    name_key,
    options,
    register_usage,
    set_active,
    template_bodies,
    update_entry,
)
from .kinds import BY_KEY, KINDS, MasterKind
from .products import ProductHit, find_products, product_label, products_by_id
from .settings import (
    country_options,
    currency_options,
    edit_defaults,
    get,
    get_defaults,
    lead_terms,
    local_today,
    money_number_format,
    put,
    session_timeout_hours,
    timezone_names,
    timezone_options,
    update_defaults,
)
from .type_statuses import default_status_for, default_statuses, set_default_status, types_defaulting_to
from .views import MasterEntryView

__all__ = [
    "BY_KEY",
    "clean_name",
    "country_options",
    "create_entry",
    "currency_options",
    "default_status_for",
    "default_statuses",
    "delete_entry",
    "edit_defaults",
    "edit_entry",
    "find_products",
    "entry_id_by_name",
    "get",
    "get_defaults",
    "KINDS",
    "lead_terms",
    "list_entries",
    "local_today",
    "money_number_format",
    "MasterEntryView",
    "MasterKind",
    "move_entry",
    "name_key",
    "options",
    "ProductHit",
    "product_label",
    "products_by_id",
    "put",
    "register_usage",
    "session_timeout_hours",
    "set_default_status",
    "set_active",
    "template_bodies",
    "timezone_names",
    "timezone_options",
    "types_defaulting_to",
    "update_defaults",
    "update_entry",
]
