"""The tables an import writes (``T``) and the child rows of an imported contact,
as plain tuples in ``COLUMNS`` order (shared by ``commit.py`` and ``commit_update.py``)."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from hoffice_app.domain.customfields import TEXT_KINDS
from hoffice_app.importer.check import custom
from hoffice_app.importer.check.context import Context
from hoffice_app.importer.check.normalize import PHONE_SLOTS, Parsed
from hoffice_app.models import (
    Contact,
    ContactAddress,
    ContactAlias,
    ContactAssociation,
    ContactCategory,
    ContactCustomValue,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    ContactPrivacy,
)

T = {m.__tablename__: m.__table__ for m in (Contact, ContactEmail, ContactPhone, ContactAddress, ContactAlias,
                                            ContactCategory, ContactDivision, ContactPrivacy, ContactAssociation,
                                            ContactCustomValue)}

SLOT = {key: (kind, 0 if key in ("mobile", "office_phone", "other_number") else 1) for key, kind, _m in PHONE_SLOTS}
ADDRESS_PARTS = ("line1", "line2", "area", "district", "city", "state", "pin")
COLUMNS = {
    "contact_email": ("contact_id", "email", "email_key", "is_primary"),
    "contact_phone": ("contact_id", "kind", "number", "is_primary"),
    "contact_address": ("contact_id", *ADDRESS_PARTS, "country", "address_type_id", "is_default"),
    "contact_alias": ("contact_id", "alias"),
    "contact_category": ("contact_id", "category_id"),
    "contact_division": ("contact_id", "division_id"),
    "contact_privacy": ("contact_id", "employee_id"),
    "contact_association": ("contact_id", "related_contact_id", "relation_id", "created_by_id", "created_at"),
}


def by_kind(phones: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for kind, number in phones:
        out[kind].append(number)
    return out


def new_phones(row: Parsed) -> list[tuple[str, str]]:
    """``phones_after(row, {})`` for a new contact, quicker: the row's numbers are distinct
    (``parse_row``) and its slots already in PHONE_SLOTS order, so kinds come grouped."""
    return [(SLOT[slot][0], number) for slot, number in row.phones.items()]


def phones_after(row: Parsed, current: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The contact's phones after the row's slots are applied, primaries first per kind."""
    lists = {kind: list(current.get(kind, [])) for kind in ("mobile", "office", "other")}
    for slot, number in row.phones.items():
        kind, index = SLOT[slot]
        numbers = lists[kind]
        if index < len(numbers):
            numbers[index] = number
        else:
            numbers.append(number)
    out: list[tuple[str, str]] = []
    for kind, numbers in lists.items():
        for n in numbers:
            if (kind, n) not in out:
                out.append((kind, n))
    return out


def phone_rows(cid: int, phones: list[tuple[str, str]]) -> list[tuple]:
    seen: set[str] = set()
    rows = []
    for kind, number in phones:
        rows.append((cid, kind, number, kind not in seen))
        seen.add(kind)
    return rows


def email_row(cid: int, email: str, primary: bool) -> tuple:
    return cid, email, email.lower(), primary


def address(ctx: Context, cid: int, row: Parsed, existing) -> dict:
    """The default address after the row's parts (``existing``: the current default, or None)."""
    base = {p: getattr(existing, p) if existing is not None else "" for p in ADDRESS_PARTS}
    base["address_type_id"] = existing.address_type_id if existing is not None else ctx.default_address_type_id
    base.update(row.address)
    if not base["address_type_id"]:
        base["address_type_id"] = ctx.default_address_type_id
    return {**base, "contact_id": cid, "is_default": True}


def address_row(values: dict) -> tuple:
    return tuple(values[c] for c in COLUMNS["contact_address"])


def list_rows(children: dict, cid: int, row: Parsed) -> None:
    """Alias, category, division and (for a private contact) privacy rows of one contact."""
    if row.aliases:
        children["contact_alias"] += [(cid, a) for a in row.aliases]
    if row.category_ids:
        children["contact_category"] += [(cid, i) for i in row.category_ids]
    if row.division_ids:
        children["contact_division"] += [(cid, i) for i in row.division_ids]
    if row.values.get("is_private") and row.privacy_ids:
        children["contact_privacy"] += [(cid, i) for i in row.privacy_ids]


def association_row(cid: int, row: Parsed, actor_id: int, now: datetime) -> tuple:
    return cid, row.related_id, row.relation_id, actor_id, now


class CustomValues:
    """The contact_custom_value rows of a chunk's checked custom values (``Parsed.custom``),
    gathered per field and value column and written as one narrow INSERT each: (contact, option)
    for a select — one row per chosen option of a multi-select — and (contact, value) with
    option 0 for the other types, the field (and option 0) bound once per statement, the
    values of one field in key order. (A row per value with all six value columns, five of them
    empty, was built, bind-processed and JSON-encoded by the submit's busy thread; grouped, ten
    custom columns add ~0.15 s of its CPU at 100,000 contacts: BENCHMARKS.md.)"""

    def __init__(self) -> None:
        self.groups: dict[tuple[int, str], list[tuple]] = defaultdict(list)

    def add(self, cid: int, pairs_by_field: dict[int, list]) -> None:
        groups = self.groups
        for field_id, pairs in pairs_by_field.items():
            for column, value in pairs:
                groups[(field_id, column)].append((cid, value))

    def write(self, pipe) -> None:
        """Queue the gathered rows on ``pipe`` (after the contacts they belong to), then forget them."""
        table = T["contact_custom_value"]
        for (field_id, column), pairs in self.groups.items():
            if column == "option_id":
                pipe.insert(table, ("contact_id", "option_id"), pairs, fixed={"field_id": field_id})
                continue
            if column in custom.TYPED:  # stored as plain values between the review and the submit
                seen: dict = {}
                pairs = [(cid, seen[v] if v in seen else seen.setdefault(v, custom.typed(column, v)))
                         for cid, v in pairs]
            pipe.insert(table, ("contact_id", column), pairs, fixed={"field_id": field_id, "option_id": 0})
        self.groups.clear()


def text_fields(ctx: Context) -> list[int]:
    """The ids of the active text-type contact fields, in form order: their values are searched
    (the contact's search text ends with them, after common.CUSTOM_MARK)."""
    return [c.id for c in ctx.custom.columns.values() if c.kind in TEXT_KINDS]


def custom_words(order: list[int], pairs_by_field: dict[int, list]) -> str:
    """The search words of a contact's text-type custom values, as customfields.search_words
    gives them (case-folded, in form order)."""
    return " ".join(str(value).casefold() for field_id in order for column, value in pairs_by_field.get(field_id, ())
                    if column == "text_value" and str(value).strip())


def custom_defaults(ctx: Context) -> dict[int, list]:
    """Field id -> its default as stored pairs, for the fields that have one (read once per import)."""
    return {c.id: list(c.default) for c in ctx.custom.columns.values() if c.default}


def with_defaults(defaults: dict[int, list], pairs_by_field: dict[int, list]) -> dict[int, list]:
    """A new contact's custom values: the row's, and each field's default where it gave none."""
    if not defaults:
        return pairs_by_field
    missing = {k: v for k, v in defaults.items() if k not in pairs_by_field}
    return {**pairs_by_field, **missing} if missing else pairs_by_field
