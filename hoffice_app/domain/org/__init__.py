"""The organisation: employees (who uses the app, their role and divisions) and who
reports to whom, managed by administrators; and its overview (employees by role, sessions,
the size of the master lists), which only administrators read.
"""
from .employees import (
    create_employee,
    edit_employee,
    edit_values,
    employee_options,
    find_by_code,
    get_employee,
    list_employees,
    next_code,
    reset_password,
    set_active,
    update_employee,
)
from .overview import OrgOverview, overview
from .views import EmployeeView

__all__ = [
    "create_employee",
    "edit_employee",
    "edit_values",
    "employee_options",
    "EmployeeView",
    "find_by_code",
    "get_employee",
    "list_employees",
    "next_code",
    "OrgOverview",
    "overview",
    "reset_password",
    "set_active",
    "update_employee",
]
