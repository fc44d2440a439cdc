"""DTOs for follow-ups: what the lead page, "My follow-ups" and the CLI get back."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FollowUpView:
    """One follow-up. Times are shown in the company's time zone."""

    id: int
    lead_id: int
    lead_code: str
    lead_title: str
    contact_name: str
    kind: str  # call | meeting | email | visit | whatsapp
    kind_label: str  # Call | Meeting | E-mail | Visit | WhatsApp
    due: str  # "26 Nov 2026, 10:30"
    due_iso: str  # "2026-11-26T10:30", for a datetime-local input
    assignee_id: int
    assignee: str
    notes: str
    status: str  # planned | done
    outcome: str
    state: str  # overdue | today | planned | done
    completed: str  # "26 Nov 2026, 11:05", or "" while planned


@dataclass
class MyFollowUps:
    """Planned follow-ups by the clock, in the company's time zone (followups.buckets).

    ``overdue`` (due before now, the most recent first) and ``today`` (due on the company's
    date, earliest first) overlap: what fell due earlier today is in both, and its ``state``
    says "overdue". ``before_today`` is ``overdue`` without those, and ``overdue_today`` counts
    them, so a page can list each follow-up once and still count every overdue one."""

    overdue: list[FollowUpView] = field(default_factory=list)
    today: list[FollowUpView] = field(default_factory=list)
    upcoming: list[FollowUpView] = field(default_factory=list)
    before_today: list[FollowUpView] = field(default_factory=list)
    overdue_today: int = 0
