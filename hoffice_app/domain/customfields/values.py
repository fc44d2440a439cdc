"""A record's custom field values: checked and written with the record's own save (so the
record's version check covers them), read back for forms, pages and exports.

Values come as text, as people type them (a form, a spreadsheet cell, the command line);
``check_value`` turns one into the rows it is stored as, or refuses it with a message naming
what is wrong. Selects match their options whatever the case and store the option, which
then shows in its own spelling.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError
from hoffice_app.domain.contacts import can_see, hidden_ids
from hoffice_app.domain.customfields import kinds
from hoffice_app.domain.customfields.definitions import fields_of, options_of, record_column, value_table
from hoffice_app.domain.customfields.kinds import LIST_SPLIT, Invalid, Typed
from hoffice_app.domain.customfields.search import refresh_search_words
from hoffice_app.domain.masters import name_key
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Contact, CustomField, Employee

PRIVATE_CONTACT = "Private contact"


@dataclass(frozen=True)
class FieldValue:
    """One field of one record as a page shows it."""

    key: str
    label: str
    kind: str
    section: str
    shown: str  # "₹1,50,000", "Retail, Wholesale", "" when empty
    raw: str  # as the form's input takes it back ("150000", "Retail|Wholesale", "2026-12-31T10:30")


def form_key(row: CustomField) -> str:
    """The key a form's data carries a field's value under."""
    return f"cf_{row.key}"


def check_value(session: Session, row: CustomField, raw, *, actor: Actor | None = None) -> list[Typed]:
    """``raw`` (text, or a list for a multi-select) as the rows it is stored as ([] when empty),
    or ValidationError with the reason."""
    try:
        return _typed(session, row, raw, actor)
    except Invalid as err:
        raise ValidationError({form_key(row): str(err)}) from None


def _typed(session: Session, row: CustomField, raw, actor: Actor | None) -> list[Typed]:
    parts = [p for p in (raw if isinstance(raw, (list, tuple)) else LIST_SPLIT.split(str(raw or "")))
             if str(p).strip()] if row.kind == "multi_select" else None
    text = "" if parts is not None else str(raw if raw is not None else "").strip()
    if not parts if parts is not None else not text:
        return []
    kind = row.kind
    if kind in ("select", "multi_select"):
        options = {o.label_key: o for o in options_of(session, [row.id])[row.id]}
        chosen = []
        for part in parts if parts is not None else [text]:
            option = options.get(name_key(str(part)))
            if option is None or not option.active:
                allowed = ", ".join(o.label for o in options.values() if o.active)
                raise Invalid(f"“{str(part).strip()}” is not one of the options ({allowed}).")
            if option.id not in chosen:
                chosen.append(option.id)
        return [Typed("option_id", option_id) for option_id in chosen]
    if kind in ("number", "amount"):
        return [Typed("number_value", kinds.number(text, amount=kind == "amount"))]
    if kind == "date":
        return [Typed("date_value", kinds.day(text))]
    if kind == "datetime":
        return [Typed("moment_value", kinds.moment(text, app_settings.get(session, "default_timezone")))]
    if kind == "yes_no":
        return [Typed("bool_value", kinds.yes_no(text))]
    if kind == "email":
        return [Typed("text_value", kinds.email(text))]
    if kind == "phone":
        return [Typed("text_value", kinds.phone(text, app_settings.get(session, "default_country")))]
    if kind == "url":
        return [Typed("text_value", kinds.url(text))]
    if kind == "employee":
        employee = session.exec(select(Employee).where(Employee.code == text.upper())).first()
        if employee is None and text.isdigit():
            employee = session.get(Employee, int(text))
        if employee is None or not employee.active:
            raise Invalid(f"No active employee with the code “{text}”.")
        return [Typed("ref_id", employee.id)]
    if kind == "contact":
        contact = session.exec(select(Contact).where(Contact.code == text.upper())).first()
        if contact is None and text.isdigit():
            contact = session.get(Contact, int(text))
        if contact is None or (actor is not None and not can_see(session, actor, contact.id)):
            raise Invalid(f"No contact with the code “{text}” that you may see.")
        return [Typed("ref_id", contact.id)]
    return [Typed("text_value", kinds.plain(kind, text))]


def may_edit(actor: Actor, row: CustomField) -> bool:
    return actor.is_admin or actor.role in row.edit_roles.split(",")


def write_values(session: Session, actor: Actor, record: str, record_id: int, data: dict, *,
                 creating: bool) -> bool:
    """Write the values ``data`` carries (``cf_<key>`` → text) for the record's active fields.

    A new record takes each field's default when nothing was typed; a required field must end
    with a value. A field the actor's role may not edit keeps its value (a change is refused,
    naming who may). Every error is collected, keyed by field, and nothing is written when there
    is one. Returns whether anything changed."""
    fields = fields_of(session, record)
    current = _stored(session, record, [record_id]).get(record_id, {})
    errors: dict[str, str] = {}
    planned: dict[int, list[Typed]] = {}
    for row in fields:
        key = form_key(row)
        had = current.get(row.id, [])
        if key in data:
            try:
                typed = check_value(session, row, data[key], actor=actor)
            except ValidationError as err:
                errors[key] = f"{row.label}: {err}"
                continue
        else:
            typed = had
        if creating and not typed and row.default_value:  # nothing typed (or no such column): the default
            typed = check_value(session, row, row.default_value)
        if row.required and not typed:
            errors[key] = f"{row.label}: enter a value, it is required."
            continue
        if _same(typed, had):
            continue
        if not may_edit(actor, row):
            roles = row.edit_roles.replace(",", ", ")
            errors[key] = f"{row.label}: only {roles} may change it."
            continue
        planned[row.id] = typed
    if errors:
        raise ValidationError(errors)
    table, column = value_table(record), record_column(record)
    for field_id, typed in planned.items():
        session.exec(delete(table).where(column == record_id, table.field_id == field_id))
        for one in typed:
            values = {one.column: one.value, "option_id": one.value if one.column == "option_id" else 0}
            session.add(table(field_id=field_id, **{column.key: record_id}, **values))
    if planned:
        session.flush()
        if any(row.kind in kinds.TEXT_KINDS for row in fields if row.id in planned):
            refresh_search_words(session, record, [record_id])
    return bool(planned)


def _same(a: list[Typed], b: list[Typed]) -> bool:
    """The same values (5000.00 typed is the 5000.0000 stored)."""
    def key(t: Typed):
        return t.column, str(t.value.normalize() if isinstance(t.value, Decimal) else t.value)
    return sorted(map(key, a)) == sorted(map(key, b))


def _stored(session: Session, record: str, record_ids) -> dict[int, dict[int, list[Typed]]]:
    """record id → field id → its stored rows as Typed."""
    ids = set(record_ids)
    if not ids:
        return {}
    table, column = value_table(record), record_column(record)
    out: dict[int, dict[int, list[Typed]]] = {}
    for v in session.exec(select(table).where(column.in_(ids))):
        typed = _as_typed(v)
        if typed is not None:
            out.setdefault(getattr(v, column.key), {}).setdefault(v.field_id, []).append(typed)
    return out


def _as_typed(v) -> Typed | None:
    if v.option_id:
        return Typed("option_id", v.option_id)
    for column in ("text_value", "number_value", "date_value", "moment_value", "bool_value", "ref_id"):
        if getattr(v, column) is not None:
            return Typed(column, getattr(v, column))
    return None


def read_values(session: Session, actor: Actor, record: str, record_ids, *, active_only: bool = True
                ) -> dict[int, list[FieldValue]]:
    """record id → every field (in form order) with its value as ``actor`` may read it: a
    contact the actor may not see reads "Private contact"."""
    fields = fields_of(session, record, active_only=active_only)
    stored = _stored(session, record, record_ids)
    names = _names(session, actor, fields, stored)
    zone, currency = app_settings.get(session, "default_timezone"), app_settings.get(session, "default_currency")
    out = {}
    for record_id in record_ids:
        mine = stored.get(record_id, {})
        out[record_id] = [_field_value(row, mine.get(row.id, []), names, zone, currency) for row in fields]
    return out


def _field_value(row: CustomField, typed: list[Typed], names: dict, zone: str, currency: str) -> FieldValue:
    nick = {"ref_id": names["employee" if row.kind == "employee" else "contact"], "option_id": names["option"]}
    if row.kind == "multi_select":  # in the options' order
        typed = sorted(typed, key=lambda t: (names["order"].get(t.value, 0), t.value))
    shown = [kinds.shown(row.kind, t, zone=zone, currency=currency, names=nick.get(t.column)) for t in typed]
    return FieldValue(key=row.key, label=row.label, kind=row.kind, section=row.section, shown=", ".join(shown),
                      raw=_raw(row, typed, names, zone))


def _raw(row: CustomField, typed: list[Typed], names: dict, zone: str) -> str:
    if not typed:
        return ""
    value = typed[0].value
    if row.kind in ("select", "multi_select"):
        return "|".join(names["option"].get(t.value, "") for t in typed)
    if row.kind == "datetime":
        return value.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")
    if row.kind == "date":
        return value.isoformat()
    if row.kind == "yes_no":
        return "yes" if value else "no"
    if row.kind in ("number", "amount"):
        return f"{value.normalize():f}"
    if row.kind in ("employee", "contact"):
        return names["codes"].get((row.kind, value), "")
    return str(value)


def _names(session: Session, actor: Actor, fields: list[CustomField], stored: dict) -> dict:
    kind_of = {f.id: f.kind for f in fields}
    refs = {"employee": set(), "contact": set()}
    for by_field in stored.values():
        for field_id, typed in by_field.items():
            if kind_of.get(field_id) in refs:
                refs[kind_of[field_id]].update(t.value for t in typed)
    options = options_of(session, [f.id for f in fields if f.kind in kinds.WITH_OPTIONS])
    names = {"option": {o.id: o.label for opts in options.values() for o in opts},
             "order": {o.id: o.position for opts in options.values() for o in opts}, "codes": {}}
    people = session.exec(select(Employee.id, Employee.name, Employee.code).where(Employee.id.in_(refs["employee"])))
    names["employee"] = {}
    for i, name, code in people:
        names["employee"][i], names["codes"][("employee", i)] = name, code
    hidden = hidden_ids(session, actor, refs["contact"]) if refs["contact"] else set()
    names["contact"] = {}
    contacts = select(Contact.id, Contact.name, Contact.code).where(Contact.id.in_(refs["contact"]))
    for i, name, code in session.exec(contacts):
        names["contact"][i] = PRIVATE_CONTACT if i in hidden else name
        names["codes"][("contact", i)] = "" if i in hidden else code
    return names
