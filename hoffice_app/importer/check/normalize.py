"""One spreadsheet row → a ``Parsed`` row: clean values plus every problem.

Blank cells are "not given": a new contact takes the defaults (title,
country, currency, type of address…), an updated contact keeps what it has.
Each non-blank cell goes through its rule in ``rules.py``; every failing cell
adds a (column, value, reason) problem, so the user sees all of a row's
problems at once. No database access here: what needs the database (contact
codes, Relation To, Reference, duplicates) is resolved in batches by
``lookups.py`` and ``duplicates.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hoffice_app.domain.contacts import TEXT_LIMITS
from hoffice_app.importer.check import custom, rules
from hoffice_app.importer.check.context import Context
from hoffice_app.importer.read.columns import label

# field key -> (model column, character limit) for plain text cells
TEXT_FIELDS = {k: (k, TEXT_LIMITS[k]) for k in ("designation", "website", "skype", "linkedin", "instagram",
                                                "facebook", "youtube", "twitter", "transporter_id", "vat_number",
                                                "cst_number", "st_number", "tan_number")}
MASTER_FIELDS = {"price_list": ("price_list_id", "price_list", "price list"),
                 "industry": ("industry_id", "industry", "industry")}
CODED_FIELDS = {"gst_registration_type": ("gst_registration_type", rules.gst_registration_type),
                "gst_member_type": ("sez_type", rules.gst_member_type),
                "gender": ("gender", rules.gender),
                "business_contact_type": ("business_contact_type", rules.business_contact_type)}
WARNED_FIELDS = {"pan": ("pan", rules.pan), "gstin": ("gstin", rules.gstin), "aadhaar": ("aadhaar", rules.aadhaar)}
DATE_FIELDS = ("date_of_birth", "anniversary", "date_of_death")
PHONE_SLOTS = (("mobile", "mobile", True), ("mobile1", "mobile", True), ("office_phone", "office", False),
               ("office_phone1", "office", False), ("other_number", "other", False))
ADDRESS_FIELDS = {"address1": ("line1", 200), "address2": ("line2", 200), "area": ("area", 100),
                  "district": ("district", 100), "city": ("city", 100), "state": ("state", 100)}
MAX_REMARKS = 5000  # as the form
# Columns whose few distinct values repeat down a sheet (masters, codes, places, dates): each
# distinct cell is checked once per import. Phones and PINs are not here: they depend on the country.
MEMO_KEYS = frozenset({"title", "contact_type", "price_list", "industry", "address_type", "relation", "division",
                       "category", "country", "currency", "gender", "gst_registration_type", "gst_member_type",
                       "business_contact_type", "date_of_birth", "anniversary", "date_of_death", "state", "city",
                       "district", "area", "designation"})
MEMO_LIMIT = 20_000  # distinct values remembered per column


@dataclass
class Facts:
    """What a row that updates an existing contact needs to know about it."""

    id: int
    code: str
    name: str
    country: str
    date_of_birth: date | None
    date_of_death: date | None


@dataclass
class Parsed:
    number: int
    cells: list[str] | bytes  # bytes: still packed, as a spool keeps them (spool.cells_of)
    code: str = ""
    target: Facts | None = None  # the contact this row updates
    values: dict = field(default_factory=dict)  # Contact column -> value, given cells only
    email: str = ""
    phones: dict[str, str] = field(default_factory=dict)  # slot (field key) -> E.164
    address: dict | None = None  # given address parts (+ country, address_type_id)
    aliases: list[str] | None = None  # None: not given
    category_ids: list[int] | None = None
    division_ids: list[int] | None = None
    privacy_ids: list[int] | None = None
    relation_id: int | None = None
    relation_to: str = ""
    related_id: int | None = None
    reference: str = ""
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str, str]] = field(default_factory=list)
    custom: dict[int, list] = field(default_factory=dict)  # custom field id -> stored pairs (check/custom.py)

    def problem(self, key: str, value: str, reason: str, *, warning: bool = False) -> None:
        (self.warnings if warning else self.errors).append((label(key), value, reason))

    @property
    def mobiles(self) -> list[str]:
        return [n for slot, n in self.phones.items() if slot.startswith("mobile")]


def cells_by_key(cells: list[str], columns: dict[str, int]) -> dict[str, str]:
    return {key: cells[i] for key, i in columns.items() if cells[i]}


def parse_row(number: int, cells: list[str], t: dict[str, str], ctx: Context, target: Facts | None) -> Parsed:
    """``t``: the row's non-blank cells by field key; ``target``: the contact a
    Contact Code names (None for a new contact, or when the code is unknown)."""
    row = Parsed(number, cells, target=target)
    v = row.values

    def check(key: str, fn, *args, **kwargs):
        text = t[key]
        if key not in MEMO_KEYS:
            try:
                return fn(text, *args, **kwargs)
            except rules.Invalid as err:
                row.problem(key, text, str(err))
                return None
        memo = ctx.memo.setdefault(key, {})
        hit = memo.get(text) or _remember(memo, text, fn, args, kwargs)
        if hit[1]:
            row.problem(key, text, hit[1])
            return None
        return list(hit[0]) if type(hit[0]) is list else hit[0]

    if "contact_code" in t:
        row.code = check("contact_code", rules.contact_code) or ""
    if "name" in t:
        v["name"] = check("name", rules.name)
        v["name_key"] = (v["name"] or "").casefold()
    elif target is None:
        row.problem("name", "", "Enter the contact's name.")
    if "contact_type" in t:
        v["contact_type_id"] = check("contact_type", rules.contact_type, ctx)
    elif target is None:
        row.problem("contact_type", "", "Enter the type of contact: Customer, Vendor, Both or Other.")
    if ctx.one_value_fields is None:
        ctx.one_value_fields = _one_value_fields(ctx)
    first, dates, address = ctx.one_value_fields
    _set_values(row, t, first)
    country = v.get("country") or (target.country if target else ctx.default_country)
    for key, (column, fn) in WARNED_FIELDS.items():
        if key in t and (found := check(key, fn)) is not None:
            v[column], warning = found
            if warning:
                row.problem(key, t[key], warning, warning=True)
    _set_values(row, t, dates)
    _dates_in_order(row, t, target)
    if "annual_revenue" in t:
        v["annual_revenue"] = check("annual_revenue", rules.amount)
    if "currency" in t:
        v["currency"] = check("currency", rules.currency, ctx)
    if "class_name" in t or "class_code" in t:
        try:
            v["class_id"] = rules.class_entry(t.get("class_name", ""), t.get("class_code", ""), ctx)
        except rules.Invalid as err:
            key = "class_name" if "class_name" in t else "class_code"
            row.problem(key, t[key], str(err))
    if "remarks" in t:
        v["remarks"] = t["remarks"][:MAX_REMARKS]
    if "email" in t:
        row.email = check("email", rules.email) or ""
    _phones(row, t, country)
    _address(row, t, ctx, country, check, address)
    _lists(row, t, ctx, check)
    _relation(row, t, ctx, check)
    row.reference = t.get("reference", "")
    if ctx.custom.columns:
        custom.check_row(row, t, ctx.custom, ctx.memo, target is None)
    return row


def _one_value_fields(ctx: Context) -> tuple[list, list, list]:
    """(key, column, rule, the rule's other arguments, memo or None) of the cells that each
    become one value and nothing more, in the order their problems are listed: the ones before
    the warned numbers, the dates, the address's lines and places. Built once per import;
    ``_set_values`` checks them in one loop, where a call through ``check`` per cell was a
    tenth of the review's CPU."""
    def spec(key: str, column: str, rule, *args) -> tuple:
        return key, column, rule, args, ctx.memo.setdefault(key, {}) if key in MEMO_KEYS else None

    first = [spec("title", "title_id", rules.title, ctx), spec("country", "country", rules.country, ctx),
             *(spec(key, column, rules.master, ctx, kind, noun) for key, (column, kind, noun) in MASTER_FIELDS.items()),
             *(spec(key, column, rules.limited, limit) for key, (column, limit) in TEXT_FIELDS.items()),
             *(spec(key, column, fn) for key, (column, fn) in CODED_FIELDS.items())]
    return first, [spec(key, key, rules.day, ctx.today) for key in DATE_FIELDS], \
        [spec(key, column, rules.limited, limit) for key, (column, limit) in ADDRESS_FIELDS.items()]


def _set_values(row: Parsed, t: dict[str, str], fields: list[tuple], v: dict | None = None) -> None:
    """``check`` for each of ``fields`` (``_one_value_fields``) the row has, inline; the values
    go into ``v`` (the row's values when None)."""
    v = row.values if v is None else v
    for key, column, rule, args, memo in fields:
        text = t.get(key)
        if text is None:
            continue
        if memo is None:
            try:
                v[column] = rule(text, *args)
            except rules.Invalid as err:
                v[column] = None
                row.problem(key, text, str(err))
            continue
        hit = memo.get(text) or _remember(memo, text, rule, args, {})
        if hit[1]:
            v[column] = None
            row.problem(key, text, hit[1])
        else:
            v[column] = list(hit[0]) if type(hit[0]) is list else hit[0]


def _remember(memo: dict, text: str, rule, args: tuple, kwargs: dict) -> tuple:
    """(value, "") or (None, problem) of a cell text not yet in ``memo``, kept there (up to a limit)."""
    try:
        hit = (rule(text, *args, **kwargs), "")
    except rules.Invalid as err:
        hit = (None, str(err))
    if len(memo) < MEMO_LIMIT:
        memo[text] = hit
    return hit


def _dates_in_order(row: Parsed, t: dict, target: Facts | None) -> None:
    v = row.values
    born = v.get("date_of_birth") or (target.date_of_birth if target else None)
    died = v.get("date_of_death") or (target.date_of_death if target else None)
    if born and died and died < born:
        key = "date_of_death" if "date_of_death" in t else "date_of_birth"
        row.problem(key, t[key], "The date of death must come after the date of birth.")


def _phones(row: Parsed, t: dict, country: str) -> None:
    """The row's distinct numbers by slot (each checked for ``country``, as ``check`` would)."""
    for key, _kind, mobile in PHONE_SLOTS:
        text = t.get(key)
        if text is None:
            continue
        try:
            number = rules.phone(text, country, mobile=mobile)
        except rules.Invalid as err:
            row.problem(key, text, str(err))
            continue
        if number and number not in row.phones.values():
            row.phones[key] = number


def _address(row: Parsed, t: dict, ctx: Context, country: str, check, fields: list[tuple]) -> None:
    parts: dict = {}
    _set_values(row, t, fields, parts)
    if "pin" in t:
        parts["pin"] = check("pin", rules.pin, country)
    if "state" in parts and parts["state"]:
        parts["state"] = parts["state"].upper()
    type_id = check("address_type", rules.master, ctx, "address_type", "type of address") \
        if "address_type" in t else None
    if parts or type_id:
        row.address = {**parts, "country": country}
        if type_id:
            row.address["address_type_id"] = type_id


def _lists(row: Parsed, t: dict, ctx: Context, check) -> None:
    if "aliases" in t:
        row.aliases = check("aliases", rules.aliases)
    if "category" in t:
        row.category_ids = check("category", rules.master_list, ctx, "contact_category", "category")
    if "division" in t:
        row.division_ids = check("division", rules.master_list, ctx, "division", "division")
    if "privacy" in t:
        ids, warning = rules.privacy(t["privacy"], ctx)
        if warning:
            row.problem("privacy", t["privacy"], warning, warning=True)
        if ids and not ctx.actor_is_admin and ctx.actor_id not in ids:
            ids.append(ctx.actor_id)  # as the form: whoever makes a contact private keeps seeing it
        row.privacy_ids = ids
        row.values["is_private"] = bool(ids)


def _relation(row: Parsed, t: dict, ctx: Context, check) -> None:
    if ("relation" in t) != ("relation_to" in t):
        missing = "relation_to" if "relation" in t else "relation"
        row.problem(missing, "", "Fill in both Relation and Relation To, or neither.")
        return
    if "relation" in t:
        row.relation_id = check("relation", rules.master, ctx, "relation", "relation")
        row.relation_to = t["relation_to"]
