"""SQLModel tables. Importing this package registers every table on the metadata."""
from hoffice_app.models.masters import MasterEntry, Setting
from hoffice_app.models.users import AuthSession, Employee, EmployeeDivision, LoginThrottle

__all__ = ["AuthSession", "Employee", "EmployeeDivision", "LoginThrottle", "MasterEntry", "Setting"]
