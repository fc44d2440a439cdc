"""The dashboard (/): the morning page of whoever logs in (state.py reads, view.py shows)."""
from hoffice_app.pages.dashboard.view import register

__all__ = ["register"]
