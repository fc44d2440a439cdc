"""What the UI sees of an employee."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EmployeeView:
    id: int
    code: str
    name: str
    email: str
    mobile: str
    role: str
    reports_to_id: int
    reports_to_name: str
    division_ids: list[int] = field(default_factory=list)
    division_names: str = ""
    active: bool = True
    version: int = 1
    away_from: str = ""  # ISO dates, "" for none: assignment rules skip the employee on these days
    away_to: str = ""  # what the edit dialog sends back with its save (domain/common/versions.py)
