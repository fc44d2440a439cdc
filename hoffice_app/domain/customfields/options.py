"""A select field's options: added, renamed, reordered, switched off, deleted while unused.

Records hold an option's id, so a renamed option reads anew everywhere and a switched-off one
stays on the records that have it (new choices no longer offer it). The field's default names
options by label: renaming one carries the default along, and the default's options can be
neither switched off nor deleted, or every new record would be refused.
"""
from __future__ import annotations

from sqlalchemy import exists, func
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, ValidationError, move_in_list, require_admin
from hoffice_app.domain.customfields.definitions import get_field, options_of, value_table
from hoffice_app.domain.customfields.kinds import LIST_SPLIT, WITH_OPTIONS
from hoffice_app.domain.masters import name_key
from hoffice_app.models import CustomField, CustomFieldOption


def _checked_label(session: Session, field_id: int, label: str, *, renaming: int = 0) -> str:
    """The option's label with spaces collapsed, refused when empty, too long or taken."""
    label = " ".join(label.split())
    if not label or len(label) > 80:
        raise ValidationError({"options": "Enter the option (at most 80 characters)."})
    clash = session.exec(select(CustomFieldOption).where(CustomFieldOption.field_id == field_id,
                                                         CustomFieldOption.label_key == name_key(label))).first()
    if clash is not None and clash.id != renaming:
        raise ValidationError({"options": f"“{clash.label}” is there already."})
    return label


def default_parts(row: CustomField) -> list[str]:
    """The options the field's default names (several for a multi select)."""
    if not row.default_value:
        return []
    if row.kind == "multi_select":
        return [p.strip() for p in LIST_SPLIT.split(row.default_value) if p.strip()]
    return [row.default_value]


def _is_default(row: CustomField, option: CustomFieldOption) -> bool:
    return any(name_key(p) == option.label_key for p in default_parts(row))


def add_option(session: Session, actor: Actor, field_id: int, label: str, *, position: int | None = None
               ) -> CustomFieldOption:
    require_admin(actor)
    row = get_field(session, field_id)
    if row.kind not in WITH_OPTIONS:
        raise ValidationError({"options": "Only select fields have options."})
    label = _checked_label(session, field_id, label)
    if position is None:
        position = 1 + (session.exec(select(func.max(CustomFieldOption.position))
                                     .where(CustomFieldOption.field_id == field_id)).one() or 0)
    option = CustomFieldOption(field_id=field_id, label=label, label_key=name_key(label), position=position)
    session.add(option)
    session.flush()
    return option


def rename_option(session: Session, actor: Actor, option_id: int, label: str) -> CustomFieldOption:
    """Records keep the option and read the new name; a default naming it names it anew."""
    require_admin(actor)
    option = _option(session, option_id)
    label = _checked_label(session, option.field_id, label, renaming=option.id)
    row = get_field(session, option.field_id)
    parts = default_parts(row)
    if _is_default(row, option):
        row.default_value = ", ".join(label if name_key(p) == option.label_key else p for p in parts)
        session.add(row)
    option.label, option.label_key = label, name_key(label)
    session.add(option)
    session.flush()
    return option


def set_option_active(session: Session, actor: Actor, option_id: int, active: bool) -> CustomFieldOption:
    """Switch the option off (records keep it) or on again; the field's default option stays on."""
    require_admin(actor)
    option = _option(session, option_id)
    if not active and _is_default(get_field(session, option.field_id), option):
        raise ValidationError({"options": f"“{option.label}” is the field's default: choose another default "
                                          "(or none) before switching it off."})
    option.active = active
    session.add(option)
    session.flush()
    return option


def move_option(session: Session, actor: Actor, option_id: int, step: int) -> None:
    require_admin(actor)
    option = _option(session, option_id)
    move_in_list(session, options_of(session, [option.field_id])[option.field_id], option, step)


def delete_option(session: Session, actor: Actor, option_id: int) -> None:
    """Only an option no record holds and the default does not name: one in use is switched off."""
    require_admin(actor)
    option = _option(session, option_id)
    row = get_field(session, option.field_id)
    if _is_default(row, option):
        raise ValidationError({"options": f"“{option.label}” is the field's default, so it cannot be deleted: "
                                          "choose another default first."})
    table = value_table(row.record)
    if session.exec(select(exists().where(table.field_id == row.id, table.option_id == option.id))).one():
        raise ValidationError({"options": f"“{option.label}” is in use, so it cannot be deleted: "
                                          "switch it off instead."})
    session.delete(option)
    session.flush()


def _option(session: Session, option_id: int) -> CustomFieldOption:
    option = session.get(CustomFieldOption, option_id or 0)
    if option is None:
        raise NotFound("No such option.")
    return option
