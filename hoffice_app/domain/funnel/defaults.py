"""Which funnel a new lead starts in, and the funnel every new database starts with.

Several funnels run side by side (say "Sales" for end customers, "Dealer onboarding" for
dealers). An administrator sets, in Settings → Funnels, a default funnel per lead type, per
division and for the whole company. A new lead's funnel is, in this order:

1. the default of its lead type;
2. the default of the division of the employee who will work the lead: its assignee, or its
   creator while it is unassigned (the board and the follow-ups are the assignee's; a lead
   entered at the front desk for a dealer manager belongs in the manager's division's funnel).
   An employee in several divisions takes the first of them, in the order of the Divisions
   list, that has a default (a deactivated division's default is skipped);
3. the company's default funnel;
4. the first active funnel (a database where nobody set a default yet).

A default pointing at a switched-off funnel is skipped. The lead form shows the funnel this
gives and follows the type and the assignee until its user picks a funnel by hand; the
domain applies the same rule to a lead saved without a funnel (API, import, demo data).

The defaults are setting rows (key ``funnel_default`` for the company,
``funnel_default:lead_type:<id>`` and ``funnel_default:division:<id>``, value the funnel's
id), as each lead type's default status is kept (masters/type_statuses.py): no schema change,
and a type or division without a default has no row. A lead type or division that is some
funnel's default counts as used, so it cannot be deleted while the row points at it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, as_id, require_actor, require_admin, versions
from hoffice_app.domain.masters import register_usage
from hoffice_app.models import EmployeeDivision, Funnel, MasterEntry, Setting

# The demo funnel: (stage, probability %, kind, colour, days before a card "rots")
FUNNEL_NAME = "Sales Funnel"
FUNNEL_STAGES: list[tuple[str, int, str, str, int | None]] = [
    ("New Inquiry", 10, "open", "blue", 7), ("Contacted", 20, "open", "cyan", 10),
    ("Demo Scheduled", 40, "open", "violet", 14), ("Proposal Sent", 60, "open", "amber", 14),
    ("Negotiation", 80, "open", "orange", 21), ("Won", 100, "won", "green", None), ("Lost", 0, "lost", "red", None),
]

COMPANY_KEY = "funnel_default"
PREFIX = "funnel_default:"
SCOPES = {"lead_type": "lead type", "division": "division"}  # master list → how a message names it


@dataclass
class FunnelDefaults:
    """Every default, ids as text ("" none), as the lead form and Settings hold them: the form
    picks a funnel as its user changes the type or the assignee without asking the database."""

    company: str = ""
    by_type: dict[str, str] = field(default_factory=dict)
    by_division: dict[str, str] = field(default_factory=dict)
    by_employee: dict[str, str] = field(default_factory=dict)  # employee id → their first division's default
    first: str = ""  # the first active funnel: the last resort


def default_key(scope: str, entry_id: int | None = None) -> str:
    return COMPANY_KEY if scope == "company" else f"{PREFIX}{scope}:{entry_id}"


def funnel_defaults(session: Session, actor: Actor) -> FunnelDefaults:
    """The defaults, as the lead form and Settings → Funnels show them."""
    require_actor(actor)
    return read_defaults(session)


def read_defaults(session: Session) -> FunnelDefaults:
    """The defaults, limited to active funnels (a switched-off funnel's default is skipped)."""
    active = [str(i) for i in session.exec(select(Funnel.id).where(Funnel.active == True)  # noqa: E712
                                          .order_by(Funnel.position, Funnel.id))]
    rows = session.exec(select(Setting).where(Setting.key.startswith(COMPANY_KEY))).all()
    out = FunnelDefaults(first=active[0] if active else "")
    for row in rows:
        if row.value not in active:
            continue
        if row.key == COMPANY_KEY:
            out.company = row.value
        for scope, target in (("lead_type", out.by_type), ("division", out.by_division)):
            if row.key.startswith(f"{PREFIX}{scope}:"):
                target[row.key.rsplit(":", 1)[1]] = row.value
    if out.by_division:
        links = session.exec(select(EmployeeDivision.employee_id, EmployeeDivision.division_id)
                             .join(MasterEntry, MasterEntry.id == EmployeeDivision.division_id)
                             .where(MasterEntry.active == True)  # noqa: E712  (Settings lists active ones)
                             .order_by(MasterEntry.position, MasterEntry.id)).all()
        for employee_id, division_id in links:
            funnel_id = out.by_division.get(str(division_id))
            if funnel_id:
                out.by_employee.setdefault(str(employee_id), funnel_id)
    return out


def choose_funnel(defaults: FunnelDefaults, lead_type_id: str, employee_id: str) -> tuple[str, str]:
    """The funnel a new lead of this type, worked by this employee, starts in, and why:
    ("7", "lead type") · ("3", "division") · ("1", "company") · ("1", "first") · ("", "")."""
    for funnel_id, why in ((defaults.by_type.get(str(lead_type_id or "")), "lead type"),
                           (defaults.by_employee.get(str(employee_id or "")), "division"),
                           (defaults.company, "company"), (defaults.first, "first")):
        if funnel_id:
            return funnel_id, why
    return "", ""


def set_funnel_default(session: Session, actor: Actor, scope: str, entry_id: int | None, funnel_id: int | None, *,
                       now: datetime) -> None:
    """Make ``funnel_id`` (an active funnel; None: no default) the default of the company
    (``scope`` "company") or of one lead type or division (``scope`` its list, ``entry_id``)."""
    require_admin(actor)
    if scope != "company":
        entry = session.get(MasterEntry, as_id(entry_id) or 0)
        if scope not in SCOPES or entry is None or entry.kind != scope:
            raise ValidationError({"entry_id": f"That {SCOPES.get(scope, 'entry')} no longer exists."})
    key = default_key(scope, entry_id)
    row = session.get(Setting, key)
    if funnel_id is None:
        if row is not None:
            session.delete(row)
            versions.flush(session, "default funnel")
        return
    funnel = session.get(Funnel, as_id(funnel_id) or 0)
    if funnel is None or not funnel.active:
        raise ValidationError({"funnel_id": "Choose an active funnel from the list."})
    row = row or Setting(key=key)
    row.value, row.updated_at, row.updated_by_id = str(funnel.id), now, actor.id
    session.add(row)
    versions.flush(session, "default funnel")


@register_usage
def _used_as_funnel_default(session: Session, entry: MasterEntry) -> list[str]:
    if entry.kind not in SCOPES:
        return []
    row = session.get(Setting, default_key(entry.kind, entry.id))
    funnel = session.get(Funnel, as_id(row.value) or 0) if row else None
    return [f"its default funnel {funnel.name if funnel else ''} in Settings → Funnels".replace("  ", " ")] \
        if row else []
