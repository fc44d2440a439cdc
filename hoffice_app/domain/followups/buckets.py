"""The /follow-ups page's lists by the clock: the actor's own planned follow-ups ("Mine") and,
for a manager or administrator, their team's ("Team"), each split by the company's date (its
time zone from the settings, not the server's or UTC):

* **Today** holds everything due on the company's date, earliest first, including what fell
  due earlier today: that is still today's work, and a list of "today" that loses the 09:00
  call at 09:01 reads as if it was done. Those rows say "overdue" (``FollowUpView.state``).
* **Overdue** is everything past its due time, the most recent first: the one that just
  slipped is the one still worth saving; the month-old one sinks to the bottom.
* **Upcoming**: due after today.

Overdue and Today overlap. The page lists each follow-up once: its Overdue section shows what
is due before today and counts every overdue one, with a note "+N earlier today" pointing at
Today (two rows for one call, each with its own buttons, would read as two calls). Counts
elsewhere (the dashboard) use ``overdue``, which holds them all.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlmodel import Session

from hoffice_app.domain.common import Actor, PermissionDenied, require_actor
from hoffice_app.domain.followups.service import query, views_of, zone_name
from hoffice_app.domain.followups.views import MyFollowUps
from hoffice_app.domain.leads import team_ids, visible_clause
from hoffice_app.models import DueState, FollowUp, FollowUpStatus

NO_TEAM = "Only managers and administrators see their team's follow-ups."


def my_follow_ups(session: Session, actor: Actor, *, now: datetime, limit: int = 200) -> MyFollowUps:
    """The planned follow-ups assigned to the actor, on leads they can see."""
    require_actor(actor)
    return _buckets(session, actor, FollowUp.assignee_id == actor.id, now=now, limit=limit)


def team_follow_ups(session: Session, actor: Actor, *, now: datetime, limit: int = 200) -> MyFollowUps:
    """The planned follow-ups of everyone reporting to the manager, at any depth (an
    administrator: everyone's), on leads the actor may see; not the actor's own, which are
    "Mine". An executive is refused (PermissionDenied) rather than shown their own list again
    under another name."""
    require_actor(actor)
    if actor.is_admin:
        whose = FollowUp.assignee_id != actor.id
    elif actor.role == "manager":
        whose = FollowUp.assignee_id.in_(sorted(team_ids(session, actor.id) - {actor.id}))
    else:
        raise PermissionDenied(NO_TEAM)
    return _buckets(session, actor, whose, now=now, limit=limit)


def may_see_team(actor: Actor | None) -> bool:
    """Whether ``team_follow_ups`` would answer (a page shows its "Team" tab then)."""
    return actor is not None and (actor.is_admin or actor.role == "manager")


def _buckets(session: Session, actor: Actor, whose, *, now: datetime, limit: int) -> MyFollowUps:
    """At most ``limit`` in each list: overdue keeps the most recent, today and upcoming the
    earliest, so a backlog of old overdue follow-ups does not push today's off the page."""
    zone = ZoneInfo(zone_name(session))
    today = now.astimezone(zone).date()
    start = datetime.combine(today, time(), zone).astimezone(timezone.utc)
    tomorrow = datetime.combine(today + timedelta(days=1), time(), zone).astimezone(timezone.utc)
    limit = max(int(limit), 0)
    planned = query().where(whose, FollowUp.status == FollowUpStatus.PLANNED, visible_clause(session, actor))
    earliest, latest = (FollowUp.due_at, FollowUp.id), (FollowUp.due_at.desc(), FollowUp.id.desc())
    out = MyFollowUps(
        overdue=views_of(session, actor, planned.where(FollowUp.due_at < now).order_by(*latest).limit(limit), now=now),
        today=views_of(session, actor, planned.where(FollowUp.due_at >= start, FollowUp.due_at < tomorrow)
                       .order_by(*earliest).limit(limit), now=now),
        upcoming=views_of(session, actor, planned.where(FollowUp.due_at >= tomorrow).order_by(*earliest).limit(limit),
                          now=now))
    slipped = {v.id for v in out.today if v.state == DueState.OVERDUE}
    out.before_today = [v for v in out.overdue if v.id not in slipped]
    out.overdue_today = len(slipped)
    return out
