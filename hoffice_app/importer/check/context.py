"""Everything a row check needs from the database, read once per import.

The rules in ``rules.py`` are pure functions of a cell's text and this
context, so checking a row costs no query; the few facts that do need the
database per row (contact codes, Relation To, duplicates) are looked up in
batches by ``lookups.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

import pycountry
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, as_id
from hoffice_app.domain.masters import name_key
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.importer.check.custom import CustomFacts, load
from hoffice_app.models import Employee, MasterEntry

# Names people write that ISO 3166 does not list.
COUNTRY_ALIASES = {"uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
                   "wales": "GB", "usa": "US", "u.s.a.": "US", "u.s.": "US", "america": "US", "uae": "AE",
                   "u.a.e.": "AE", "south korea": "KR", "korea": "KR", "north korea": "KP", "russia": "RU",
                   "vietnam": "VN", "iran": "IR", "syria": "SY", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
                   "tanzania": "TZ", "moldova": "MD", "czech republic": "CZ", "holland": "NL", "burma": "MM",
                   "ivory coast": "CI", "turkey": "TR", "taiwan": "TW", "hong kong": "HK", "macau": "MO"}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-case name, official name, common name, alpha-2 and alpha-3 → alpha-2."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                out.setdefault(value.casefold(), c.alpha_2)
    for alias, code in COUNTRY_ALIASES.items():
        out.setdefault(alias, code)
    return out


@lru_cache(maxsize=1)
def country_display() -> dict[str, str]:
    """alpha-2 → the name export writes (common name where ISO's is long)."""
    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


def title_key(name: str) -> str:
    """"mr", "Mr." and "MR ." are one title."""
    return name_key(name).rstrip(". ").strip()


@dataclass
class Context:
    actor_id: int
    actor_is_admin: bool
    today: date
    masters: dict[str, dict[str, int]]  # kind -> name_key -> id (titles keyed by title_key)
    master_names: dict[str, list[str]]  # kind -> display names, for messages
    classes_by_code: dict[str, tuple[int, str]]  # lower code -> (id, name)
    class_codes: dict[int, str]  # id -> code
    segment_parent: dict[int, int]
    employees: dict[str, int]  # upper-case employee code -> id
    employee_names: dict[str, int | None]  # name_key -> id (None: two employees share it)
    default_title_id: int | None
    default_country: str
    default_currency: str
    default_timezone: str
    default_address_type_id: int | None
    countries: dict[str, str] = field(default_factory=country_names)
    currencies: frozenset[str] = field(default_factory=frozenset)
    memo: dict[str, dict] = field(default_factory=dict)  # per column: cell text -> (value, problem)
    # normalize._one_value_fields: the simple cells' rules and memos, built on first use in each process
    one_value_fields: tuple | None = None
    custom: CustomFacts = field(default_factory=CustomFacts)  # the active custom contact fields


def build_context(session: Session, actor: Actor, now: datetime) -> Context:
    masters: dict[str, dict[str, int]] = {}
    names: dict[str, list[str]] = {}
    by_code: dict[str, tuple[int, str]] = {}
    codes: dict[int, str] = {}
    parents: dict[int, int] = {}
    rows = session.exec(select(MasterEntry.id, MasterEntry.kind, MasterEntry.name, MasterEntry.code,
                               MasterEntry.parent_id, MasterEntry.active)
                        .order_by(MasterEntry.position, MasterEntry.id)).all()
    for id_, kind, name, code, parent, active in rows:
        key = title_key(name) if kind == "title" else name_key(name)
        masters.setdefault(kind, {}).setdefault(key, id_)
        if active:
            names.setdefault(kind, []).append(name)
        if kind == "class" and code:
            by_code.setdefault(code.strip().casefold(), (id_, name))
            codes[id_] = code
        if kind == "segment" and parent:
            parents[id_] = parent
    employees: dict[str, int] = {}
    employee_names: dict[str, int | None] = {}
    for id_, code, name in session.exec(select(Employee.id, Employee.code, Employee.name)).all():
        employees[code.upper()] = id_
        key = name_key(name)
        employee_names[key] = None if key in employee_names else id_
    get = app_settings.get
    return Context(actor_id=actor.id, actor_is_admin=actor.is_admin, today=app_settings.local_today(session, now),
                   masters=masters, master_names=names, classes_by_code=by_code, class_codes=codes,
                   segment_parent=parents, employees=employees, employee_names=employee_names,
                   default_title_id=as_id(get(session, "default_title")),
                   default_country=get(session, "default_country"),
                   default_currency=get(session, "default_currency"),
                   default_timezone=get(session, "default_timezone"),
                   default_address_type_id=as_id(get(session, "default_address_type")),
                   currencies=frozenset(o.value for o in app_settings.currency_options()),
                   custom=load(session, actor, zone=get(session, "default_timezone"),
                               country=get(session, "default_country")))
