"""What a move tells every open board of its funnel, and how a board applies it
without asking the database.

A move's news carries the card as anyone allowed to see its contact reads it, the
stages it left and entered, its value, and the facts every viewer's visibility and
filters depend on (assignee, creator, employee followers, priority, products,
source, who a private contact is shared with, the contact's divisions when they limit
who sees it). A board decides from those and from
what it holds about its viewer (``Viewer``, read once when the board opens) whether
the lead is on its board at all; if so it shifts the two columns' totals and cards.
So a move costs each open board no query, however many boards are open. A move
changes only the stage, so a lead on a viewer's board before it is on it after.

Other changes to leads (a save, a re-assignment) announce only the funnel; boards
showing it refresh from the database, at most once a second each.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, as_id
from hoffice_app.domain.contacts import divisions_limit
from hoffice_app.domain.funnel.board import BoardFilter, Card, cards_for
from hoffice_app.domain.funnel.moves import StageTotals
from hoffice_app.domain.leads import PRIVATE_CONTACT, team_ids
from hoffice_app.domain.live import FUNNEL, News
from hoffice_app.models import (
    Contact,
    ContactDivision,
    ContactPrivacy,
    EmployeeDivision,
    FunnelStage,
    Lead,
    LeadFollower,
    LeadProduct,
)

ANYONE = Actor(id=0, code="", name="", email="", role="admin")  # reads the card unmasked; viewers mask it


@dataclass(frozen=True)
class Viewer:
    """Who a board shows leads to, as the board's news test needs it."""

    id: int
    admin: bool
    people: frozenset[int]  # whose leads they see: themselves, or a manager and their whole team
    divisions: frozenset[int] = frozenset()  # their divisions (a contact mapped elsewhere reads masked)


def viewer(session: Session, actor: Actor) -> Viewer:
    people = team_ids(session, actor.id) if actor.role == "manager" else {actor.id}
    divisions = session.exec(select(EmployeeDivision.division_id).where(EmployeeDivision.employee_id == actor.id))
    return Viewer(id=actor.id, admin=actor.is_admin, people=frozenset(people), divisions=frozenset(divisions))


def move_news(session: Session, lead: Lead, from_stage_id: int | None, *, now: datetime) -> News:
    """The news of ``lead``'s move (after it was made, its new version flushed)."""
    stage = session.get(FunnelStage, lead.stage_id)
    card = cards_for(session, ANYONE, [lead], stage.days_to_rot if stage else None, now=now)[0]
    contact = session.get(Contact, lead.contact_id)
    private = bool(contact and contact.is_private)
    data = {
        "lead": lead.id, "version": lead.version, "from": from_stage_id, "to": lead.stage_id,
        "value": str(lead.estimated_value or 0), "assigned": lead.assigned_to_id, "created_by": lead.created_by_id,
        "followers": list(session.exec(select(LeadFollower.employee_id).where(
            LeadFollower.lead_id == lead.id, LeadFollower.employee_id.is_not(None)))),
        "priority": lead.priority_id, "source_kind": lead.source_kind or "",
        "products": list(session.exec(select(LeadProduct.product_id).where(LeadProduct.lead_id == lead.id))),
        "private": private,
        "shared": list(session.exec(select(ContactPrivacy.employee_id).where(
            ContactPrivacy.contact_id == contact.id))) if private else [],
        # [] when the contact has no division or the setting is off: divisions then hide nothing
        "divisions": list(session.exec(select(ContactDivision.division_id).where(
            ContactDivision.contact_id == contact.id))) if contact and divisions_limit(session) else [],
        "card": dataclasses.asdict(card),
    }
    return News(FUNNEL, lead.funnel_id, data)


def card_for(data: dict, who: Viewer, f: BoardFilter) -> Card | None:
    """The moved card as ``who`` sees it on a board with filters ``f``, or None when
    the lead is not on that board."""
    followers = set(data["followers"])
    if not (who.admin or data["assigned"] in who.people or data["created_by"] in who.people or who.id in followers):
        return None
    wanted = ((f.assigned_to_id, data["assigned"]), (f.priority_id, data["priority"]))
    if any(raw and str(value) != raw.strip() for raw, value in wanted):
        return None
    if (f.product_id and as_id(f.product_id) not in data["products"]) or \
            (f.source_kind and f.source_kind != data["source_kind"]) or \
            (f.mine and data["assigned"] != who.id) or (f.following and who.id not in followers):
        return None
    card = Card(**data["card"])
    divisions = data.get("divisions") or []
    if not who.admin and ((data["private"] and who.id not in data["shared"])
                          or (divisions and not who.divisions.intersection(divisions))):
        card.contact = PRIVATE_CONTACT
    return card


def shifted(totals: list[StageTotals], data: dict) -> list[StageTotals]:
    """The columns' totals after the move: one lead and its value out of the stage it
    left, into the stage it entered."""
    value, out = Decimal(data["value"]), []
    for t in totals:
        sign = (t.stage_id == data["to"]) - (t.stage_id == data["from"])
        if sign:
            moved = t.value + sign * value
            t = dataclasses.replace(t, count=t.count + sign, value=moved, rows=t.rows + sign,
                                    weighted=(moved * t.probability / 100).quantize(Decimal("0.01")))
        out.append(t)
    return out
