"""What Settings → Funnels shows of funnels and stages, and what its dialogs keep of them: the
values they showed and the version they read, sent back with their save (``admin.edit_stage``,
``admin.edit_funnel_name``; domain/common/versions.py)."""
from __future__ import annotations

from dataclasses import dataclass

# The stage dialog's fields, as a refused or merged save names them.
STAGE_LABELS = {"name": "name", "kind": "kind", "color": "colour", "probability": "probability",
                "days_to_rot": "rots after"}


@dataclass
class FunnelView:
    id: int
    name: str
    active: bool
    stages: int
    open_leads: int
    version: int = 1


@dataclass
class StageView:
    id: int
    name: str
    color: str
    probability: int
    kind: str
    days_to_rot: str  # "" when the stage never rots
    leads: int
    version: int = 1


def funnel_values(view: FunnelView) -> dict:
    """What the rename dialog shows, and the version it read."""
    return {"name": view.name, "version": view.version}


def stage_values(view: StageView) -> dict:
    """What the stage dialog shows (as text, as typed), and the version it read."""
    return {"name": view.name, "kind": view.kind, "color": view.color, "probability": str(view.probability),
            "days_to_rot": view.days_to_rot, "version": view.version}
