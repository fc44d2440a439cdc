"""Custom fields on a record's form: what the form shows and sends back, and what a save of the
record does with them.

A form holds every value as text (a multi-select as a list of option labels), under the keys
``cf_<key>``. Its ``read`` values carry them too, so the record's version check and field-by-field
merge (``versions.merge_edit``) cover custom values as they cover built-in ones: two people
changing different fields both keep their change, the same field changed twice is refused.
"""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, symbol
from hoffice_app.domain.customfields import kinds
from hoffice_app.domain.customfields.definitions import fields_of, options_of
from hoffice_app.domain.customfields.kinds import LIST_SPLIT
from hoffice_app.domain.customfields.values import (
    PRIVATE_CONTACT,
    FieldValue,
    check_value,
    form_key,
    may_edit,
    read_values,
)
from hoffice_app.domain.masters import name_key
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import CustomField, Employee

NONE = "none"  # an empty value on a timeline line, as the built-in fields write it
MORE = "More details"  # the section of fields whose own section the form does not have
# The section names a field may give (any case), per form → the form's section it lands in.
# The lead form also takes the company's own word for a lead ("Inquiry information").
FORM_SECTIONS = {
    "lead": {"lead information": "information", "information": "information",
             "additional information": "additional", "additional": "additional", "description": "description"},
    "contact": {"contact": "contact", "communication & social media": "communication",
                "communication": "communication", "addresses": "addresses", "statutory details": "statutory",
                "statutory": "statutory", "sales & purchase": "sales", "sales and purchase": "sales",
                "contact settings": "settings", "settings": "settings", "privacy": "privacy"},
}


def has_fields(session: Session, record: str) -> bool:
    """Whether the record kind has an active field (a save without any skips the rest: one query)."""
    return session.exec(select(CustomField.id).where(CustomField.record == record,
                                                     CustomField.active == True).limit(1)).first() is not None  # noqa: E712


def _as_form(value: FieldValue):
    """A stored value as the form's input holds it (a multi-select as its list of labels)."""
    if value.kind == "multi_select":
        return [p for p in value.raw.split("|") if p]
    return value.raw


def form_data(session: Session, actor: Actor, record: str, record_id: int) -> dict:
    """``cf_<key>`` → the record's value as its form input takes it (part of the form's ``read``)."""
    values = read_values(session, actor, record, [record_id])[record_id]
    return {f"cf_{v.key}": _as_form(v) for v in values}


def _default(row: CustomField, options: list) -> str | list[str]:
    """A field's default as the form input holds it (an option in its own spelling)."""
    text = (row.default_value or "").strip()
    if row.kind not in kinds.WITH_OPTIONS:
        return text
    by_key = {o.label_key: o.label for o in options if o.active}
    chosen = [by_key[name_key(p)] for p in LIST_SPLIT.split(text) if p.strip() and name_key(p) in by_key]
    return chosen if row.kind == "multi_select" else (chosen[0] if chosen else "")


def new_form_data(session: Session, record: str) -> dict:
    """A new record's form: every field's default prefilled."""
    rows = fields_of(session, record)
    options = options_of(session, [r.id for r in rows if r.kind in kinds.WITH_OPTIONS])
    return {form_key(r): _default(r, options.get(r.id, [])) for r in rows}


def form_labels(session: Session, record: str) -> dict[str, str]:
    """``cf_<key>`` → label, for the merge's messages ("… changed Industry")."""
    return {form_key(r): r.label for r in fields_of(session, record)}


