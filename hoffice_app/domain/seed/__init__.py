"""Idempotent seeds: the masters of the demo data, the demo employees and about 300 demo
contacts and 500 demo leads (deterministic, so every demo looks the same).
"""
from .demo_rules import seed_demo_rules
from .loader import database_is_empty, seed_demo, seed_masters

__all__ = [
    "database_is_empty",
    "seed_demo",
    "seed_masters",
    "seed_demo_rules",
]
