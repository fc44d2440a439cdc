"""Funnels and their stages: moving a lead between stages (version-checked, logged with the
time spent), the board's columns and cards (``board`` owns the board query), and the
administration of funnels and stages (whose dialogs' saves carry the version they read).
"""
from .admin import (
    COLORS,
    KINDS,
    MAX_STAGES,
    create_funnel,
    edit_funnel_name,
    edit_stage,
    list_funnels,
    list_stages,
    move_funnel,
    move_stage,
    remove_stage,
    rename_funnel,
    save_stage,
    set_funnel_active,
)
from .board import PER_COLUMN, BoardFilter, Card, ColumnHead, column_cards, funnels, more_cards, stage_options
from .moves import (
    MovedMeanwhile,
    board_revision,
    column_totals,
    default_stage,
    ensure_default_funnel,
    move_lead,
    place_new_lead,
    stages,
)
from .views import FunnelView, StageView, funnel_values, stage_values

__all__ = [
    "board_revision",
    "BoardFilter",
    "Card",
    "COLORS",
    "column_cards",
    "column_totals",
    "ColumnHead",
    "create_funnel",
    "default_stage",
    "edit_funnel_name",
    "edit_stage",
    "ensure_default_funnel",
    "funnel_values",
    "funnels",
    "FunnelView",
    "KINDS",
    "list_funnels",
    "list_stages",
    "MAX_STAGES",
    "more_cards",
    "move_funnel",
    "move_lead",
    "move_stage",
    "MovedMeanwhile",
    "PER_COLUMN",
    "place_new_lead",
    "remove_stage",
    "rename_funnel",
    "save_stage",
    "set_funnel_active",
    "stage_options",
    "stage_values",
    "stages",
    "StageView",
]
