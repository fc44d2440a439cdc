"""Revoke policies: when a lead is taken back from an assignee who does not act, warned and
escalated before, undoable after; and the bulk revoke managers do by hand.

``definitions``: what a policy says; ``evaluate``: the one computation of which leads a
policy acts on and when; ``engine``: the minute's pass (and its dry run), the preview and the
lead's countdown; ``revoke``: taking leads back and putting them back; ``actions``: what
managers do by hand (bulk revoke, undo, hold); ``admin``: the settings screen's reads and
writes, ``screen`` its read helpers (form values, a draft to preview, scope choices);
``jobs``: the runner's registration.
"""
from .actions import (
    CHUNK,
    UNDO_FOR,
    RevocationView,
    Undone,
    check_target,
    is_on_hold,
    require_manager,
    revocations,
    revoke_selected,
    rule_options,
    set_hold,
    undo,
)
from .admin import delete_policy, find, get_policy, list_policies, move_policy, save_policy, set_enabled
from .definitions import ACTIONS, CONDITIONS, SCOPE_KEYS, SOURCE_KINDS, Due, Policy
from .engine import Countdown, Preview, PreviewRow, Report, countdown_text, countdowns, enabled_policies, preview, run
from .evaluate import due_leads
from .jobs import register_jobs, run_now
from .revoke import Revoked, Target, revoke_leads
from .screen import (
    BLANK_FORM,
    AssigneeCount,
    PolicyRow,
    PreviewGroup,
    PreviewLine,
    PreviewView,
    ScopeChoices,
    StageChoice,
    draft,
    form_values,
    policy_rows,
    preview_view,
    scope_choices,
    scope_values,
)

__all__ = [
    # what a policy is, and the settings screen
    "Policy", "Due", "CONDITIONS", "ACTIONS", "SCOPE_KEYS", "SOURCE_KINDS", "list_policies", "get_policy", "find",
    "save_policy", "set_enabled", "move_policy", "delete_policy",
    # the settings screen's reads
    "policy_rows", "PolicyRow", "BLANK_FORM", "form_values", "scope_values", "draft", "scope_choices", "ScopeChoices",
    "StageChoice", "preview_view", "PreviewView", "PreviewGroup", "PreviewLine", "AssigneeCount",
    # the engine
    "run", "run_now", "register_jobs", "Report", "preview", "Preview", "PreviewRow", "countdowns", "Countdown",
    "countdown_text", "due_leads", "enabled_policies",
    # by hand
    "revoke_selected", "undo", "revocations", "set_hold", "check_target", "require_manager", "Revoked", "Target",
    "revoke_leads",
    "Undone", "RevocationView", "UNDO_FOR", "CHUNK", "rule_options", "is_on_hold",
]
