"""The administrator's settings of assignment rules: the ordered list in words, add and edit
(checked field by field; an edit carries the version it read), delete and reorder."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, select

from hoffice_app.domain.assignment import conditions as cond
from hoffice_app.domain.assignment.picking import parse_members
from hoffice_app.domain.assignment.validate import clean_rule
from hoffice_app.domain.assignment.views import METHODS, SOURCE_KINDS, MemberView, RuleView
from hoffice_app.domain.common import Actor, DomainError, NotFound, require_admin, versions, wording
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import AssignmentRule, Contact, Employee, MasterEntry, RevokePolicy

WHAT = "assignment rule"


def _ordered(session: Session) -> list[AssignmentRule]:
    """The list's order: by position, the fallback last (it is tried last whatever its place)."""
    rows = session.exec(select(AssignmentRule).order_by(AssignmentRule.position, AssignmentRule.id)).all()
    return sorted(rows, key=lambda r: r.is_fallback)


def _describe(c: dict, names: dict[str, dict[int, str]]) -> str:
    """The conditions in words, e.g. "Source: Campaign / activity (Website) · City: Pune"."""
    if not c:
        return wording.say("Any lead")
    parts = []
    if "source_kind" in c:
        kind = SOURCE_KINDS.get(c["source_kind"], c["source_kind"])
        which = ", ".join(sorted(names["source"].get(i, "?") for i in c.get("source_ids", ())))
        parts.append(f"Source: {kind}" + (f" ({which})" if which else ""))
    for key, label in (("product_category_ids", "Product category"), ("lead_type_ids", "Lead type"),
                       ("division_ids", "Division")):
        if key in c:
            parts.append(f"{label}: " + ", ".join(sorted(names["master"].get(i, "?") for i in c[key])))
    for key, label in (("cities", "City"), ("states", "State")):
        if key in c:
            parts.append(f"{label}: " + ", ".join(sorted(n.title() if key == "cities" else n.upper()
                                                         for n in c[key])))
    return wording.say(" · ".join(parts))


def _views(session: Session, rows: list[AssignmentRule]) -> list[RuleView]:
    parsed = {r.id: (cond.parse(r.conditions), parse_members(r.members)) for r in rows}
    people = {e.id: e for e in session.exec(select(Employee))}
    master_ids = {i for c, _ in parsed.values() for k in ("source_ids", *cond.ID_KEYS) for i in c.get(k, ())}
    masters = dict(session.exec(select(MasterEntry.id, MasterEntry.name).where(MasterEntry.id.in_(master_ids)))
                   .all()) if master_ids else {}
    contact_ids = {i for c, _ in parsed.values() if c.get("source_kind") in ("contact", "friend")
                   for i in c.get("source_ids", ())}
    contacts = dict(session.exec(select(Contact.id, Contact.name).where(Contact.id.in_(contact_ids))).all()) \
        if contact_ids else {}
    out = []
    for r in rows:
        c, members = parsed[r.id]
        source = {"campaign": masters, "employee": {i: e.name for i, e in people.items()}}.get(
            c.get("source_kind", ""), contacts)
        member_views = [MemberView(m, people[m].name if m in people else "?", w, m in people and people[m].active)
                        for m, w in members]
        text = ", ".join(m.name + (f" ×{m.weight}" if r.method == "weighted" else "") +
                         ("" if m.active else " (inactive)") for m in member_views)
        out.append(RuleView(id=r.id, name=r.name, position=r.position, enabled=r.enabled, is_fallback=r.is_fallback,
                            method=r.method, method_label=METHODS.get(r.method, r.method), members=member_views,
                            members_text=text, cap=r.cap, cap_text=f"{r.cap} open" if r.cap else "No cap",
                            conditions={k: sorted(v) if isinstance(v, set) else v for k, v in c.items()},
                            conditions_text=_describe(c, {"source": source, "master": masters}), version=r.version))
    return out


