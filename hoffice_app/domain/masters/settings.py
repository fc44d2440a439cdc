"""Company-wide defaults and settings (key/value rows).

Countries and currencies come from pycountry (ISO 3166 / ISO 4217), time zones
from the standard library's IANA database: no hand-typed lists.
"""
from __future__ import annotations

import dataclasses
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import pycountry
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, Option, ValidationError, as_id, require_actor, require_admin
from hoffice_app.domain.masters.entries import register_usage
from hoffice_app.domain.masters.kinds import DEFAULT_SETTING_LABELS as LABELS
from hoffice_app.domain.masters.kinds import MASTER_SETTINGS
from hoffice_app.models import MasterEntry, Setting

DEFAULTS = {
    "default_country": "IN",
    "default_currency": "INR",
    "default_timezone": "Asia/Kolkata",
    "default_title": "",  # master entry id
    "default_address_type": "",  # master entry id
    "session_timeout_hours": "8",
    "lead_label": "Lead",  # what the UI calls a lead: Lead, Inquiry, Opportunity…
    "lead_label_plural": "Leads",
    "lead_title_from_master": "0",  # "1": the lead title is chosen from the lead-title master
}


@dataclass
class DefaultsView:
    default_country: str
    default_currency: str
    default_timezone: str
    default_title: str
    default_address_type: str
    session_timeout_hours: str
    lead_label: str
    lead_label_plural: str
    lead_title_from_master: str


def get(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    return row.value if row else DEFAULTS[key]


def zone(session: Session) -> zoneinfo.ZoneInfo:
    """The company's time zone (UTC if the setting is unusable)."""
    try:
        return zoneinfo.ZoneInfo(get(session, "default_timezone"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key) or Setting(key=key)
    row.value = value
    session.add(row)


def local_today(session: Session, now: datetime) -> date:
    """The company's date at ``now`` (its default time zone)."""
    try:
        return now.astimezone(zoneinfo.ZoneInfo(get(session, "default_timezone"))).date()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return now.date()


def session_timeout_hours(session: Session) -> float:
    try:
        return max(float(get(session, "session_timeout_hours")), 0.1)
    except ValueError:
        return 8.0


def get_defaults(session: Session, actor: Actor) -> DefaultsView:
    require_actor(actor)
    return DefaultsView(**{f.name: get(session, f.name) for f in dataclasses.fields(DefaultsView)})


@lru_cache(maxsize=1)
def country_options() -> tuple[Option, ...]:
    return tuple(sorted((Option(c.alpha_2, c.name) for c in pycountry.countries), key=lambda o: o.label))


@lru_cache(maxsize=1)
def currency_options() -> tuple[Option, ...]:
    return tuple(sorted((Option(c.alpha_3, f"{c.alpha_3} — {c.name}") for c in pycountry.currencies),
                        key=lambda o: o.value))


@lru_cache(maxsize=1)
def timezone_names() -> frozenset[str]:
    """IANA names (read from disk once)."""
    return frozenset(zoneinfo.available_timezones())


@lru_cache(maxsize=1)
def timezone_options() -> tuple[Option, ...]:
    names = sorted(z for z in timezone_names() if "/" in z and not z.startswith("Etc/"))
    return tuple(Option(z, z.replace("_", " ")) for z in names)


@dataclass
class LeadTerms:
    singular: str
    plural: str
    title_from_master: bool


def lead_terms(session: Session) -> LeadTerms:
    """How the UI names leads (readable by everyone: it labels the navigation)."""
    return LeadTerms(get(session, "lead_label"), get(session, "lead_label_plural"),
                     get(session, "lead_title_from_master") == "1")


def update_defaults(session: Session, actor: Actor, values: dict[str, str]) -> DefaultsView:
    """Validate every value first; write none unless all are good."""
    require_admin(actor)
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for key, raw in values.items():
        if key not in DEFAULTS:
            errors[key] = "Unknown setting."
            continue
        value = (raw or "").strip()
        clean[key] = value
        if key == "default_country" and value not in {o.value for o in country_options()}:
            errors[key] = "Choose a country from the list."
        elif key == "default_currency" and value not in {o.value for o in currency_options()}:
            errors[key] = "Choose a currency from the list."
        elif key == "default_timezone" and value not in timezone_names():
            errors[key] = "Choose a time zone from the list."
        elif key in MASTER_SETTINGS:
            entry_id = as_id(value)
            entry = session.get(MasterEntry, entry_id) if entry_id else None
            if entry is None or entry.kind != MASTER_SETTINGS[key] or not entry.active:
                errors[key] = f"Choose the {LABELS[key]} from the list."
        elif key in ("lead_label", "lead_label_plural"):
            if not 2 <= len(value) <= 30:
                errors[key] = "Use 2 to 30 characters."
        elif key == "lead_title_from_master":
            if value not in ("0", "1"):
                errors[key] = "Choose on or off."
        elif key == "session_timeout_hours":
            try:
                hours = float(value)
            except ValueError:
                hours = -1
            if not 0.25 <= hours <= 24 * 30:
                errors[key] = "Enter a number of hours between 0.25 and 720."
    if errors:
        raise ValidationError(errors)
    for key, value in clean.items():
        put(session, key, value)
    session.flush()
    return get_defaults(session, actor)


@register_usage
def _used_as_default(session: Session, entry: MasterEntry) -> list[str]:
    keys = [k for k, kind in MASTER_SETTINGS.items() if kind == entry.kind]
    rows = session.exec(select(Setting).where(Setting.key.in_(keys), Setting.value == str(entry.id))).all()
    return [f"the {LABELS[r.key]} setting" for r in rows]
