"""Business rules. Plain Python: never imports reflex."""
