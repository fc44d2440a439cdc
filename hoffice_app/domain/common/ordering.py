"""Reordering rows that carry a ``position``: master entries, funnels, stages."""
from __future__ import annotations

from sqlmodel import Session


def move_in_list(session: Session, rows: list, row, direction: int) -> None:
    """Swap ``row`` with its neighbour above (-1) or below (+1) in ``rows``
    (already in display order) and number them 1..n again; nothing at an end."""
    index = [r.id for r in rows].index(row.id)
    other = index + (1 if direction > 0 else -1)
    if not 0 <= other < len(rows):
        return
    rows[index], rows[other] = rows[other], rows[index]
    for position, item in enumerate(rows, start=1):
        item.position = position
        session.add(item)
    session.flush()
