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
    """The actor's planned follow-ups, by company-local date of ``now``."""

    overdue: list[FollowUpView] = field(default_factory=list)
    today: list[FollowUpView] = field(default_factory=list)
    upcoming: list[FollowUpView] = field(default_factory=list)
