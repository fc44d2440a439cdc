"""Funnel stages and moving leads between them.

A move is refused when the lead changed since the mover last saw it (its
version), naming who moved it and where it is now, so no move is lost or
silently overwritten. Moving into a lost stage needs a lost reason; into a won
stage closes the lead and makes its contact a customer. Every move is logged
with the time spent in the previous stage.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, func, select

from hoffice_app.domain import notify
from hoffice_app.domain.common import Actor, DomainError, NotFound, ValidationError, as_id, no_index, versions
from hoffice_app.domain.funnel.defaults import FUNNEL_NAME, FUNNEL_STAGES, choose_funnel, read_defaults
from hoffice_app.domain.leads import get_visible, visible_clause
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.domain.live import News, announce
from hoffice_app.models import Contact, Funnel, FunnelStage, Lead, MasterEntry, StageChange


class MovedMeanwhile(DomainError):
    """Someone else moved the lead after this viewer loaded it."""

    def __init__(self, who: str, stage: str, version: int, stage_id: int | None):
        self.who, self.stage, self.version, self.stage_id = who, stage, version, stage_id
        super().__init__(f"{who} changed this lead meanwhile; it is in {stage} now and shown where it is. "
                         "Move it again if you still want to.")


# reading a lead by id (its row) costs about this many entries of a covering index scan
LIST_FACTOR = 2.5

@dataclass
class StageTotals:
    stage_id: int
    name: str
    kind: str
    color: str
    probability: int
    count: int
    value: Decimal
    weighted: Decimal
    rows: int = 0  # every lead in the stage, before visibility and filters (counted for a product filter only)


def ensure_default_funnel(session: Session) -> Funnel:
    """The demo-data spec's "Sales Funnel" with its stages (idempotent)."""
    funnel = session.exec(select(Funnel).where(Funnel.name == FUNNEL_NAME)).first()
    if funnel is None:
        funnel = Funnel(name=FUNNEL_NAME, position=1)
        session.add(funnel)
        session.flush()
    existing = {s.name for s in session.exec(select(FunnelStage).where(FunnelStage.funnel_id == funnel.id))}
    for position, (name, probability, kind, color, rot) in enumerate(FUNNEL_STAGES, start=1):
        if name not in existing:
            session.add(FunnelStage(funnel_id=funnel.id, name=name, probability=probability, kind=kind, color=color,
                                    days_to_rot=rot, position=position))
    session.flush()
    return funnel


def stages(session: Session, funnel_id: int) -> list[FunnelStage]:
    return list(session.exec(select(FunnelStage).where(FunnelStage.funnel_id == funnel_id,
                                                       FunnelStage.active == True)  # noqa: E712
                             .order_by(FunnelStage.position, FunnelStage.id)))


def default_stage(session: Session) -> FunnelStage | None:
    """The last resort for a new lead: the first open stage of the first active funnel."""
    funnel = session.exec(select(Funnel).where(Funnel.active == True).order_by(Funnel.position, Funnel.id)).first()  # noqa
    return first_open_stage(session, funnel.id) if funnel else None


def first_open_stage(session: Session, funnel_id: int) -> FunnelStage | None:
    return next((s for s in stages(session, funnel_id) if s.kind == "open"), None)


def place_new_lead(session: Session, lead: Lead, *, now: datetime, funnel_id=None) -> None:
    """A new lead starts in the first open stage of ``funnel_id`` (the funnel its user chose,
    which must be active), or without a choice of the funnel its type, its assignee's (else its
    creator's) division or the company gives it (defaults.py)."""
    if lead.stage_id is not None:
        return
    if funnel_id not in (None, ""):
        funnel = session.get(Funnel, as_id(funnel_id) or 0)
        stage = first_open_stage(session, funnel.id) if funnel is not None and funnel.active else None
        if stage is None:
            raise ValidationError({"funnel_id": "Choose an active funnel from the list."})
    else:
        chosen, _why = choose_funnel(read_defaults(session), str(lead.lead_type_id or ""),
                                     str(lead.assigned_to_id or lead.created_by_id or ""))
        stage = (first_open_stage(session, int(chosen)) if chosen else None) or default_stage(session)
    if stage is not None:
        lead.funnel_id, lead.stage_id, lead.stage_entered_at = stage.funnel_id, stage.id, now


def enter_stage(session: Session, actor: Actor, lead: Lead, target: FunnelStage, *, now: datetime,
                lost_reason_id=None) -> tuple[FunnelStage | None, int | None, MasterEntry | None]:
    """Put ``lead`` in ``target`` (of its funnel or, for a move between funnels, of another),
    logged with the time spent where it was: a lost stage needs a lost reason, a won stage
    closes the lead and makes its contact a customer. Returns the stage it left, the seconds it
    spent there and the lost reason."""
    reason = None
    if target.kind == "lost":
        reason = session.get(MasterEntry, as_id(lost_reason_id) or 0)
        if reason is None or reason.kind != "lost_reason":
            raise ValidationError({"lost_reason_id": "Choose why the lead was lost."})
    previous = session.get(FunnelStage, lead.stage_id) if lead.stage_id else None
    spent = int((now - lead.stage_entered_at).total_seconds()) if lead.stage_entered_at else None
    session.add(StageChange(lead_id=lead.id, from_stage_id=previous.id if previous else None, to_stage_id=target.id,
                            actor_id=actor.id, at=now, seconds_in_previous=spent))
    lead.funnel_id, lead.stage_id, lead.stage_entered_at = target.funnel_id, target.id, now
    lead.updated_at, lead.updated_by_id = now, actor.id
    lead.is_open = target.kind == "open"
    lead.closed_at = None if lead.is_open else now
    lead.lost_reason_id = reason.id if reason else None
    if target.kind == "won":
        contact = session.get(Contact, lead.contact_id)
        contact.is_customer, contact.updated_at = True, now
        session.add(contact)
    return previous, spent, reason


