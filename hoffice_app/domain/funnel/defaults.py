"""The funnel every new database starts with (the demo data's "Sales Funnel")."""
from __future__ import annotations

# The demo funnel: (stage, probability %, kind, colour, days before a card "rots")
FUNNEL_NAME = "Sales Funnel"
FUNNEL_STAGES: list[tuple[str, int, str, str, int | None]] = [
    ("New Inquiry", 10, "open", "blue", 7), ("Contacted", 20, "open", "cyan", 10),
    ("Demo Scheduled", 40, "open", "violet", 14), ("Proposal Sent", 60, "open", "amber", 14),
    ("Negotiation", 80, "open", "orange", 21), ("Won", 100, "won", "green", None), ("Lost", 0, "lost", "red", None),
]
