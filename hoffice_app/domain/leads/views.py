"""DTOs for the lead list (the query the UI sends and the page it gets back) and the lead form."""
from __future__ import annotations

from dataclasses import dataclass, field

from hoffice_app.domain.common import Option


@dataclass
class LeadQuery:
    """One request for the lead list. Filter values are strings as the UI sends
    them ("" = any); dates are "YYYY-MM-DD" in the company's time zone, both
    ends inclusive; amounts may carry commas ("2,50,000")."""

    view: str = "open"  # see lead_search.QUICK_VIEWS
    text: str = ""
    status_id: str = ""
    funnel_id: str = ""
    stage_id: str = ""  # a funnel stage
    priority_id: str = ""  # one priority's id, or several separated by commas ("3,5"): any of them
    lead_type_id: str = ""
    source_kind: str = ""  # contact | employee | friend | campaign
    source_ref: str = ""  # contact code (contact, friend), employee id, campaign id
    assigned_to_id: str = ""
    created_by_id: str = ""
    product_id: str = ""
    product_category_id: str = ""
    value_min: str = ""
    value_max: str = ""
    created_from: str = ""
    created_to: str = ""
    assigned_from: str = ""
    assigned_to: str = ""
    followup_from: str = ""
    followup_to: str = ""
    custom: str = ""  # filters on custom fields, as customfields.encode_filters wrote them
    drill: str = ""  # an insights drill-down (insights.Drill.encode()): exactly the leads behind a number
    sort: str = "-created"  # see lead_search.SORTS (a "-" in front: the other way round)
    page: int = 1
    per_page: int = 25


@dataclass
class LeadRow:
    """One line of the lead list, ready to show."""

    id: int
    code: str
    title: str
    contact_name: str
    contact_code: str
    assignee: str  # "" when unassigned
    status: str
    priority: str
    value: str  # in the company's currency (settings.money): "₹2,50,000", "₹1,500.50" or ""
    next_followup: str  # "26 Nov, 10:30" in the company's time zone, or ""
    followup_state: str  # overdue | today | planned | ""
    created: str  # "26 Nov 2026"
    contact_mobile: str = ""  # the contact's primary mobile as shown, "" when none or hidden from the reader
    stage: str = ""  # where the lead is: its stage and funnel ("" when it has none)
    funnel: str = ""


@dataclass
class LeadPage:
    rows: list[LeadRow] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1
    per_page: int = 25
    # sum of estimated values over every matching lead, not just this page, in full ("₹1,06,78,400")
    total_value: str = "0"


@dataclass
class CreatorField:
    """The form's "Created by": a choice among ``options`` when ``editable``, else only ``label``
    (the creator's name) and ``note``, why the actor may not change it."""

    editable: bool
    value: str
    label: str
    options: list[Option] = field(default_factory=list)
    note: str = ""
