"""The settings form of a rule, checked field by field: each problem is named next to its
field (``ValidationError({field: message})``), and what is stored is always well-formed."""
from __future__ import annotations

import json

from sqlmodel import Session, func, select

from hoffice_app.domain.assignment.views import METHODS, SOURCE_KINDS
from hoffice_app.domain.common import ValidationError, as_id
from hoffice_app.models import AssignmentRule, Contact, Employee, MasterEntry

MAX_WEIGHT = 100
MASTER_KEYS = {"product_category_ids": ("product_category", "product categories"),
               "lead_type_ids": ("lead_type", "lead types"), "division_ids": ("division", "divisions")}


def _ids(values) -> tuple[list[int], bool]:
    """The ids of a multi-select, and whether every value was one."""
    raw = [v for v in (values or []) if str(v).strip()]
    ids = [i for i in (as_id(v) for v in raw) if i]
    return sorted(set(ids)), len(ids) == len(raw)


def _names(values) -> list[str]:
    """Cities or states: a list, or one text with commas or new lines."""
    if isinstance(values, str):
        values = values.replace("\n", ",").split(",")
    return sorted({" ".join(str(v).split()) for v in values or [] if str(v).strip()}, key=str.lower)


def _conditions(session: Session, raw: dict, errors: dict[str, str]) -> dict:
    out: dict = {}
    kind = str(raw.get("source_kind") or "").strip()
    if kind and kind not in SOURCE_KINDS:
        errors["source_kind"] = "Choose the source from the list."
    if kind:
        out["source_kind"] = kind
    source_ids, ok = _ids(raw.get("source_ids"))
    if source_ids or not ok:
        model = {"campaign": MasterEntry, "employee": Employee, "contact": Contact, "friend": Contact}.get(kind)
        if not kind:
            errors["source_ids"] = "Choose the source first, then which of its entries."
        elif model is not None:
            stmt = select(model.id).where(model.id.in_(source_ids))
            if model is MasterEntry:
                stmt = stmt.where(MasterEntry.kind == "campaign")
            ok = ok and len(session.exec(stmt).all()) == len(source_ids)
        if not ok and "source_ids" not in errors:
            errors["source_ids"] = "Choose entries of the chosen source from the list."
        out["source_ids"] = source_ids
    for key, (master_kind, label) in MASTER_KEYS.items():
        ids, ok = _ids(raw.get(key))
        found = session.exec(select(MasterEntry.id).where(MasterEntry.id.in_(ids),
                                                          MasterEntry.kind == master_kind)).all() if ids else []
        if not ok or len(found) != len(ids):
            errors[key] = f"Choose {label} from the list."
        if ids:
            out[key] = ids
    for key in ("cities", "states"):
        names = _names(raw.get(key))
        if any(len(n) > 100 for n in names):
            errors[key] = "Keep each name to 100 characters or fewer."
        if names:
            out[key] = names
    return out


def _members(session: Session, raw, errors: dict[str, str]) -> list[dict]:
    """``[{"id": .., "weight": ..}]``: active employees, each once, weights 1–100."""
    out: list[dict] = []
    ids = [as_id(m.get("id") if isinstance(m, dict) else m) for m in raw or []]
    if not ids:
        errors["members"] = "Choose at least one employee to receive the leads."
        return out
    people = {e.id: e for e in session.exec(select(Employee).where(Employee.id.in_([i for i in ids if i])))}
    for item, employee_id in zip(raw, ids):
        employee = people.get(employee_id or 0)
        if employee is None:
            errors["members"] = "Choose employees from the list."
            continue
        if not employee.active:
            errors["members"] = f"{employee.name} is inactive: choose active employees only."
            continue
        weight_text = str(item.get("weight", 1) if isinstance(item, dict) else 1).strip() or "1"
        if not weight_text.isdigit() or not 1 <= int(weight_text) <= MAX_WEIGHT:
            errors["weights"] = f"Give {employee.name} a weight from 1 to {MAX_WEIGHT} (a whole number)."
            continue
        if employee_id not in {m["id"] for m in out}:
            out.append({"id": employee_id, "weight": int(weight_text)})
    return out


def clean_rule(session: Session, data: dict, *, rule_id: int | None) -> dict:
    """The column values of a rule from the form's ``data``, or ValidationError."""
    errors: dict[str, str] = {}
    name = " ".join(str(data.get("name") or "").split())
    if not name:
        errors["name"] = "Enter a name for the rule."
    elif len(name) > 80:
        errors["name"] = "Keep the name to 80 characters or fewer."
    else:
        other = session.exec(select(AssignmentRule).where(func.lower(AssignmentRule.name) == name.lower())).first()
        if other is not None and other.id != rule_id:
            errors["name"] = f"Another rule is called {other.name}: choose another name."
    method = str(data.get("method") or "round_robin")
    if method not in METHODS:
        errors["method"] = "Choose how the leads are shared from the list."
    cap_text, cap = str(data.get("cap") if data.get("cap") is not None else "").strip(), None
    if cap_text:
        if not cap_text.isdigit() or int(cap_text) < 1:
            errors["cap"] = "Enter a whole number of at least 1, or leave it empty for no cap."
        else:
            cap = int(cap_text)
    is_fallback = bool(data.get("is_fallback"))
    conditions = _conditions(session, dict(data.get("conditions") or {}), errors)
    if is_fallback:
        other = session.exec(select(AssignmentRule).where(AssignmentRule.is_fallback == True)).first()  # noqa: E712
        if other is not None and other.id != rule_id:
            errors["is_fallback"] = f"{other.name} is the fallback already: only one rule can be."
        elif conditions:
            errors["conditions"] = "The fallback takes every lead no other rule took: leave its conditions empty."
    members = _members(session, data.get("members"), errors)
    if errors:
        raise ValidationError(errors)
    return {"name": name, "method": method, "cap": cap, "is_fallback": is_fallback,
            "enabled": bool(data.get("enabled", True)), "conditions": json.dumps(conditions, sort_keys=True),
            "members": json.dumps(members)}
