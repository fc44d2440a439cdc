"""Company-wide defaults and settings (key/value rows).

Countries and currencies come from pycountry (ISO 3166 / ISO 4217), time zones
from the standard library's IANA database: no hand-typed lists.

The defaults page saves every value it shows, so its save carries the values and each
row's version as the page read them (``edit_defaults``): a value another administrator
saved meanwhile is kept unless this person changed it too, which is refused.
"""
from __future__ import annotations

import dataclasses
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import pycountry
from sqlmodel import Session, select

from hoffice_app.domain.common import (
    Actor,
    Option,
    ValidationError,
    as_id,
    format_money,
    require_actor,
    require_admin,
    spreadsheet_format,
    versions,
)
from hoffice_app.domain.masters.entries import register_usage
from hoffice_app.domain.masters.kinds import DEFAULT_SETTING_LABELS as LABELS
from hoffice_app.domain.masters.kinds import MASTER_SETTINGS
from hoffice_app.models import MasterEntry, Setting

DEFAULTS = {
    "company_name": "",  # how messages to customers name the company
    "default_country": "IN",
    "default_currency": "INR",
    "default_timezone": "Asia/Kolkata",
    "default_title": "",  # master entry id
    "default_address_type": "",  # master entry id
    "session_timeout_hours": "8",
    "lead_label": "Lead",  # what the UI calls a lead: Lead, Inquiry, Opportunity…
    "lead_label_plural": "Leads",
    "lead_title_from_master": "0",  # "1": the lead title is chosen from the lead-title master
    "divisions_limit_access": "1",  # "1": a contact mapped to divisions is seen only by their employees
}
# What a refused or merged save of the defaults page calls each value.
FORM_LABELS = {"company_name": "company name",
               "default_country": "country", "default_currency": "currency", "default_timezone": "time zone",
               "default_title": "default title", "default_address_type": "default type of address",
               "session_timeout_hours": "log out after inactivity", "lead_label": "name of one lead",
               "lead_label_plural": "name of several leads", "lead_title_from_master": "lead title from the master",
               "divisions_limit_access": "divisions limit who sees a contact"}
PAGE = "page of company defaults"


@dataclass
class DefaultsView:
    company_name: str
    default_country: str
    default_currency: str
    default_timezone: str
    default_title: str
    default_address_type: str
    session_timeout_hours: str
    lead_label: str
    lead_label_plural: str
    lead_title_from_master: str
    divisions_limit_access: str


ABSENT = "hoffice_settings_without_row"  # session.info key: settings known to have no row


def get(session: Session, key: str) -> str:
    """The value of ``key``: its row's, or the built-in default. A row once read stays in the
    session; a row found missing is remembered too (the session's identity map cannot), so
    a board or lead list reading the time zone per column asks the database once, not
    ~10 times (each a round trip to PostgreSQL). put and update_defaults, the only places
    that create a row, forget it."""
    absent = session.info.setdefault(ABSENT, set())
    row = None if key in absent else session.get(Setting, key)
    if row is None:
        absent.add(key)
    return row.value if row else DEFAULTS[key]


def _forget_absent(session: Session, key: str) -> None:
    session.info.get(ABSENT, set()).discard(key)


def zone(session: Session) -> zoneinfo.ZoneInfo:
    """The company's time zone (UTC if the setting is unusable)."""
    try:
        return zoneinfo.ZoneInfo(get(session, "default_timezone"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def money(session: Session, value, *, compact: bool = False, blank: str = "") -> str:
    """``value`` in the company's currency and format (common.money.format_money)."""
    return format_money(value, get(session, "default_currency"), compact=compact, blank=blank)


def money_number_format(session: Session) -> str:
    """The spreadsheet number format of amounts in the company's currency (exports keep
    amounts as numbers; this makes them read as on the page)."""
    return spreadsheet_format(get(session, "default_currency"))


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key) or Setting(key=key)
    row.value = value
    session.add(row)
    _forget_absent(session, key)


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


def update_defaults(session: Session, actor: Actor, values: dict[str, str], *, now: datetime) -> DefaultsView:
    """Validate every value first; write none unless all are good. Only the values that change
    are written (and remember who and when), so a save moves the version of those rows only."""
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
        elif key == "company_name":
            if len(value) > 100:
                errors[key] = "Use at most 100 characters."
        elif key in ("lead_label", "lead_label_plural"):
            if not 2 <= len(value) <= 30:
                errors[key] = "Use 2 to 30 characters."
        elif key in ("lead_title_from_master", "divisions_limit_access"):
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
    with versions.guard(PAGE):
        for key, value in clean.items():
            row = session.get(Setting, key)
            if value != (row.value if row else DEFAULTS[key]):
                row = row or Setting(key=key)
                row.value, row.updated_at, row.updated_by_id = value, now, actor.id
                session.add(row)
                _forget_absent(session, key)
        session.flush()
    return get_defaults(session, actor)


def edit_values(session: Session, actor: Actor) -> dict:
    """What the defaults page shows, and under "version" the version of each value's row (0: no
    row yet, the built-in default): the page keeps them and sends them back with its save."""
    values = dataclasses.asdict(get_defaults(session, actor))
    rows = {r.key: r.version for r in session.exec(select(Setting).where(Setting.key.in_(list(values))))}
    return values | {"version": {key: rows.get(key, 0) for key in values}}


def edit_defaults(session: Session, actor: Actor, values: dict[str, str], *, now: datetime, read: dict | None,
                  version: dict[str, int] | None) -> versions.Saved:
    """The defaults page's save. ``read`` and ``version`` are what it showed (``edit_values``):
    values saved meanwhile are kept unless this person changed the same ones, which is refused
    naming who, when and which (``versions.merge_edit``). Returns whose changes were kept."""
    require_admin(actor)
    current, note = edit_values(session, actor), ""
    moved = [k for k in values if k in current["version"] and current["version"][k] != version.get(k, 0)
             ] if version is not None else []
    if moved:
        values, note = _merge(session, values, read or {}, current, moved)
    update_defaults(session, actor, values, now=now)
    return versions.Saved(PAGE, note)


def _merge(session: Session, values: dict, read: dict, current: dict, moved: list[str]) -> tuple[dict, str]:
    """``merge_edit`` over the page's values; the refusal names whoever saved one of the rows
    that moved (``moved``) last."""
    rows = [row for key in moved if (row := session.get(Setting, key)) is not None]
    latest = max(rows, key=lambda r: r.updated_at.replace(tzinfo=None) if r.updated_at else datetime.min,
                 default=None)
    last = versions.last_save(session, latest) if latest else versions.LastSave("Someone", None)
    merged, fields = versions.merge_edit(what=PAGE, typed=values, read=read, current=current, last=last,
                                         labels=FORM_LABELS, tz=zone(session))
    return {k: v for k, v in merged.items() if k in DEFAULTS}, versions.merged_note(PAGE, last, fields)


@register_usage
def _used_as_default(session: Session, entry: MasterEntry) -> list[str]:
    keys = [k for k, kind in MASTER_SETTINGS.items() if kind == entry.kind]
    rows = session.exec(select(Setting).where(Setting.key.in_(keys), Setting.value == str(entry.id))).all()
    return [f"the {LABELS[r.key]} setting" for r in rows]