def list_rules(session: Session, actor: Actor) -> list[RuleView]:
    require_admin(actor)
    return _views(session, _ordered(session))


def _get(session: Session, rule_id) -> AssignmentRule:
    row = session.get(AssignmentRule, int(rule_id or 0))
    if row is None:
        raise NotFound("That assignment rule no longer exists; the list now shows the current rules.")
    return row


def save_rule(session: Session, actor: Actor, data: dict, *, rule_id: int | None = None,
              expected_version: int | None = None, now: datetime) -> RuleView:
    """Add (``rule_id`` None, placed last) or change a rule. ``expected_version``: the version
    the form read; a rule saved meanwhile is refused naming who and when."""
    require_admin(actor)
    row = _get(session, rule_id) if rule_id else None
    if row is not None and expected_version is not None and row.version != int(expected_version):
        last = versions.last_save(session, row)
        when = last.at.replace(tzinfo=last.at.tzinfo or app_settings.zone(session)) if last.at else None
        at = when.astimezone(app_settings.zone(session)).strftime("%d %b %Y, %H:%M") if when else "just now"
        raise versions.EditConflict(f"{last.who} changed this rule at {at}, after you opened it. Nothing of yours "
                                    "was saved: the form now shows the current values; make your change again.")
    clean = clean_rule(session, data, rule_id=row.id if row else None)
    if row is None:
        last = max((r.position for r in session.exec(select(AssignmentRule))), default=0)
        row = AssignmentRule(**clean, position=last + 1, created_at=now, updated_at=now, updated_by_id=actor.id)
    else:
        for key, value in clean.items():
            setattr(row, key, value)
        row.updated_at, row.updated_by_id = now, actor.id
    with versions.guard(WHAT):
        session.add(row)
        session.flush()
    return _views(session, [row])[0]


def delete_rule(session: Session, actor: Actor, rule_id) -> None:
    """Refused while a revoke policy sends leads through the rule (its leads would have nowhere to go)."""
    require_admin(actor)
    row = _get(session, rule_id)
    policy = session.exec(select(RevokePolicy).where(RevokePolicy.rule_id == row.id)).first()
    if policy is not None:
        raise DomainError(f'The revoke policy "{policy.name}" sends leads through {row.name}: change that policy '
                          "first, or switch the rule off instead.")
    session.delete(row)
    session.flush()


def move_rule(session: Session, actor: Actor, rule_id, step: int) -> None:
    """Move a rule ``step`` places up (negative) or down in the order. Positions are written
    around the ORM: reordering is not an edit of the rules, so an open edit form stays valid."""
    require_admin(actor)
    row = _get(session, rule_id)
    rows = [r for r in _ordered(session) if r.is_fallback == row.is_fallback]
    index = [r.id for r in rows].index(row.id)
    target = max(0, min(len(rows) - 1, index + int(step)))
    if target == index:
        return
    rows.insert(target, rows.pop(index))
    table = AssignmentRule.__table__
    for position, r in enumerate(rows, start=1):
        if r.position != position:
            session.execute(update(table).where(table.c.id == r.id).values(position=position))
            session.expire(r, ["position"])


def form_values(view: RuleView) -> dict:
    """What the edit form shows of a rule (texts and lists of id texts, as a form keeps them) and
    the version it read, which its save sends back."""
    c = view.conditions
    return {"name": view.name, "enabled": view.enabled, "is_fallback": view.is_fallback, "method": view.method,
            "cap": str(view.cap or ""), "source_kind": c.get("source_kind", ""),
            **{k: [str(i) for i in c.get(k, [])] for k in ("source_ids", *cond.ID_KEYS[1:])},
            "cities": ", ".join(n.title() for n in c.get("cities", [])),
            "states": ", ".join(n.upper() for n in c.get("states", [])),
            "member_ids": [str(m.id) for m in view.members if m.active],
            "weights": {str(m.id): str(m.weight) for m in view.members}, "version": view.version}
