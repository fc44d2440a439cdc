"""The Contact Center: list, form and detail of a contact."""
