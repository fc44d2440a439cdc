"""Saved contact views (``common.SavedViews``): the contact list's filters, search and sort
under a name, private to the employee who saved it, custom field filters included."""
from __future__ import annotations

from dataclasses import fields

from hoffice_app.domain.common import SavedViews
from hoffice_app.domain.contacts.search import ContactQuery
from hoffice_app.models import SavedContactView

KEYS = tuple(f.name for f in fields(ContactQuery) if f.name not in ("page", "per_page"))


def _custom(value) -> str:
    """Custom field filters, kept whole (customfields.decode_filters bounds them)."""
    from hoffice_app.domain import customfields as cf  # custom fields build on contacts: imported when used

    return cf.encode_filters(cf.decode_filters(value))


VIEWS = SavedViews(SavedContactView, KEYS, {"custom": _custom})
save_view, list_views, get_view, delete_view = VIEWS.save, VIEWS.list, VIEWS.get, VIEWS.delete