def form_fields(session: Session, actor: Actor, record: str, record_id: int | None) -> list[dict]:
    """The record's active fields as the form renders them, in form order, each with its value
    (the stored one, or the default on a new record) and its choices: plain dicts of text, so a
    page state keeps no ORM rows. ``editable`` is "" for a field the actor's role may not change
    and for a contact the actor may not see (kept as it is on save)."""
    rows = fields_of(session, record)
    options = options_of(session, [r.id for r in rows if r.kind in kinds.WITH_OPTIONS])
    stored = {v.key: v for v in read_values(session, actor, record, [record_id])[record_id]} if record_id else {}
    people = _employees(session) if any(r.kind == "employee" for r in rows) else []
    currency = symbol(app_settings.get(session, "default_currency")).strip()
    out = []
    for row in rows:
        value = stored.get(row.key)
        current = _as_form(value) if value else _default(row, options.get(row.id, []))
        chosen = current if isinstance(current, list) else []
        text = "" if isinstance(current, list) else current
        private = value is not None and value.kind == "contact" and value.shown == PRIVATE_CONTACT
        choices = [o.label for o in options.get(row.id, []) if o.active or o.label in chosen or o.label == text]
        if row.kind == "employee":
            choices = [f"{code}|{name}" for code, name in people]
            if text and text not in {c.split("|")[0] for c in choices}:
                choices.append(f"{text}|{value.shown if value else text}")
        out.append({
            "key": form_key(row), "label": row.label, "kind": row.kind, "section": row.section,
            "help": row.help_text, "required": "1" if row.required else "",
            "editable": "" if private or not may_edit(actor, row) else "1",
            "value": PRIVATE_CONTACT if private else text, "chosen": chosen, "choices": choices,
            "shown": value.shown if value else "", "prefix": currency if row.kind == "amount" else "",
        })
    return out


def _employees(session: Session) -> list[tuple[str, str]]:
    stmt = select(Employee.code, Employee.name).where(Employee.active == True).order_by(Employee.name)  # noqa: E712
    return [(code, name) for code, name in session.exec(stmt)]


def _norm(value) -> tuple[str, ...]:
    parts = value if isinstance(value, (list, tuple)) else [value]
    return tuple(sorted(str(p).strip() for p in parts if p is not None and str(p).strip()))


def changed_only(session: Session, actor: Actor, record: str, record_id: int, data: dict) -> dict:
    """``data`` without the custom values that are as stored: re-saving a record leaves alone a
    value its form shows but could not take back as it is (an option switched off since, a
    contact the editor may not see), and writes only what someone changed."""
    current = form_data(session, actor, record, record_id)
    return {k: v for k, v in data.items()
            if not (k.startswith("cf_") and k in current and _norm(v) == _norm(current[k]))}


def check_typed(session: Session, actor: Actor, record: str, data: dict, *, creating: bool) -> dict[str, str]:
    """The custom values' own problems (type, option, required on a new record) as the save's
    errors would name them: shown with the built-in fields' errors, in one go. The save itself
    (``write_values``) checks everything again, roles included."""
    errors = {}
    for row in fields_of(session, record):
        key = form_key(row)
        try:
            typed = check_value(session, row, data.get(key), actor=actor) if key in data else None
        except ValidationError as err:
            errors[key] = f"{row.label}: {err.errors[key]}"
            continue
        if creating and row.required and not typed and not row.default_value:
            errors[key] = f"{row.label}: enter a value, it is required."
    return errors


def values_snapshot(session: Session, actor: Actor, record: str, record_id: int | None) -> dict[str, FieldValue]:
    """The values before a save changes them ({} for a new record), for ``describe_changes``."""
    if record_id is None:
        return {}
    return {v.key: v for v in read_values(session, actor, record, [record_id])[record_id]}


def describe_changes(session: Session, actor: Actor, record: str, record_id: int, before: dict[str, FieldValue]
             ) -> list[str]:
    """One timeline line per custom value the save changed ("Industry: Retail → Wholesale"). A
    contact is not named: not everyone who reads the timeline may see it."""
    lines = []
    for after in read_values(session, actor, record, [record_id])[record_id]:
        old = before.get(after.key)
        if old is None or old.raw == after.raw:
            continue
        if after.kind in ("contact", "long_text"):
            lines.append(f"{after.label} changed")
        else:
            lines.append(f"{after.label}: {old.shown or NONE} → {after.shown or NONE}")
    return lines


def with_errors(err: ValidationError, more: dict[str, str]) -> ValidationError:
    """The built-in fields' errors and the custom fields' together."""
    return ValidationError({**err.errors, **{k: v for k, v in more.items() if k not in err.errors}})
