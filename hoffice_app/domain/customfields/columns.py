"""Which columns each employee's lead and contact lists show: the built-in ones they keep on
and the custom fields they add, remembered per employee (a setting row each, keyed by the
record kind and the employee's id) so the list looks the same on every device.

The list's identifying columns (code, title or name) always show; every other built-in
column can be switched off, and any active custom field switched on. A custom column's
values for a page come from one batched read (``page_values``), never one read per row.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from hoffice_app.domain.common import Actor, require_actor
from hoffice_app.domain.customfields.definitions import fields_of
from hoffice_app.domain.customfields.values import form_key, read_values
from hoffice_app.models import Setting

# (column key, heading): the built-in columns that can be switched off, in the table's order
BUILT_IN = {
    "lead": (("assignee", "Assigned to"), ("status", "Status"), ("stage", "Stage"), ("funnel", "Funnel"),
             ("priority", "Priority"), ("value", "Value"), ("next_followup", "Next follow-up"),
             ("created", "Created")),
    "contact": (("contact_type", "Type"), ("stage", "Stage"), ("mobile", "Mobile"), ("email", "E-mail"),
                ("city", "City"), ("key_account_manager", "Key account manager")),
}


@dataclass(frozen=True)
class Column:
    key: str  # a built-in column's key, or "cf_<field key>"
    label: str
    custom: bool
    shown: bool


def _setting_key(actor: Actor, record: str) -> str:
    return f"list_columns.{record}.{actor.id}"


def columns(session: Session, actor: Actor, record: str) -> list[Column]:
    """Every column the actor's list can show (built-in first, then the active custom fields
    in form order), each saying whether it is on. Without a choice saved: the built-in ones."""
    require_actor(actor)
    row = session.get(Setting, _setting_key(actor, record))
    chosen = set(row.value.split(",")) if row and row.value else None
    out = [Column(key, label, False, chosen is None or key in chosen) for key, label in BUILT_IN[record]]
    out += [Column(form_key(f), f.label, True, chosen is not None and form_key(f) in chosen)
            for f in fields_of(session, record)]
    return out


def save_columns(session: Session, actor: Actor, record: str, keys: list[str]) -> list[Column]:
    """Keep ``keys`` on (unknown ones dropped); returns the columns as now chosen."""
    require_actor(actor)
    known = {c.key for c in columns(session, actor, record)}
    value = ",".join(k for k in dict.fromkeys(keys) if k in known)[:2000]
    row = session.get(Setting, _setting_key(actor, record)) or Setting(key=_setting_key(actor, record))
    row.value = value or "-"  # "-": all switched off (no row: the defaults)
    session.add(row)
    session.flush()
    return columns(session, actor, record)


def page_values(session: Session, actor: Actor, record: str, record_ids: list[int], keys: list[str]
                ) -> list[list[str]]:
    """For each record of a page (in its order), the shown values of the custom columns ``keys``
    (``cf_<key>``), as the actor may read them: one batched read for the page."""
    if not keys or not record_ids:
        return [[] for _ in record_ids]
    values = read_values(session, actor, record, record_ids)
    out = []
    for record_id in record_ids:
        by_key = {f"cf_{v.key}": v.shown for v in values.get(record_id, [])}
        out.append([by_key.get(k, "") for k in keys])
    return out
