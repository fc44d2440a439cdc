"""500 demo leads over the demo contacts: products, sources, priorities,
followers, a place on the funnel and follow-ups (some overdue, some due today),
so the lists, the follow-ups page and the funnel show a living sales floor
(demo_history.py then gives them their past: stage moves and work done)."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlmodel import Session, delete, func, select

from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.followups import refresh_next_follow_up, remind_at
from hoffice_app.domain.funnel import ensure_default_funnel, stages
from hoffice_app.domain.leads import save_lead
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.domain.org import find_by_code
from hoffice_app.models import Contact, FollowUp, Lead, MasterEntry, Notification, OutboxMessage

LEADS = 500
NEEDS = ["users", "branches", "devices", "seats", "locations"]
NOTES = ["Send the brochure", "Confirm budget", "Demo for the owner", "Discuss AMC terms", "Share the quotation"]


def _ids(session: Session, kind: str) -> list[MasterEntry]:
    return list(session.exec(select(MasterEntry).where(MasterEntry.kind == kind).order_by(MasterEntry.position)))


def seed_demo_leads(session: Session, *, now: datetime) -> int:
    """Adds the demo leads once (skipped when any lead exists)."""
    if session.exec(select(func.count()).select_from(Lead)).one():
        return 0
    rng = random.Random(500)
    people = [find_by_code(session, c) for c in ("E02", "E03", "E04", "E05")]
    executives = people[1:]
    contacts = list(session.exec(select(Contact.code).where(Contact.is_private == False)))  # noqa: E712
    if not contacts:
        return 0
    categories = _ids(session, "product_category")
    products = {c.id: [p for p in _ids(session, "product") if p.parent_id == c.id] for c in categories}
    statuses, priorities = _ids(session, "lead_status"), _ids(session, "lead_priority")
    types, campaigns, titles = _ids(session, "lead_type"), _ids(session, "campaign"), _ids(session, "lead_title")
    kinds = ["call", "meeting", "email", "visit", "whatsapp"]
    funnel_stages = stages(session, ensure_default_funnel(session).id)
    lost_reasons = _ids(session, "lost_reason")
    for _ in range(LEADS):
        stage = rng.choices(funnel_stages, weights=STAGE_WEIGHTS[:len(funnel_stages)])[0]
        creator = rng.choice(people)
        assignee = rng.choice(executives) if rng.random() < 0.9 else None
        category = rng.choice(categories)
        age = NEW_DAYS if stage.id == funnel_stages[0].id else MAX_DAYS  # new inquiries are young
        created = now - timedelta(days=rng.randrange(0, age), hours=rng.randrange(0, 24))
        data = {
            "title": f"{rng.choice(titles).name} – {rng.randrange(5, 200)} {rng.choice(NEEDS)}",
            "contact_code": rng.choice(contacts), "assigned_to_id": str(assignee.id) if assignee else "",
            "created_by_id": str(creator.id), "product_category_id": str(category.id),
            "product_ids": [str(p.id) for p in rng.sample(products[category.id],
                                                          k=min(len(products[category.id]), rng.randrange(1, 3)))],
            "status_id": str(rng.choice(statuses).id), "priority_id": str(rng.choice(priorities).id),
            "lead_type_id": str(rng.choice(types).id), "estimated_value": str(rng.randrange(20, 2000) * 5000),
            "source_kind": "campaign", "source_ref": str(rng.choice(campaigns).id),
            "follower_employee_ids": [str(people[0].id)] if rng.random() < 0.2 else [],
        }
        lead = save_lead(session, actor_of(creator), data, now=created)
        _place_on_funnel(session, rng, lead, stage, stage.id == funnel_stages[0].id, lost_reasons, created, now)
        if lead.is_open and rng.random() < 0.7:
            due = now + timedelta(days=rng.randrange(-10, 20), hours=rng.randrange(-5, 5))
            due = max(due, created + timedelta(hours=1))  # never due before the lead was made
            owner = assignee or creator
            told = now if due <= now else None  # the demo starts with no backlog of overdue messages
            session.add(FollowUp(lead_id=lead.id, kind=rng.choice(kinds), due_at=due, assignee_id=owner.id,
                                 notes=rng.choice(NOTES), created_by_id=creator.id, created_at=created,
                                 remind_minutes=30, remind_at=remind_at(due, 30), reminded_at=told,
                                 overdue_notified_at=told, escalated_at=told))
            lead_events.record(session, lead.id, creator.id, "follow_up_planned", "Follow-up planned", at=created)
            session.flush()
            refresh_next_follow_up(session, lead.id)
    session.flush()
    _quiet_history(session, now)
    return LEADS


UNREAD_LEFT = 3  # each demo employee opens the app to a few unread notifications, not a hundred


def _quiet_history(session: Session, now: datetime) -> None:
    """The seeded history notified people as it went (a lead assigned, a stage reached):
    keep those as the bell's past, read but for each person's newest few, and send none of
    it by e-mail or SMS (the demo's addresses are made up)."""
    session.exec(delete(OutboxMessage))
    unread = session.exec(select(Notification).where(Notification.read_at.is_(None))
                          .order_by(Notification.recipient_id, Notification.id.desc())).all()
    kept: dict[int, int] = {}
    for note in unread:
        kept[note.recipient_id] = kept.get(note.recipient_id, 0) + 1
        if kept[note.recipient_id] > UNREAD_LEFT:
            note.read_at = now
            session.add(note)
    session.flush()


# Most demo leads sit in the early stages; a few are won or lost.
STAGE_WEIGHTS = [30, 22, 16, 12, 8, 6, 6]
MAX_DAYS, NEW_DAYS = 120, 9  # how old a lead is: up to four months, in the first stage up to nine days
OPEN_SKEW = 6  # an open lead's time in its stage is its age × random ** 6: most moved lately, about 1 in 5 is stuck


def _place_on_funnel(session: Session, rng: random.Random, lead: Lead, stage, first: bool, lost_reasons: list,
                     created: datetime, now: datetime) -> None:
    """On ``stage`` since a moment consistent with the moves demo_history.py writes: a lead in
    the first stage since it was made, one further on since lately, a closed one since it closed."""
    share = rng.random()
    if first:
        entered = created
    elif stage.kind == "open":
        entered = now - (now - created) * share ** OPEN_SKEW
    else:
        entered = created + (now - created) * share
    lead.funnel_id, lead.stage_id, lead.stage_entered_at = stage.funnel_id, stage.id, entered
    lead.is_open = stage.kind == "open"
    lead.closed_at = None if lead.is_open else entered
    lead.lost_reason_id = rng.choice(lost_reasons).id if stage.kind == "lost" and lost_reasons else None
    session.add(lead)
    if stage.kind == "won":  # as a real won move does
        contact = session.get(Contact, lead.contact_id)
        contact.is_customer = True
        session.add(contact)
