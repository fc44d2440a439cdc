"""Assignment rules: who gets a lead saved without an assignee, or a lead revoked "through a
rule". Rules are tried in order, the first whose conditions match wins, the fallback takes the
rest; members inactive, away or at the rule's cap are skipped.

``pick_assignee`` answers for one lead; ``assign_by_rules`` assigns a batch (timeline,
notification, board news); ``list_rules`` / ``save_rule`` / ``delete_rule`` / ``move_rule``
are the administrator's settings. Plain Python: see docs/assignment-rules.md.
"""
from .admin import delete_rule, form_values, list_rules, move_rule, save_rule
from .batch import any_enabled, assign_by_rules
from .picking import pick_assignee
from .views import METHODS, SOURCE_KINDS, MemberView, Pick, RuleView

__all__ = [
    "any_enabled",
    "assign_by_rules",
    "delete_rule",
    "form_values",
    "list_rules",
    "move_rule",
    "save_rule",
    "METHODS",
    "MemberView",
    "Pick",
    "pick_assignee",
    "RuleView",
    "SOURCE_KINDS",
]
