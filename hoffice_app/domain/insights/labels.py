"""How a breakdown row is named: an employee, a master entry, a stage, a source's sub-choice
(a referring contact the viewer may not see reads "Private contact"), or the blank row."""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, as_id, wording
from hoffice_app.domain.insights.dimensions import NONE
from hoffice_app.domain.leads import masked_names
from hoffice_app.models import Employee, FunnelStage, MasterEntry

BLANK = {"person": "Unassigned", "category": "No product category", "product": "No product",
         "type": "No lead type", "reason": "No reason given", "stage": "No stage", "source": "No source"}
SOURCE_KINDS = {"contact": "Contact", "employee": "Employee", "friend": "Friend", "campaign": "Campaign",
                NONE: "No source"}


def source_kind(kind: str) -> str:
    return SOURCE_KINDS.get(kind, kind.title() or "No source")


def _names(session: Session, model, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.exec(select(model.id, model.name).where(model.id.in_(ids))).all())


def for_keys(session: Session, actor: Actor, by: str, keys) -> dict[str, str]:
    """key → label for the keys of one dimension."""
    keys = list(keys)
    if by == "source":
        return _source_labels(session, actor, keys)
    ids = {as_id(k) for k in keys if k != NONE} - {None}
    model = {"person": Employee, "stage": FunnelStage}.get(by, MasterEntry)
    names = _names(session, model, ids)
    return {k: wording.say(BLANK.get(by, "—")) if k == NONE else names.get(as_id(k), f"#{k}") for k in keys}


def _source_labels(session: Session, actor: Actor, keys: list[str]) -> dict[str, str]:
    split = {k: k.partition("-")[::2] for k in keys}
    wanted: dict[str, set[int]] = {}
    for kind, sub in split.values():
        if (i := as_id(sub)):
            wanted.setdefault(kind, set()).add(i)
    people = _names(session, Employee, wanted.get("employee", set()))
    campaigns = _names(session, MasterEntry, wanted.get("campaign", set()))
    contacts = masked_names(session, actor, wanted.get("contact", set()) | wanted.get("friend", set()))
    out = {}
    for key, (kind, sub) in split.items():
        i = as_id(sub)
        if key == NONE:
            out[key] = "No source"
        elif i is None:
            out[key] = f"{source_kind(kind)} not named"
        elif kind == "employee":
            out[key] = people.get(i, f"#{i}")
        elif kind == "campaign":
            out[key] = campaigns.get(i, f"#{i}")
        else:
            out[key] = contacts.get(i, ("#" + sub, ""))[0]
    return out
