"""The line above a drill-down list saying what it holds: "Won · 1 Dec 2026 – 31 Dec 2026 ·
Source: Campaign — Diwali mailer · My team"."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from hoffice_app.domain.common import Actor, as_id
from hoffice_app.domain.insights import dimensions, labels, metrics, scope
from hoffice_app.domain.insights.drill import Drill, period_of
from hoffice_app.models import FunnelStage

TIMELESS = {"overdue", "unattended", "open", "stuck", "revoke_soon"}  # counted now, whatever the period


def describe(session: Session, actor: Actor, drill: Drill, *, now: datetime) -> str:
    name = metrics.FOLLOW_UP_METRICS.get(drill.metric) or metrics.LEAD_METRICS.get(drill.metric, drill.metric)
    parts = [name]
    if drill.metric in ("reached", "left"):
        stage = session.get(FunnelStage, as_id(drill.key) or 0)
        parts[0] = f"{name}: {stage.name}" if stage else name
    if drill.metric not in TIMELESS:
        parts.append(period_of(session, drill, now).label)
    if drill.by:
        label = labels.source_kind(drill.key) if drill.by == "kind" else \
            labels.for_keys(session, actor, drill.by, [drill.key])[drill.key]
        parts.append(f"{dimensions.DIMENSIONS.get(drill.by, drill.by)}: {label}")
    parts.append(scope.resolve(session, actor, drill.team).label)
    return " · ".join(parts)
