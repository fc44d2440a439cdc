"""Steering SQLite's query planner where it has no statistics to go by (the app never runs
ANALYZE): PostgreSQL plans by its own statistics, so these leave its queries as they are."""
from __future__ import annotations

from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression
from sqlmodel import Session


def no_index(session: Session, expr):
    """``expr`` as it is, but on SQLite behind a unary ``+`` (SQLite's own idiom): a term its
    planner tests on the rows it reads, never an index to reach them, or their order, through.
    Elsewhere ``expr`` itself: PostgreSQL plans by its statistics."""
    if session.get_bind().dialect.name != "sqlite":
        return expr
    return UnaryExpression(expr.self_group(), operator=operators.custom_op("+"), type_=expr.type)
