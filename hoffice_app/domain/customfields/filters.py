"""Filters on custom fields for the lead and contact lists (and the board): a field, an operator
that fits its type, and a value.

Each filter becomes one more WHERE clause on the list's own query — "the record's id is (or is
not) among the ids holding such a value" — so the list stays one paged query, and its
visibility clause still decides which records the viewer may see: a filter only ever narrows.
The subqueries read the value table through its indexes: a select's (field, option, record) key,
(field, number, record) and (field, date, record).

A list carries its filters as one text (``encode_filters``), which its saved views store as is;
a filter on a field since switched off or removed is left out rather than failing the list.
Dates and times are days in the company's time zone, like the lead list's own date filters.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, as_id
from hoffice_app.domain.contacts import labels_by_code
from hoffice_app.domain.contacts import visible_clause as contact_visible
from hoffice_app.domain.customfields import kinds
from hoffice_app.domain.customfields.definitions import fields_of, options_of, record_column, value_table
from hoffice_app.domain.customfields.kinds import Invalid
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Contact, CustomField, Employee

ERROR_KEY = "custom"  # the key a ValidationError carries a filter's message under
MAX_FILTERS = 10
_TEXT = (("contains", "contains"), ("empty", "is empty"), ("not_empty", "is not empty"))
_NUMBER = (("eq", "="), ("gte", "≥"), ("lte", "≤"), ("between", "between"), ("empty", "is empty"))
_DATE = (("on", "on"), ("before", "before"), ("after", "after"), ("between", "between"), ("empty", "is empty"))
OPERATORS: dict[str, tuple[tuple[str, str], ...]] = {
    **{k: _TEXT for k in kinds.TEXT_KINDS},
    "number": _NUMBER, "amount": _NUMBER, "date": _DATE, "datetime": _DATE,
    "yes_no": (("yes", "is yes"), ("no", "is no"), ("empty", "is empty")),
    "select": (("any_of", "is any of"), ("empty", "is empty")),
    "multi_select": (("any_of", "has any of"), ("empty", "is empty")),
    "employee": (("is", "is"), ("empty", "is empty")),
    "contact": (("is", "is"), ("empty", "is empty")),
}
NO_VALUE = {"empty", "not_empty", "yes", "no"}  # operators that take no value


@dataclass(frozen=True)
class CustomFilter:
    """One filter as a list sends it: ``value`` as typed or chosen (option ids "3,5" for a
    select, an employee's id, a contact's code), ``to`` the upper end of "between"."""

    field: str  # the field's key
    op: str
    value: str = ""
    to: str = ""


def operators_for(kind: str) -> list[tuple[str, str]]:
    """(operator, label) pairs that fit ``kind``, the first the usual choice."""
    return list(OPERATORS.get(kind, ()))


def encode_filters(filters: list[CustomFilter]) -> str:
    """The filters as one text, for a list's query and its saved views ("" when none)."""
    return json.dumps([asdict(f) for f in filters], separators=(",", ":")) if filters else ""


def decode_filters(raw) -> list[CustomFilter]:
    """The filters ``encode_filters`` wrote; anything that does not read as one is left out
    (an old or hand-made link never breaks the list)."""
    try:
        data = json.loads(raw) if isinstance(raw, str) and raw.strip() else (raw or [])
    except ValueError:
        return []
    out = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and isinstance(item.get("field"), str) and isinstance(item.get("op"), str):
            out.append(CustomFilter(field=item["field"][:60], op=item["op"][:20],
                                    value=str(item.get("value") or "")[:500], to=str(item.get("to") or "")[:500]))
    return out[:MAX_FILTERS]


