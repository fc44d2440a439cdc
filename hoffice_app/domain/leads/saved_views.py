"""Saved lead views (``common.SavedViews``): the lead list's filters, search, quick view
and sort under a name, private to the employee who saved it."""
from __future__ import annotations

from dataclasses import fields

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import SavedViews
from hoffice_app.domain.leads.views import LeadQuery
from hoffice_app.models import SavedLeadView

KEYS = tuple(f.name for f in fields(LeadQuery) if f.name not in ("page", "per_page"))


def _custom(value) -> str:
    """Custom field filters, kept whole (never cut mid-way like a long text): at most ten, each
    value at most 500 characters (decode_filters)."""
    return cf.encode_filters(cf.decode_filters(value))


VIEWS = SavedViews(SavedLeadView, KEYS, {"custom": _custom})
save_view, list_views, get_view, delete_view = VIEWS.save, VIEWS.list, VIEWS.get, VIEWS.delete
