"""What every context shares: the acting employee (``Actor``) and drop-down ``Option`` DTOs,
the errors the domain raises (messages written for the user), role checks, reading ids
from text, reordering rows by ``position`` and readable codes (C000123) from a counter, the
version check every edit goes through (``versions``), and amounts as the company reads them
(``format_money``: "₹1,06,78,400", "₹1.07 Cr"; masters.settings.money picks the company's currency),
and ``no_index``, which keeps SQLite's planner off an index it would pick without statistics,
and ``SavedViews``: a list's filters saved under a name, per employee.
"""
from . import versions, wording
from .codes import allocate
from .dto import Actor, Option
from .errors import DomainError, NotFound, PermissionDenied, ValidationError
from .money import format_money, spreadsheet_format, symbol
from .ordering import move_in_list
from .parsing import as_id
from .permissions import ROLE_LABELS, ROLES, require_actor, require_admin
from .planner import no_index
from .saved_views import SavedViews
from .search_text import CUSTOM_MARK, keep_custom_words, lead_search_text, refresh_lead_search_text, with_custom_words

__all__ = [
    "CUSTOM_MARK",
    "keep_custom_words",
    "lead_search_text",
    "refresh_lead_search_text",
    "with_custom_words",
    "Actor",
    "allocate",
    "as_id",
    "DomainError",
    "format_money",
    "move_in_list",
    "no_index",
    "NotFound",
    "Option",
    "SavedViews",
    "PermissionDenied",
    "require_actor",
    "require_admin",
    "ROLE_LABELS",
    "ROLES",
    "spreadsheet_format",
    "symbol",
    "ValidationError",
    "versions",
    "wording",
]