def filter_conditions(session: Session, actor: Actor, record: str, filters, *, target=None) -> list:
    """WHERE clauses on the record's id (``target``: the Lead.id / Contact.id column it is
    compared with) for ``filters`` (a list of CustomFilter or their encoded text). A bad value
    raises ValidationError({"custom": "Label: reason"}); a filter on a field that is no longer
    active is left out."""
    filters = decode_filters(filters) if not isinstance(filters, list) else filters
    if not filters:
        return []
    fields = {f.key: f for f in fields_of(session, record)}
    table, column = value_table(record), record_column(record)
    out = []
    for one in filters:
        row = fields.get(one.field)
        if row is None:
            continue
        if one.op not in dict(OPERATORS.get(row.kind, ())):
            raise ValidationError({ERROR_KEY: f"{row.label}: choose how to compare."})
        try:
            clause = _clause(session, actor, row, one, table)
        except Invalid as err:
            raise ValidationError({ERROR_KEY: f"{row.label}: {err}"}) from None
        ids = select(column).where(table.field_id == row.id, *([] if clause is None else [clause]))
        negate = one.op == "empty"
        target_col = target if target is not None else _target(record)
        out.append(target_col.not_in(ids) if negate else target_col.in_(ids))
    return out


def _target(record: str):
    from hoffice_app.models import Lead

    return Lead.id if record == "lead" else Contact.id


def _clause(session: Session, actor: Actor, row: CustomField, one: CustomFilter, table):
    """The value test inside the subquery (None: any value of the field)."""
    op, kind = one.op, row.kind
    if op in ("empty", "not_empty"):
        return None
    if kind in kinds.TEXT_KINDS:
        word = one.value.strip().lower()
        if not word:
            raise Invalid("type the text to look for.")
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return func.lower(table.text_value).like(f"%{escaped}%", escape="\\")
    if kind in ("number", "amount"):
        return _range(table.number_value, op, _number(one.value), _number(one.to) if op == "between" else None)
    if kind == "date":
        low, high = _day(one.value), (_day(one.to) if op == "between" else None)
        return _range(table.date_value, {"on": "eq", "before": "lt", "after": "gt"}.get(op, op), low, high)
    if kind == "datetime":
        return _moments(table.moment_value, op, one, app_settings.zone(session))
    if kind == "yes_no":
        return table.bool_value == (op == "yes")
    if kind in kinds.WITH_OPTIONS:
        return table.option_id.in_(_option_ids(session, row, one.value))
    if kind == "employee":
        return table.ref_id == _employee_id(session, one.value)
    return table.ref_id == _contact_id(session, actor, one.value)


def _number(text: str):
    if not str(text or "").strip():
        raise Invalid("enter a number.")
    return kinds.number(text, amount=False)


def _day(text: str) -> date:
    if not str(text or "").strip():
        raise Invalid("enter a date.")
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        raise Invalid("enter the date as YYYY-MM-DD, e.g. 2026-12-31.") from None


def _range(col, op: str, low, high):
    if op == "between":
        if high < low:
            raise Invalid("the second value must not be below the first.")
        return col.between(low, high)
    return {"eq": col == low, "gte": col >= low, "lte": col <= low, "lt": col < low, "gt": col > low}[op]


def _start(day: date, tz: ZoneInfo) -> datetime:
    """Midnight starting ``day`` in the company's zone, in UTC (the stored moments are UTC)."""
    try:
        return datetime.combine(day, time(), tz).astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise Invalid("enter a date between years 1 and 9998.") from None


def _moments(col, op: str, one: CustomFilter, tz: ZoneInfo):
    low = _day(one.value)
    if op == "before":
        return col < _start(low, tz)
    if op == "after":
        return col >= _start(low + timedelta(days=1), tz)
    high = _day(one.to) if op == "between" else low
    if high < low:
        raise Invalid("the second date must not be before the first.")
    return (col >= _start(low, tz)) & (col < _start(high + timedelta(days=1), tz))


def _option_ids(session: Session, row: CustomField, raw: str) -> list[int]:
    """Option ids ("3,5") or labels ("Retail|Wholesale") of this field; at least one."""
    options = options_of(session, [row.id])[row.id]
    by_id = {o.id: o.id for o in options}
    by_label = {o.label_key: o.id for o in options}
    chosen = []
    for part in str(raw or "").replace("|", ",").split(","):
        part = part.strip()
        found = by_id.get(as_id(part) or 0) if part.isdigit() else by_label.get(" ".join(part.casefold().split()))
        if part and found is None:
            raise Invalid(f"“{part}” is not one of its options.")
        if found is not None and found not in chosen:
            chosen.append(found)
    if not chosen:
        raise Invalid("choose at least one option.")
    return chosen


