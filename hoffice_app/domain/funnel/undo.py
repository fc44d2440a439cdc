"""Taking a board move back: the board confirms a move with "Undo" for a few seconds.

Undo is a move like any other (``move_lead_with_news``: the same permission check, timeline
line, news and notifications), back to the stage the lead came from, and only from the
version the first move left: when anyone changed the lead since, the undo is refused naming
who and where the lead is now, so it never overwrites their change. Moving back out of a
lost (or won) stage reopens the lead and clears the lost reason and the closing time, as any
move out of it does; moving back into a lost stage restores the lost reason it had. A
contact made a customer by a move to won stays one (it may be a customer for other reasons)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from hoffice_app.domain.common import Actor, versions
from hoffice_app.domain.funnel.moves import MovedMeanwhile, move_lead_with_news
from hoffice_app.domain.leads import get_visible
from hoffice_app.domain.live import News
from hoffice_app.models import FunnelStage, Lead


@dataclass(frozen=True)
class Undo:
    """What the board keeps (and sends with the toast's Undo) to take one move back."""
    lead_id: int
    version: int  # the lead's version right after the move
    back_to: int  # the stage it came from
    lost_reason_id: int  # 0: none (needed when it came from a lost stage)
    code: str
    moved_to: str  # the stage's name, for "Moved L000123 to Contacted"


class UndoRefused(MovedMeanwhile):
    """The lead changed after the move: the undo would overwrite someone's change."""

    def __init__(self, who: str, stage: str, version: int, stage_id: int | None):
        super().__init__(who, stage, version, stage_id)
        self.written = (f"Not undone: {who} changed this lead after your move; it is in {stage} now and shown "
                        "where it is.")


def move_undoably(session: Session, actor: Actor, lead_id: int, to_stage_id, *, expected_version: int,
                  now: datetime, lost_reason_id=None) -> tuple[Lead, News | None, Undo | None]:
    """``move_lead_with_news`` and what it takes to undo it (None when nothing moved, or the
    lead had no stage to go back to)."""
    lead = get_visible(session, actor, lead_id=lead_id)
    came_from, reason = lead.stage_id, lead.lost_reason_id
    lead, news = move_lead_with_news(session, actor, lead_id, to_stage_id, expected_version=expected_version,
                                     now=now, lost_reason_id=lost_reason_id)
    if news is None or came_from is None:
        return lead, news, None
    target = session.get(FunnelStage, lead.stage_id)
    return lead, news, Undo(lead.id, lead.version, came_from, reason or 0, lead.code, target.name if target else "")


def undo_move(session: Session, actor: Actor, lead_id: int, *, version: int, back_to: int, lost_reason_id: int = 0,
              now: datetime) -> tuple[Lead, News | None]:
    """Move the lead back to ``back_to``, only if it is still at ``version`` (else ``UndoRefused``)."""
    lead = get_visible(session, actor, lead_id=lead_id)
    if lead.version != version:
        stage = session.get(FunnelStage, lead.stage_id) if lead.stage_id else None
        raise UndoRefused(versions.last_save(session, lead).who, stage.name if stage else "no stage", lead.version,
                          lead.stage_id)
    return move_lead_with_news(session, actor, lead_id, back_to, expected_version=version, now=now,
                               lost_reason_id=lost_reason_id or None)
