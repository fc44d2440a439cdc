"""Follow-ups on a lead: planning the next call, meeting, e-mail, visit or WhatsApp,
completing one (and planning the next in the same step), moving one to another time,
and the lists that show them (a lead's; mine and my team's by the clock).
"""
from .buckets import may_see_team, my_follow_ups, team_follow_ups
from .moves import MovedMeanwhile, reschedule
from .service import (
    KIND_LABELS,
    REMINDERS,
    complete,
    follow_ups_where,
    lead_follow_ups,
    refresh_next_follow_up,
    remind_at,
    reminder_options,
    schedule,
)
from .views import FollowUpView, MyFollowUps

__all__ = [
    "complete",
    "follow_ups_where",
    "FollowUpView",
    "KIND_LABELS",
    "lead_follow_ups",
    "may_see_team",
    "MovedMeanwhile",
    "my_follow_ups",
    "MyFollowUps",
    "refresh_next_follow_up",
    "remind_at",
    "reminder_options",
    "REMINDERS",
    "reschedule",
    "schedule",
    "team_follow_ups",
]
