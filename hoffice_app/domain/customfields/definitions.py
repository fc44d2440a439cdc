"""Adding and changing custom fields and their options (administrators only).

A field's label is unique per record kind whatever its case; its key is made once from the
first label and never changes, so exports, saved filters and scripts keep working across a
rename. Switching a field off hides it and keeps its values; an option in use cannot be
deleted, only switched off (records keep it, new choices no longer offer it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, ValidationError, move_in_list, require_admin, versions
from hoffice_app.domain.customfields.kinds import KIND_LABELS, WITH_OPTIONS
from hoffice_app.domain.masters import name_key
from hoffice_app.models import ContactCustomValue, CustomField, CustomFieldOption, LeadCustomValue

RECORDS = {"lead": "Leads", "contact": "Contacts"}
ROLES = ("admin", "manager", "executive")
MAX_FIELDS = 100  # per record kind: forms stay readable, imports stay fast


@dataclass
class FieldSpec:
    """What the settings page and the command line send for a field."""

    label: str
    kind: str = "text"
    options: list[str] = field(default_factory=list)
    required: bool = False
    default_value: str = ""
    help_text: str = ""
    section: str = ""
    edit_roles: tuple[str, ...] = ROLES
    active: bool = True


def value_table(record: str):
    return LeadCustomValue if record == "lead" else ContactCustomValue


def record_column(record: str):
    return LeadCustomValue.lead_id if record == "lead" else ContactCustomValue.contact_id


def fields_of(session: Session, record: str, *, active_only: bool = True) -> list[CustomField]:
    """The record kind's fields in form order (section order is the first field's)."""
    stmt = select(CustomField).where(CustomField.record == record)
    if active_only:
        stmt = stmt.where(CustomField.active == True)  # noqa: E712
    return list(session.exec(stmt.order_by(CustomField.position, CustomField.id)).all())


def options_of(session: Session, field_ids, *, active_only: bool = False) -> dict[int, list[CustomFieldOption]]:
    """Field id → its options in order."""
    ids = set(field_ids)
    if not ids:
        return {}
    stmt = select(CustomFieldOption).where(CustomFieldOption.field_id.in_(ids))
    if active_only:
        stmt = stmt.where(CustomFieldOption.active == True)  # noqa: E712
    out: dict[int, list[CustomFieldOption]] = {i: [] for i in ids}
    for option in session.exec(stmt.order_by(CustomFieldOption.position, CustomFieldOption.id)):
        out[option.field_id].append(option)
    return out


def _key_for(session: Session, record: str, label: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_")[:50] or "field"
    taken = set(session.exec(select(CustomField.key).where(CustomField.record == record)).all())
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _check(session: Session, record: str, spec: FieldSpec, *, existing: CustomField | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    label = " ".join(spec.label.split())
    if not label:
        errors["label"] = "Enter the field's label."
    elif len(label) > 80:
        errors["label"] = "Keep the label within 80 characters."
    else:
        clash = session.exec(select(CustomField).where(CustomField.record == record,
                                                       CustomField.label_key == name_key(label))).first()
        if clash is not None and (existing is None or clash.id != existing.id):
            errors["label"] = f"{RECORDS[record]} already have a field called “{clash.label}”."
    if spec.kind not in KIND_LABELS:
        errors["kind"] = "Choose the field's type from the list."
    elif existing is not None and spec.kind != existing.kind:
        errors["kind"] = "A field's type cannot change once it exists: add a new field instead."
    if set(spec.edit_roles) - set(ROLES) or not spec.edit_roles:
        errors["edit_roles"] = "Choose who may edit it: at least one of admin, manager, executive."
    if len(spec.help_text) > 300:
        errors["help_text"] = "Keep the help text within 300 characters."
    if len(spec.section.strip()) > 60:
        errors["section"] = "Keep the section's name within 60 characters."
    keys = [name_key(o) for o in spec.options if o.strip()]
    if len(keys) != len(set(keys)):
        errors["options"] = "Each option once: two options have the same name."
    elif spec.kind in WITH_OPTIONS and existing is None and not keys:
        errors["options"] = "Enter the options to choose from, e.g. Retail, Wholesale."
    return errors


def add_field(session: Session, actor: Actor, record: str, spec: FieldSpec, *, now: datetime) -> CustomField:
    require_admin(actor)
    if record not in RECORDS:
        raise ValidationError({"record": "Custom fields are for leads or contacts."})
    errors = _check(session, record, spec, existing=None)
    count = session.exec(select(func.count()).select_from(CustomField).where(CustomField.record == record)).one()
    if count >= MAX_FIELDS:
        errors["label"] = f"{RECORDS[record]} have {MAX_FIELDS} custom fields already, the most a form can carry."
    if errors:
        raise ValidationError(errors)
    label = " ".join(spec.label.split())
    row = CustomField(record=record, key=_key_for(session, record, label), label=label, label_key=name_key(label),
                      kind=spec.kind, required=spec.required, help_text=spec.help_text.strip(),
                      section=" ".join(spec.section.split()), position=count + 1, active=spec.active,
                      edit_roles=",".join(r for r in ROLES if r in spec.edit_roles), created_at=now,
                      updated_by_id=actor.id, updated_at=now)
    session.add(row)
    session.flush()
    from hoffice_app.domain.customfields.options import add_option  # options read the field

    for position, option in enumerate(o for o in spec.options if o.strip()):
        add_option(session, actor, row.id, option, position=position + 1)
    set_default(session, row, spec.default_value)
    return row


def update_field(session: Session, actor: Actor, field_id: int, spec: FieldSpec, *, version: int | None,
                 now: datetime) -> CustomField:
    """Label, required, default, help, section, who may edit, on/off: the key and type stay."""
    require_admin(actor)
    row = get_field(session, field_id)
    if version is not None and row.version != version:
        last = versions.last_save(session, row)
        raise versions.EditConflict(f"{last.who} changed “{row.label}” meanwhile; nothing of yours was written. "
                                    "The settings now show the current values.")
    errors = _check(session, row.record, spec, existing=row)
    if errors:
        raise ValidationError(errors)
    label, switched = " ".join(spec.label.split()), row.active != spec.active
    row.label, row.label_key, row.required = label, name_key(label), spec.required
    row.help_text, row.section = spec.help_text.strip(), " ".join(spec.section.split())
    row.edit_roles = ",".join(r for r in ROLES if r in spec.edit_roles)
    row.active, row.updated_by_id, row.updated_at = spec.active, actor.id, now
    set_default(session, row, spec.default_value)
    session.add(row)
    versions.flush(session, "field")
    if switched:  # an inactive field's text is not searched
        from hoffice_app.domain.customfields.search import refresh_field

        refresh_field(session, row)
    return row


def set_default(session: Session, row: CustomField, default: str) -> None:
    """The default, checked as a value of the field would be (an option must exist)."""
    from hoffice_app.domain.customfields.values import check_value  # values read definitions

    default = (default or "").strip()
    if default and row.kind in ("employee", "contact"):
        raise ValidationError({"default_value": "An employee or contact field has no default."})
    if default:
        try:
            check_value(session, row, default)
        except ValidationError as err:
            raise ValidationError({"default_value": f"Default: {err}"}) from None
    row.default_value = default


def move_field(session: Session, actor: Actor, field_id: int, step: int) -> None:
    """One place up (-1) or down (+1) in its record kind's form."""
    require_admin(actor)
    row = get_field(session, field_id)
    move_in_list(session, fields_of(session, row.record, active_only=False), row, step)


def get_field(session: Session, field_id: int) -> CustomField:
    row = session.get(CustomField, field_id or 0)
    if row is None:
        raise NotFound("No such custom field.")
    return row


def find_field(session: Session, record: str, label: str) -> CustomField:
    row = session.exec(select(CustomField).where(CustomField.record == record,
                                                 CustomField.label_key == name_key(label))).first()
    if row is None:
        raise NotFound(f"{RECORDS.get(record, record)} have no custom field called “{label}”.")
    return row
