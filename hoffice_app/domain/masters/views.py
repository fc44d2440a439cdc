"""What the UI sees of a master entry."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MasterEntryView:
    id: int
    kind: str
    name: str
    code: str
    parent_id: int
    parent_name: str
    position: int
    active: bool
    body: str
    version: int = 1  # what the edit dialog sends back with its save (domain/common/versions.py)
    default_status_id: str = ""  # lead types only: the status a lead of this type starts with
