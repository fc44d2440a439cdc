"""Follow-ups on a lead: planning the next call, meeting, e-mail, visit or WhatsApp,
completing one (and planning the next in the same step), and the lists that show them.
"""
from .service import (
    KIND_LABELS,
    REMINDERS,
    complete,
    follow_ups_where,
    lead_follow_ups,
    my_follow_ups,
    refresh_next_follow_up,
    remind_at,
    reminder_options,
    schedule,
)
from .views import FollowUpView

__all__ = [
    "complete",
    "follow_ups_where",
    "FollowUpView",
    "KIND_LABELS",
    "lead_follow_ups",
    "my_follow_ups",
    "refresh_next_follow_up",
    "remind_at",
    "reminder_options",
    "REMINDERS",
    "schedule",
]
