"""Settings → Revoke policies (administrators): list, save with every field checked, enable or
disable, reorder, delete. An edit carries the version it was read at; a policy saved meanwhile
by someone else is refused, naming who and when."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, select

from hoffice_app.domain.common import NotFound, ValidationError, as_id, require_admin, versions
from hoffice_app.domain.policies.definitions import ACTIONS, CONDITIONS, SCOPE_KEYS, SOURCE_KINDS, Policy, of
from hoffice_app.models import AssignmentRule, Revocation, RevokePolicy, RevokeStep

MAX_HOURS = 24 * 365


def list_policies(session: Session, actor) -> list[Policy]:
    require_admin(actor)
    return [of(r) for r in session.exec(select(RevokePolicy).order_by(RevokePolicy.position, RevokePolicy.id))]


def get_policy(session: Session, actor, policy_id) -> Policy:
    require_admin(actor)
    row = session.get(RevokePolicy, as_id(policy_id) or 0)
    if row is None:
        raise NotFound("No such policy (it may have been deleted).")
    return of(row)


def find(session: Session, name: str) -> RevokePolicy | None:
    """A policy by its name, ignoring case (the CLI's way in)."""
    return session.exec(select(RevokePolicy).where(func.lower(RevokePolicy.name) == name.strip().lower())).first()


@dataclass(frozen=True)
class Checked:
    values: dict


def _number(raw, field: str, errors: dict, *, low: int, high: int, empty_ok: bool = False) -> int | None:
    text = str(raw if raw is not None else "").strip()
    if not text:
        if not empty_ok:
            errors[field] = "Enter a number."
        return None
    if not text.isdigit() or not low <= int(text) <= high:
        errors[field] = f"Enter a whole number from {low} to {high:,}."
        return None
    return int(text)


def check(session: Session, data: dict, *, policy_id: int | None) -> dict:
    """The form's values as the row stores them, or ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    name = " ".join(str(data.get("name") or "").split())
    if not name or len(name) > 80:
        errors["name"] = "Give the policy a name of at most 80 characters."
    elif (other := find(session, name)) is not None and other.id != policy_id:
        errors["name"] = f"A policy named \"{other.name}\" exists already."
    condition = str(data.get("condition") or "")
    if condition not in CONDITIONS:
        errors["condition"] = "Choose a condition."
    days = condition in CONDITIONS and CONDITIONS[condition].unit == "days"
    threshold = _number(data.get("threshold"), "threshold", errors, low=1, high=365 if days else MAX_HOURS)
    hours = threshold * 24 if days and threshold else threshold
    warn = _number(data.get("warn_hours"), "warn_hours", errors, low=0, high=MAX_HOURS, empty_ok=True) or 0
    manager = _number(data.get("manager_hours"), "manager_hours", errors, low=1, high=MAX_HOURS, empty_ok=True)
    if hours and warn >= hours:
        errors["warn_hours"] = "Warn fewer hours before the revoke than the threshold itself."
    if hours and manager and manager >= hours:
        errors["manager_hours"] = "Tell the manager fewer hours before the revoke than the threshold itself."
    elif warn and manager and manager > warn:
        errors["manager_hours"] = "The manager is told after the assignee's warning: use at most the warning's hours."
    action = str(data.get("action") or "pool")
    rule_id = as_id(data.get("rule_id")) if action == "rule" else None
    if action not in ACTIONS:
        errors["action"] = "Choose where revoked leads go."
    elif action == "rule" and (rule_id is None or session.get(AssignmentRule, rule_id) is None):
        errors["rule_id"] = "Choose the assignment rule revoked leads go through."
    scope = _scope(data.get("scope") or {}, errors)
    if errors:
        raise ValidationError(errors)
    return {"name": name, "condition": condition, "hours": hours, "warn_hours": warn, "manager_hours": manager,
            "action": action, "rule_id": rule_id, "scope": json.dumps(scope, sort_keys=True),
            "enabled": str(data.get("enabled", "")).lower() in ("1", "true", "on", "yes")}


def _scope(raw: dict, errors: dict) -> dict[str, list]:
    scope: dict[str, list] = {}
    for key in SCOPE_KEYS:
        values = [str(v).strip() for v in (raw.get(key) or []) if str(v).strip()]
        if not values:
            continue
        if key == "source_kinds":
            bad = [v for v in values if v not in SOURCE_KINDS]
            scope[key] = values
        elif key == "source_ids":
            bad = [v for v in values if v.partition(":")[0] not in ("campaign", "employee", "contact")
                   or not v.partition(":")[2].isdigit()]
            scope[key] = values
        else:
            bad = [v for v in values if as_id(v) is None]
            scope[key] = [as_id(v) for v in values if as_id(v)]
        if bad:
            errors["scope"] = "Choose the scope from the lists offered."
    return scope


def save_policy(session: Session, actor, data: dict, *, now: datetime, policy_id=None,
                expected_version: int | None = None) -> Policy:
    """Create (no ``policy_id``) or update a policy; returns it as saved."""
    actor = require_admin(actor)
    row = None
    if policy_id is not None:
        row = session.get(RevokePolicy, as_id(policy_id) or 0)
        if row is None:
            raise NotFound("No such policy (it may have been deleted).")
        if expected_version is not None and row.version != expected_version:
            last = versions.last_save(session, row)
            raise versions.EditConflict(f"{last.who} saved this policy meanwhile; nothing of yours was written. "
                                        "The form shows the policy as it is now.")
    values = check(session, data, policy_id=row.id if row else None)
    if row is None:
        last = session.exec(select(func.max(RevokePolicy.position))).one() or 0
        row = RevokePolicy(created_at=now, position=last + 1, **values, updated_at=now, updated_by_id=actor.id)
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at, row.updated_by_id = now, actor.id
    session.add(row)
    versions.flush(session, "policy")
    return of(row)


def set_enabled(session: Session, actor, policy_id, enabled: bool, *, now: datetime) -> Policy:
    actor = require_admin(actor)
    row = session.get(RevokePolicy, as_id(policy_id) or 0)
    if row is None:
        raise NotFound("No such policy (it may have been deleted).")
    row.enabled, row.updated_at, row.updated_by_id = bool(enabled), now, actor.id
    session.add(row)
    versions.flush(session, "policy")
    return of(row)


def move_policy(session: Session, actor, policy_id, step: int) -> None:
    """One place up (step -1) or down (+1) in the order policies are applied."""
    require_admin(actor)
    rows = list(session.exec(select(RevokePolicy).order_by(RevokePolicy.position, RevokePolicy.id)))
    at = next((i for i, r in enumerate(rows) if r.id == as_id(policy_id)), None)
    if at is None:
        raise NotFound("No such policy (it may have been deleted).")
    other = at + (1 if step > 0 else -1)
    if 0 <= other < len(rows):
        rows[at], rows[other] = rows[other], rows[at]
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            session.add(row)
    session.flush()


def delete_policy(session: Session, actor, policy_id) -> str:
    """Delete a policy that never revoked anything; one that did is kept for its undo history
    (disable it instead). Returns its name."""
    require_admin(actor)
    # Locked first: a pass in another worker cannot add a warning for it while it goes.
    row = session.get(RevokePolicy, as_id(policy_id) or 0, with_for_update=True)
    if row is None:
        raise NotFound("No such policy (it may have been deleted).")
    if session.exec(select(Revocation.id).where(Revocation.policy_id == row.id).limit(1)).first():
        raise ValidationError({"policy": f"\"{row.name}\" has revoked leads, which can still be undone: "
                                         "disable it instead."})
    # Its warnings before it, in that order: the unit of work knows no relationship to order them by.
    session.execute(delete(RevokeStep).where(RevokeStep.policy_id == row.id))
    session.delete(row)
    session.flush()
    return row.name
