"""Small helpers for lead tests: the smallest valid lead form and saving one
through the real domain function (leads.save_lead).

For speed, a test module can take the seeded-database fixtures from here (they
are contact_factory's):
``from tests.lead_factory import demo, engine  # noqa: F401``
"""
from __future__ import annotations

from hoffice_app.domain.leads import save as leads
from tests.contact_factory import actor, demo, employee_id, engine, make_contact  # noqa: F401  (re-exported)

DEFAULT_TITLE = "Solar panels for the new office"


def lead_data(contact_code: str, title: str = DEFAULT_TITLE, **overrides) -> dict:
    """The smallest valid lead form (a title and the contact's code), plus ``overrides``."""
    data = {"title": title, "contact_code": contact_code}
    data.update(overrides)
    return data


def make_lead(session, who, now, *, contact=None, contact_name: str = "Horus Tech", assigned_to: str | None = None,
              **overrides):
    """Save a new lead as ``who`` and return the row.

    ``contact``: a Contact row to use; by default a new contact named ``contact_name`` is made
    by ``who``. ``assigned_to``: an employee code ("E03"), a shortcut for the form's
    ``assigned_to_id``. Any other keyword is a lead form field (title, status_id, …)."""
    if contact is None and "contact_code" not in overrides:
        contact = make_contact(session, who, now, contact_name)
    if assigned_to is not None:
        overrides["assigned_to_id"] = str(employee_id(session, assigned_to))
    code = overrides.pop("contact_code", None) or contact.code
    return leads.save_lead(session, who, lead_data(code, **overrides), now=now)
