"""Leads: the list, the form, the detail page and the follow-ups page."""
