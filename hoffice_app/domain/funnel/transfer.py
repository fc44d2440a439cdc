"""Moving a lead to another funnel (a dealer inquiry that turns out to be an end customer's).

The same rules as a stage move: whoever may see the lead may move it; the move carries the
version its mover read and is refused, changing nothing, when the lead changed meanwhile; the
mover picks the stage of the other funnel, and a lost stage needs a lost reason. The lead's
time in the new stage starts now; the stage change log and the timeline ("Moved from funnel
Sales · Contacted to funnel Dealers · New") keep where it came from. Both funnels' open
boards hear of it as of a stage move: the card leaves one board and lands on the other
without either reading the database (news.py: its stages are the two columns it shifts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain import notify
from hoffice_app.domain.common import Actor, DomainError, Option, ValidationError, as_id, versions
from hoffice_app.domain.funnel.moves import duration, enter_stage, stages
from hoffice_app.domain.leads import get_visible
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.domain.live import FUNNEL, News, announce
from hoffice_app.models import Funnel, FunnelStage, Lead


class FunnelChangedMeanwhile(DomainError):
    """Someone changed the lead after the mover opened the dialog: nothing was moved."""

    def __init__(self, who: str, where: str):
        self.who, self.where = who, where
        super().__init__(f"{who} changed this lead meanwhile; it is in {where} now. Nothing was moved: check "
                         "the lead and move it again if you still want to.")


@dataclass
class FunnelMoveChoices:
    """What the "Move to another funnel" dialog offers: where the lead is, the other active
    funnels, each one's stages, and the version the move will carry."""

    lead_id: int
    version: int
    where: str  # "Sales Funnel · Contacted"
    funnels: list[Option] = field(default_factory=list)
    stages: dict[str, list[Option]] = field(default_factory=dict)  # funnel id → its stages, in board order
    first_open: dict[str, str] = field(default_factory=dict)  # funnel id → its first open stage (new leads')
    lost: list[str] = field(default_factory=list)  # ids of lost stages: those need a lost reason


def _where(session: Session, lead: Lead) -> str:
    funnel = session.get(Funnel, lead.funnel_id) if lead.funnel_id else None
    stage = session.get(FunnelStage, lead.stage_id) if lead.stage_id else None
    return f"{funnel.name if funnel else 'no funnel'} · {stage.name if stage else 'no stage'}"


def funnel_move_choices(session: Session, actor: Actor, code: str) -> FunnelMoveChoices:
    lead = get_visible(session, actor, code=code)
    out = FunnelMoveChoices(lead.id, lead.version, _where(session, lead))
    others = session.exec(select(Funnel).where(Funnel.active == True, Funnel.id != (lead.funnel_id or 0))  # noqa
                          .order_by(Funnel.position, Funnel.id)).all()
    for funnel in others:
        funnel_stages = stages(session, funnel.id)
        key = str(funnel.id)
        out.funnels.append(Option(key, funnel.name))
        out.stages[key] = [Option(str(s.id), s.name) for s in funnel_stages]
        out.first_open[key] = next((str(s.id) for s in funnel_stages if s.kind == "open"), "")
        out.lost += [str(s.id) for s in funnel_stages if s.kind == "lost"]
    return out


def move_to_funnel(session: Session, actor: Actor, lead_id: int, to_stage_id, *, expected_version: int,
                   now: datetime, lost_reason_id=None) -> Lead:
    """Move the lead into ``to_stage_id``, a stage of another active funnel."""
    lead = get_visible(session, actor, lead_id=lead_id)
    if lead.version != expected_version:
        who = versions.last_save(session, lead).who
        raise FunnelChangedMeanwhile(who, _where(session, lead))
    target = session.get(FunnelStage, as_id(to_stage_id) or 0)
    funnel = session.get(Funnel, target.funnel_id) if target is not None and target.active else None
    if funnel is None or not funnel.active:
        raise ValidationError({"stage": "Choose a stage of the funnel to move the lead to."})
    if funnel.id == lead.funnel_id:
        raise ValidationError({"funnel": "The lead is in this funnel already; move it between stages on the board."})
    was = _where(session, lead)
    old_funnel = lead.funnel_id
    previous, spent, reason = enter_stage(session, actor, lead, target, now=now, lost_reason_id=lost_reason_id)
    text = f"Moved from funnel {was} to funnel {funnel.name} · {target.name}"
    if reason:
        text += f" (lost: {reason.name})"
    if spent is not None and previous is not None:
        text += f", after {duration(spent)} in {previous.name}"
    lead_events.record(session, lead.id, actor.id, "stage", text, at=now)
    session.add(lead)
    versions.flush(session, "lead")  # the version moves on (models/versioned.py)
    from hoffice_app.domain.funnel.news import move_news  # news.py builds on board.py, which imports moves.py

    news = move_news(session, lead, previous.id if previous else None, now=now)
    announce(session, news)  # the new funnel's boards: the card arrives in its stage
    if old_funnel and old_funnel != lead.funnel_id:
        announce(session, News(FUNNEL, old_funnel, news.data))  # the old funnel's boards: it leaves its column
    notify.lead_moved(session, lead, target, actor=actor, now=now)
    return lead