def move_lead(session: Session, actor: Actor, lead_id: int, to_stage_id, *, expected_version: int, now: datetime,
              lost_reason_id=None) -> Lead:
    return move_lead_with_news(session, actor, lead_id, to_stage_id, expected_version=expected_version, now=now,
                               lost_reason_id=lost_reason_id)[0]


def move_lead_with_news(session: Session, actor: Actor, lead_id: int, to_stage_id, *, expected_version: int,
                        now: datetime, lost_reason_id=None) -> tuple[Lead, News | None]:
    """``move_lead``, and the news it announced (None when the lead was already in that
    stage): the mover's own board applies it as every other board does, without
    reading the board again."""
    lead = get_visible(session, actor, lead_id=lead_id)
    target = session.get(FunnelStage, as_id(to_stage_id) or 0)
    if target is None or target.funnel_id != lead.funnel_id or not target.active:
        raise ValidationError({"stage": "Choose a stage of this lead's funnel."})
    if lead.version != expected_version:
        raise moved_meanwhile(session, lead)
    if target.id == lead.stage_id:
        return lead, None
    previous, spent, reason = enter_stage(session, actor, lead, target, now=now, lost_reason_id=lost_reason_id)
    text = f"Stage: {previous.name if previous else 'none'} → {target.name}"
    if reason:
        text += f" (lost: {reason.name})"
    if spent is not None:
        text += f", after {duration(spent)} in {previous.name if previous else 'no stage'}"
    lead_events.record(session, lead.id, actor.id, "stage", text, at=now)
    session.add(lead)
    versions.flush(session, "lead")  # the version moves on (models/versioned.py)
    from hoffice_app.domain.funnel.news import move_news  # news.py builds on board.py, which imports this module

    news = move_news(session, lead, previous.id if previous else None, now=now)
    announce(session, news)
    notify.lead_moved(session, lead, target, actor=actor, now=now)
    return lead, news


def moved_meanwhile(session: Session, lead: Lead) -> MovedMeanwhile:
    who = versions.last_save(session, lead).who  # a move, an edit or an import: all bump the version
    stage = session.get(FunnelStage, lead.stage_id) if lead.stage_id else None
    return MovedMeanwhile(who, stage.name if stage else "no stage", lead.version, lead.stage_id)


def duration(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    if days:
        return f"{days} day{'s' if days != 1 else ''}"
    hours = rest // 3600
    return f"{hours} hour{'s' if hours != 1 else ''}" if hours else "less than an hour"


def column_totals(session: Session, actor: Actor, funnel_id: int, *, where: list | None = None,
                  listed: int | None = None) -> list[StageTotals]:
    """Count, value and weighted value per stage of the leads the actor may see
    (narrowed by ``where``, which must include the visibility clause), from one
    GROUP BY (never from loaded cards).

    ``listed``: how many leads a list in ``where`` names (a product's). Then a
    second GROUP BY on the covering index counts every lead of each stage
    (``rows``), which the board needs to page a column cheaply with that list
    (otherwise ``rows`` is the count: 10-15 ms saved on PostgreSQL). Reading the
    listed leads by id costs about LIST_FACTOR index entries each; when that is
    less than scanning the funnel's entries in ix_lead_board_totals, the funnel
    term is kept off the index (on SQLite, which plans without statistics): a
    product on 22,000 of 100,000 leads totals in ~20 ms instead of ~40."""
    funnel_stages = stages(session, funnel_id)
    if not funnel_stages:
        raise NotFound("No such funnel.")
    sizes = dict(session.exec(select(Lead.stage_id, func.count()).where(Lead.funnel_id == funnel_id)
                              .group_by(Lead.stage_id)).all()) if where and listed is not None else {}
    in_funnel = Lead.funnel_id == funnel_id
    if listed is not None and LIST_FACTOR * listed < sum(sizes.values()):
        in_funnel = no_index(session, Lead.funnel_id) == funnel_id
    cond = where or [visible_clause(session, actor, scanning=True)]
    rows = session.exec(select(Lead.stage_id, func.count(), func.coalesce(func.sum(Lead.estimated_value), 0))
                        .where(in_funnel, *cond).group_by(Lead.stage_id)).all()
    by_stage = {stage_id: (n, Decimal(value)) for stage_id, n, value in rows}
    out = []
    for s in funnel_stages:
        n, value = by_stage.get(s.id, (0, Decimal(0)))
        out.append(StageTotals(stage_id=s.id, name=s.name, kind=s.kind, color=s.color, probability=s.probability,
                               count=n, value=value, rows=sizes.get(s.id, n),
                               weighted=(value * s.probability / 100).quantize(Decimal("0.01"))))
    return out

