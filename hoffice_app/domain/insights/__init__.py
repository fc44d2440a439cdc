"""Insights: what a manager must act on today and how the funnel performs.

``scope``: whose numbers (an executive's own, a manager's team, everyone for admins);
``period``: the date range in the company's days; ``metrics`` and ``dimensions``: what each
number counts, as WHERE clauses shared by the tables and their drill-downs (``drill``), so a
list always holds exactly the records of the number clicked; ``follow_ups``, ``leads``,
``funnel``: the three insights views; ``morning``: the dashboard.
"""
from .describe import describe
from .drill import (
    Drill,
    decode,
    follow_up_conditions,
    follow_up_page,
    from_params,
    lead_conditions,
    make,
    revoke_soon_ids,
)
from .follow_ups import follow_up_insights
from .funnel import funnel_insights, funnel_options
from .leads import BREAKDOWNS, lead_insights
from .morning import MorningView, StageValue, StuckLead, morning, revoke_soon
from .period import PRESETS, Period
from .period import resolve as resolve_period
from .scope import Scope, team_options
from .scope import resolve as resolve_scope
from .views import Cell, FollowUpInsights, FunnelInsights, GroupRow, LeadInsights, PersonRow, RankRow, StageRow, WeekRow

__all__ = [
    "BREAKDOWNS", "Cell", "describe", "decode", "Drill", "follow_up_conditions", "follow_up_insights", "follow_up_page",
    "FollowUpInsights", "from_params", "funnel_insights", "funnel_options", "FunnelInsights", "GroupRow",
    "lead_conditions", "lead_insights", "LeadInsights", "make", "morning", "MorningView", "Period", "PersonRow",
    "PRESETS", "RankRow", "resolve_period", "resolve_scope", "revoke_soon", "revoke_soon_ids", "Scope", "StageRow",
    "StageValue", "StuckLead", "team_options", "WeekRow",
]
