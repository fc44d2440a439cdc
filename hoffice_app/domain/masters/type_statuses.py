"""Each lead type's default status: "the selection of lead type influences the lead's status".

An administrator picks, per lead type, the status a lead of that type starts with (or none).
It is kept as one setting row per type (key ``lead_type_status:<type id>``, value the status's
id), next to the other settings that point at master entries (default title, default type of
address): no schema change, and a type without a default simply has no row. Deleting the type
removes its row (entries.delete_entry); a status that is some type's default cannot be deleted
or deactivated, as with the other defaults, so a new lead never starts from a status nobody can
pick.

The lead form follows the type unless its user chose a status by hand; a lead saved with a type
and no status (form, API, demo data) gets the type's default in the domain (leads/rules.py).
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, as_id, require_actor, require_admin, versions
from hoffice_app.domain.masters.entries import register_usage
from hoffice_app.domain.masters.kinds import TYPE_STATUS_PREFIX, type_status_key
from hoffice_app.models import MasterEntry, Setting


def default_status_for(session: Session, lead_type_id: int | None) -> int | None:
    """The status a lead of this type starts with; None without a type, a default, or when the
    status is no longer active."""
    if not lead_type_id:
        return None
    row = session.get(Setting, type_status_key(lead_type_id))
    status = session.get(MasterEntry, as_id(row.value) or 0) if row else None
    return status.id if status is not None and status.kind == "lead_status" and status.active else None


def default_statuses(session: Session, actor: Actor) -> dict[str, str]:
    """Every lead type's default status, as the lead form's drop-downs hold them (ids as text):
    choosing a type there needs no round trip to the database."""
    require_actor(actor)
    rows = session.exec(select(Setting).where(Setting.key.startswith(TYPE_STATUS_PREFIX))).all()
    active = {str(i) for i in session.exec(select(MasterEntry.id).where(
        MasterEntry.kind == "lead_status", MasterEntry.active == True))}  # noqa: E712
    return {r.key.removeprefix(TYPE_STATUS_PREFIX): r.value for r in rows if r.value in active}


def set_default_status(session: Session, actor: Actor, lead_type_id: int, status_id: int | None, *,
                       now: datetime) -> None:
    """Give the lead type a default status (an active one), or none (``status_id`` None)."""
    require_admin(actor)
    lead_type = session.get(MasterEntry, lead_type_id or 0)
    if lead_type is None or lead_type.kind != "lead_type":
        raise ValidationError({"lead_type_id": "That lead type no longer exists."})
    key = type_status_key(lead_type.id)
    row = session.get(Setting, key)
    if status_id is None:
        if row is not None:
            session.delete(row)
            versions.flush(session, "default status")
        return
    status = session.get(MasterEntry, status_id)
    if status is None or status.kind != "lead_status" or not status.active:
        raise ValidationError({"default_status_id": "Choose the default status from the list."})
    row = row or Setting(key=key)
    row.value, row.updated_at, row.updated_by_id = str(status.id), now, actor.id
    session.add(row)
    versions.flush(session, "default status")


def types_defaulting_to(session: Session, status: MasterEntry) -> list[str]:
    """The names of the lead types whose default is ``status``."""
    if status.kind != "lead_status":
        return []
    keys = session.exec(select(Setting.key).where(Setting.key.startswith(TYPE_STATUS_PREFIX),
                                                  Setting.value == str(status.id))).all()
    ids = [as_id(k.removeprefix(TYPE_STATUS_PREFIX)) for k in keys]
    return list(session.exec(select(MasterEntry.name).where(MasterEntry.id.in_([i for i in ids if i]))
                             .order_by(MasterEntry.position)))


@register_usage
def _used_as_type_default(session: Session, entry: MasterEntry) -> list[str]:
    return [f"the default status of {name}" for name in types_defaulting_to(session, entry)]
