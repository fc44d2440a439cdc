"""Drill-downs: the list behind a number. A ``Drill`` travels in the list's URL
(``/leads?insight=won&from=…&to=…&by=source&key=campaign-5``) and becomes the same WHERE
clauses the number was counted with (metrics.py, dimensions.py), for the same scope
(scope.py, re-resolved for whoever opens the link: a link never widens what they may see).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlmodel import Session

from hoffice_app import routes
from hoffice_app.domain.common import Actor, as_id, require_actor
from hoffice_app.domain.followups import follow_ups_where
from hoffice_app.domain.insights import dimensions, metrics, period, scope
from hoffice_app.domain.policies import due_leads, enabled_policies
from hoffice_app.models import FunnelStage, Lead

_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")  # what urlencode (quote_plus) leaves as it is
PARAMS = ("insight", "from", "to", "team", "by", "key")
REVOKE_WITHIN = timedelta(hours=24)  # "about to be revoked": a policy takes the lead back within a day


@dataclass(frozen=True)
class Drill:
    metric: str  # a key of metrics.LEAD_METRICS or metrics.FOLLOW_UP_METRICS
    first: str = ""  # YYYY-MM-DD, company-local, inclusive
    last: str = ""
    team: str = ""  # a manager's id: their team (admins, managers above them)
    by: str = ""  # a key of dimensions.DIMENSIONS
    key: str = ""

    @property
    def follow_ups(self) -> bool:
        return self.metric in metrics.FOLLOW_UP_METRICS

    def params(self) -> dict[str, str]:
        """The URL query of this drill-down (empty values left out)."""
        values = {"insight": self.metric, "from": self.first, "to": self.last, "team": self.team, "by": self.by,
                  "key": self.key}
        return {k: v for k, v in values.items() if v}

    def url(self) -> str:
        """The list that shows this drill-down: follow-ups or leads. The query is what
        ``urlencode`` makes of ``params()``; values with nothing to escape (ids, dates, metric
        and dimension names: nearly all) are taken as they are, as a table of a thousand rows
        builds three thousand links (urlencode alone took ~130 ms of the lead insights)."""
        query = "&".join(f"{k}={v}" if _PLAIN.fullmatch(v) else urlencode({k: v})
                         for k, v in self.params().items())
        return (routes.FOLLOW_UPS if self.follow_ups else routes.LEADS) + "?" + query

    def encode(self) -> str:
        """One string for LeadQuery.drill / the follow-up list."""
        return "&".join(f"{k}={v}" for k, v in self.params().items())


def from_params(values: dict) -> Drill | None:
    """A drill from URL query values; None when there is no (known) metric."""
    metric = str(values.get("insight") or "").strip()
    if metric not in metrics.LEAD_METRICS and metric not in metrics.FOLLOW_UP_METRICS:
        return None
    return Drill(metric, *(str(values.get(k) or "").strip()[:40] for k in PARAMS[1:]))


def decode(text: str) -> Drill | None:
    pairs = (part.partition("=") for part in str(text or "").split("&"))
    return from_params({k: v for k, _, v in pairs})


def make(metric: str, when: period.Period | None, view: scope.Scope, by: str = "", key: str = "") -> Drill:
    """The drill-down of a number counted for ``view`` over ``when``."""
    first, last = (when.first.isoformat(), when.last.isoformat()) if when else ("", "")
    return Drill(metric, first, last, str(view.team_id or ""), by, key)


def period_of(session: Session, drill: Drill, now: datetime) -> period.Period:
    if drill.first and drill.last:
        return period.resolve(session, "custom", drill.first, drill.last, now=now)
    return period.resolve(session, period.DEFAULT, now=now)


def revoke_soon_ids(session: Session, *, now: datetime) -> set[int]:
    """Open leads an enabled policy takes back within REVOKE_WITHIN (the engine's own computation)."""
    ids: set[int] = set()
    for policy in enabled_policies(session):
        ids |= {d.lead_id for d in due_leads(session, policy, now=now, horizon=REVOKE_WITHIN)
                if d.deadline <= now + REVOKE_WITHIN}
    return ids


def _special(session: Session, drill: Drill, when: period.Period, now: datetime) -> list | None:
    if drill.metric == "revoke_soon":
        return [Lead.id.in_(sorted(revoke_soon_ids(session, now=now)) or [0])]
    if drill.metric in ("reached", "left"):
        stage = session.get(FunnelStage, as_id(drill.key) or 0)
        if stage is None:
            return [Lead.id.is_(None)]
        if drill.metric == "left":
            return metrics.left(stage.id, when)
        return metrics.lead_metric(session, "created", when, now) + metrics.reached(session, stage)
    return None


def lead_conditions(session: Session, actor: Actor, drill: Drill, *, now: datetime) -> list:
    """The WHERE clauses (on Lead) of a lead drill-down, scope included. Bad dates raise
    ValidationError as the insights page's own filter does."""
    require_actor(actor)
    view = scope.resolve(session, actor, drill.team)
    when = period_of(session, drill, now)
    special = _special(session, drill, when, now)
    if special is not None:
        return [scope.lead_clause(session, view), *special]
    by_key = dimensions.condition(drill.by, drill.key) if drill.by else []
    return [scope.lead_clause(session, view), *metrics.lead_metric(session, drill.metric, when, now), *by_key]


def follow_up_conditions(session: Session, actor: Actor, drill: Drill, *, now: datetime) -> list:
    """The WHERE clauses (on FollowUp joined with Lead) of a follow-up drill-down."""
    require_actor(actor)
    view = scope.resolve(session, actor, drill.team)
    when = period_of(session, drill, now)
    by_key = dimensions.condition(drill.by, drill.key, follow_ups=True) if drill.by else []
    return [scope.follow_up_clause(session, view), *metrics.follow_up_metric(drill.metric, when, now), *by_key]



def follow_up_page(session: Session, actor: Actor, drill: Drill, *, now: datetime, page: int = 1,
                   per_page: int = 50):
    """(count, one page of FollowUpView) behind a follow-up number."""
    return follow_ups_where(session, actor, follow_up_conditions(session, actor, drill, now=now), now=now,
                            page=page, per_page=per_page)
