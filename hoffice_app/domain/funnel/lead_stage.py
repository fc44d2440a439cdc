"""Where one lead is in its funnel, for the lead's own page: the funnel and stage, how many
days it has spent there (calendar days in the company's time zone, counted from when it
entered), when it was won or lost and why, and the stages it may be moved to. The move
itself is moves.move_lead, the same call as the board's drag and drop, with the version
read here: a lead moved or edited since is refused with who did it and where it is now."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from hoffice_app.domain.common import Actor, Option, require_actor
from hoffice_app.domain.funnel.moves import stages
from hoffice_app.domain.leads import get_visible
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Funnel, FunnelStage, MasterEntry

DAY_FORMAT = "%d %b %Y"


@dataclass
class StageChoice:
    value: str  # the stage's id
    label: str
    kind: str  # open | won | lost


@dataclass
class LeadStage:
    lead_id: int
    version: int  # the lead's version as read: the move sends it back
    funnel: str = ""  # "" when the lead is in no funnel
    stage: str = ""
    stage_id: str = ""
    kind: str = ""  # open | won | lost, "" without a stage
    color: str = "gray"
    days: int = 0  # calendar days in the stage, in the company's time zone
    days_text: str = ""  # "Entered today", "1 day in this stage", "12 days in this stage"
    since: str = ""  # the day it entered the stage, "3 Dec 2026"
    closed_on: str = ""  # the day it was won or lost
    lost_reason: str = ""
    choices: list[StageChoice] = field(default_factory=list)  # the funnel's active stages, in order
    lost_reasons: list[Option] = field(default_factory=list)


def _days_text(days: int) -> str:
    if days <= 0:
        return "Entered today"
    return f"{days} day{'s' if days != 1 else ''} in this stage"


def lead_stage(session: Session, actor: Actor, lead: int | str, *, now: datetime) -> LeadStage:
    """The place of the lead with this id (or code, "L000123"); NotFound when the actor may
    not see it, as everywhere."""
    require_actor(actor)
    lead = get_visible(session, actor, code=lead) if isinstance(lead, str) else get_visible(session, actor,
                                                                                            lead_id=lead)
    out = LeadStage(lead_id=lead.id, version=lead.version)
    funnel = session.get(Funnel, lead.funnel_id) if lead.funnel_id else None
    if funnel is None:
        return out
    tz = app_settings.zone(session)
    today = now.astimezone(tz).date()
    out.funnel = funnel.name
    out.choices = [StageChoice(str(s.id), s.name, s.kind) for s in stages(session, funnel.id)]
    out.lost_reasons = masters.options(session, actor, "lost_reason")
    stage = session.get(FunnelStage, lead.stage_id) if lead.stage_id else None
    if stage is None:
        return out
    out.stage, out.stage_id, out.kind, out.color = stage.name, str(stage.id), stage.kind, stage.color
    if lead.stage_entered_at:
        entered = lead.stage_entered_at.astimezone(tz).date()
        out.days, out.since = max(0, (today - entered).days), entered.strftime(DAY_FORMAT)
        out.days_text = _days_text(out.days)
    if stage.kind != "open" and lead.closed_at:
        out.closed_on = lead.closed_at.astimezone(tz).strftime(DAY_FORMAT)
    if stage.kind == "lost" and lead.lost_reason_id:
        reason = session.get(MasterEntry, lead.lost_reason_id)
        out.lost_reason = reason.name if reason else ""
    return out
