"""The organisation: employees (who uses the app, their role and divisions) and who
reports to whom. Managed by administrators.
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
    "reset_password",
    "set_active",
    "update_employee",
]
