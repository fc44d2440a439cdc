"""A small, hand-countable history for the insights tests (company zone Asia/Kolkata,
UTC+5:30): "this month" at NOW is 1–31 March 2026 IST = [28 Feb 18:30, 31 Mar 18:30) UTC."""
from __future__ import annotations

from datetime import datetime, timezone

from hoffice_app.domain import insights
from hoffice_app.domain.followups import service as followups
from hoffice_app.domain.funnel import moves
from hoffice_app.models import FollowUp, FunnelStage
from tests.contact_factory import actor, master_id
from tests.lead_factory import make_lead

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=timezone.utc)
PLANNED_AT = datetime(2026, 2, 20, 9, 0, tzinfo=timezone.utc)
MARCH_START = datetime(2026, 2, 28, 18, 30, tzinfo=timezone.utc)  # 1 Mar 00:00 IST
APRIL_START = datetime(2026, 3, 31, 18, 30, tzinfo=timezone.utc)  # 1 Apr 00:00 IST
JUST = (1, "minute")


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def local(moment: datetime) -> str:
    """A UTC moment as the follow-up form takes it (company-local)."""
    return moment.astimezone(insights_zone()).strftime("%Y-%m-%dT%H:%M")


def insights_zone():
    from zoneinfo import ZoneInfo
    return ZoneInfo("Asia/Kolkata")


def plan(session, who, lead, due: datetime, *, at: datetime = PLANNED_AT) -> FollowUp:
    view = followups.schedule(session, who, lead.id, {"kind": "call", "due_at": local(due)}, now=at)
    return session.get(FollowUp, view.id)


def done(session, who, follow_up: FollowUp, at: datetime) -> None:
    followups.complete(session, who, follow_up.id, "Spoke to them", None, now=at)


def stage(session, name: str) -> FunnelStage:
    from sqlmodel import select
    return session.exec(select(FunnelStage).where(FunnelStage.name == name)).one()


def move(session, who, lead, name: str, at: datetime, **extra) -> None:
    session.refresh(lead)
    moves.move_lead(session, who, lead.id, stage(session, name).id, expected_version=lead.version, now=at, **extra)


def views(session, who, preset="this_month", first="", last=""):
    return (insights.resolve_scope(session, who),
            insights.resolve_period(session, preset, first, last, now=NOW))


__all__ = ["actor", "make_lead", "master_id"]
