"""The contact import wizard and the import history."""