def _employee_id(session: Session, raw: str) -> int:
    text = str(raw or "").strip()
    found = session.exec(select(Employee.id).where(Employee.code == text.upper())).first() if text else None
    if found is None and text.isdigit():
        found = session.exec(select(Employee.id).where(Employee.id == int(text))).first()
    if found is None:
        raise Invalid("choose an employee." if not text else f"no employee with the code “{text}”.")
    return found


def _contact_id(session: Session, actor: Actor, raw: str) -> int:
    """Only a contact the viewer may see: otherwise the filter would tell which records a
    private contact is on."""
    code = str(raw or "").strip().upper()
    if not code:
        raise Invalid("enter a contact's code, e.g. C000123.")
    found = session.exec(select(Contact.id).where(Contact.code == code, contact_visible(session, actor))).first()
    if found is None:
        raise Invalid(f"no contact with the code “{code}” that you may see.")
    return found


@dataclass(frozen=True)
class FilterField:
    """A field a list can filter on, with what its filter control offers."""

    key: str
    label: str
    kind: str
    operators: list[tuple[str, str]]
    options: list[tuple[str, str]]  # (option id, label) for selects, in order


def filter_fields(session: Session, record: str) -> list[FilterField]:
    """The active fields of ``record`` in form order, each with its operators and what its value
    is chosen from: a select's options, an employee field's active employees."""
    fields = fields_of(session, record)
    options = options_of(session, [f.id for f in fields if f.kind in kinds.WITH_OPTIONS])
    people = []
    if any(f.kind == "employee" for f in fields):
        people = [(str(i), name) for i, name in session.exec(
            select(Employee.id, Employee.name).where(Employee.active == True).order_by(Employee.name))]  # noqa: E712
    return [FilterField(key=f.key, label=f.label, kind=f.kind, operators=operators_for(f.kind),
                        options=people if f.kind == "employee" else
                        [(str(o.id), o.label) for o in options.get(f.id, [])]) for f in fields]


def contact_names(session: Session, actor: Actor, fields: list[FilterField], filters) -> dict[str, str]:
    """The contacts the filters on contact fields name, as ``describe_filters`` shows them:
    code → "Name · C000123", only those ``actor`` may see (another stays a bare code)."""
    filters = decode_filters(filters) if not isinstance(filters, list) else filters
    contact_fields = {f.key for f in fields if f.kind == "contact"}
    return labels_by_code(session, actor, (f.value for f in filters if f.field in contact_fields))


def describe_filters(fields: list[FilterField], filters, contacts: dict[str, str] | None = None) -> list[str]:
    """Each filter in words, as its chip shows it ("Industry is any of Retail, Wholesale");
    "" for one on a field no longer active (it is not applied either). ``fields``: filter_fields;
    ``contacts``: contact_names (a contact filter names the contact, else its code)."""
    filters = decode_filters(filters) if not isinstance(filters, list) else filters
    by_key = {f.key: f for f in fields}
    out = []
    for one in filters:
        row = by_key.get(one.field)
        op = dict(row.operators).get(one.op) if row else None
        if row is None or op is None:
            out.append("")
            continue
        value = one.value
        if row.kind == "contact":
            value = (contacts or {}).get(value.strip().upper(), value)
        if row.options:
            names = dict(row.options)
            value = ", ".join(names.get(p.strip(), p.strip()) for p in value.replace("|", ",").split(",") if p.strip())
        if one.op in NO_VALUE:
            out.append(f"{row.label} {op}")
        elif one.op == "between":
            out.append(f"{row.label} between {value} and {one.to}")
        else:
            out.append(f"{row.label} {op} {value}")
    return out
