"""What Settings → Custom fields reads and the option changes it makes (administrators only).

The list of a record kind's fields and, for the field whose dialog is open, its options with
how many records hold each; the sections a field can go in (the form's own headings, then
those other fields use). An option's rename and switch-off keep the field's default working:
a select's default is an option's name, so a renamed default option takes the default along,
and the default option cannot be switched off or deleted (a new record would be refused).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, require_admin
from hoffice_app.domain.customfields import definitions
from hoffice_app.domain.customfields.definitions import RECORDS, ROLES, fields_of, get_field, value_table
from hoffice_app.domain.customfields.kinds import KIND_LABELS, WITH_OPTIONS
from hoffice_app.domain.masters import name_key
from hoffice_app.models import CustomField, CustomFieldOption

DEFAULT_SECTION = "More details"  # where a field without a section shows
# The headings of each record's form, in their order: a field may join one of them.
FORM_HEADINGS = {
    "lead": ("Lead information", "Additional information", "Description"),
    "contact": ("Contact", "Communication & social media", "Addresses", "Statutory details", "Sales & purchase",
                "Contact settings", "Privacy"),
}
ROLE_NAMES = {"admin": "Administrators", "manager": "Managers", "executive": "Executives"}


@dataclass
class OptionView:
    id: int
    label: str
    active: bool
    uses: int = 0  # records holding it (an option in use cannot be deleted)


@dataclass
class FieldView:
    """One field as the settings list and its dialog show it."""

    id: int
    key: str
    label: str
    kind: str
    kind_label: str
    required: bool
    default_value: str
    help_text: str
    section: str  # "" = the default section
    section_shown: str
    active: bool
    edit_roles: list[str] = field(default_factory=list)
    edit_roles_shown: str = ""
    options_shown: str = ""  # "Retail, Wholesale" (switched-off options left out)
    version: int = 1


def _view(row: CustomField, options: list[CustomFieldOption]) -> FieldView:
    roles = [r for r in ROLES if r in row.edit_roles.split(",")]
    shown = "Everyone" if len(roles) == len(ROLES) else ", ".join(ROLE_NAMES[r] for r in roles)
    return FieldView(id=row.id, key=row.key, label=row.label, kind=row.kind, kind_label=KIND_LABELS[row.kind],
                     required=row.required, default_value=row.default_value, help_text=row.help_text,
                     section=row.section, section_shown=row.section or DEFAULT_SECTION, active=row.active,
                     edit_roles=roles, edit_roles_shown=shown,
                     options_shown=", ".join(o.label for o in options if o.active), version=row.version)


def list_fields(session: Session, actor: Actor, record: str) -> list[FieldView]:
    """Every field of ``record`` (switched-off ones too), in form order."""
    require_admin(actor)
    if record not in RECORDS:
        raise ValidationError({"record": "Custom fields are for leads or contacts."})
    rows = fields_of(session, record, active_only=False)
    options = definitions.options_of(session, [r.id for r in rows if r.kind in WITH_OPTIONS])
    return [_view(r, options.get(r.id, [])) for r in rows]


def active_counts(session: Session, actor: Actor) -> dict[str, int]:
    """record kind → how many active fields it has (Settings → Overview)."""
    require_admin(actor)
    found = dict(session.exec(select(CustomField.record, func.count()).where(CustomField.active == True)  # noqa: E712
                              .group_by(CustomField.record)).all())
    return {record: found.get(record, 0) for record in RECORDS}


def field_view(session: Session, actor: Actor, field_id: int) -> FieldView:
    require_admin(actor)
    row = get_field(session, field_id)
    return _view(row, definitions.options_of(session, [row.id])[row.id])


def field_options(session: Session, actor: Actor, field_id: int) -> list[OptionView]:
    """The field's options in order, each with the number of records holding it."""
    require_admin(actor)
    row = get_field(session, field_id)
    table = value_table(row.record)
    uses = dict(session.exec(select(table.option_id, func.count()).where(table.field_id == row.id)
                             .group_by(table.option_id)).all())
    return [OptionView(id=o.id, label=o.label, active=o.active, uses=uses.get(o.id, 0))
            for o in definitions.options_of(session, [row.id])[row.id]]


def sections(session: Session, actor: Actor, record: str) -> list[str]:
    """The sections a field of ``record`` can go in: the form's headings, then the others'."""
    require_admin(actor)
    taken = {name_key(s) for s in FORM_HEADINGS[record]} | {name_key(DEFAULT_SECTION)}
    out = [*FORM_HEADINGS[record]]
    for row in fields_of(session, record, active_only=False):
        if row.section and name_key(row.section) not in taken:
            taken.add(name_key(row.section))
            out.append(row.section)
    return out
