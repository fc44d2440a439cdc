"""Plain DTOs handed to the UI and the CLI (never ORM rows)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    """Who is acting: the logged-in employee as the rules need it."""

    id: int
    code: str
    name: str
    email: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


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


@dataclass
class Option:
    """A choice in a drop-down."""

    value: str
    label: str


@dataclass
class DashboardCounts:
    employees_active: int
    employees_by_role: dict[str, int]
    master_entries_active: int
    master_lists: int
    divisions: int
    products: int
    sessions_active: int
    contacts: int = 0
    customers: int = 0
    prospects: int = 0
    open_leads: int = 0
    open_value: str = "0"
    my_overdue: int = 0
    my_today: int = 0
    leads_by_status: dict[str, int] = field(default_factory=dict)
