"""The lead list's orders that are paged segment by segment, each segment read from an index.

Sorting by priority (the priority master's order), by stage (funnels in their order, then
their stages) or by a column that may be blank (estimated value, next follow-up, blanks
last in both directions) cannot be handed to one ORDER BY cheaply: a rank looked up per
lead, or "NULLS LAST" against an index that keeps blanks first, makes the database sort
every matching lead. Instead the order is cut into segments — one per priority or stage
in its rank, then the leads without one; or the leads with a value, then the blanks —
each an equality or IS [NOT] NULL test whose rows an index keeps in the wanted order:

- priority: ``ix_lead_priority_created`` (priority, newest first within it);
- stage: ``ix_lead_stage_created`` (stage, newest first within it);
- value: ``ix_lead_value`` (value, id); next follow-up: ``ix_lead_followup`` (due, id).

One pass counts every segment's matches (conditional counts, no GROUP BY sort) together
with the list's total and value; a page is then cut from the one or two segments it falls
in, each read from the nearer end. ``order_by`` gives the same order as a single ORDER BY
(a rank subquery per lead), which the tests check the segments against.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, case, func, literal_column
from sqlmodel import Session, select

from hoffice_app.models import Funnel, FunnelStage, Lead, MasterEntry

SEGMENTED = ("priority", "-priority", "stage", "-stage", "value", "-value", "next_followup", "-next_followup")
NEWEST = ((Lead.created_at, True), (Lead.id, True))  # inside a priority or a stage


@dataclass(frozen=True)
class Segment:
    where: object  # the segment's own test, ANDed to the list's conditions
    order: tuple  # ((expression, descending), ...): the index's order, total thanks to the id


def _priority_rank():
    return (select(MasterEntry.position).where(MasterEntry.id == Lead.priority_id).scalar_subquery(),
            Lead.priority_id)


def _stage_rank():
    def of_stage(col):
        return select(col).where(FunnelStage.id == Lead.stage_id).scalar_subquery()

    funnel = (select(Funnel.position).join(FunnelStage, FunnelStage.funnel_id == Funnel.id)
              .where(FunnelStage.id == Lead.stage_id).scalar_subquery())
    return funnel, of_stage(FunnelStage.funnel_id), of_stage(FunnelStage.position), Lead.stage_id


def order_terms(sort: str) -> tuple:
    """(expression, descending, blanks last) terms equal to the segments' order, for one ORDER BY."""
    down = sort.startswith("-")
    key = sort.lstrip("-")
    if key in ("value", "next_followup"):
        col = Lead.estimated_value if key == "value" else Lead.next_followup_at
        return (col, down, True), (Lead.id, down, False)
    ranks = _priority_rank() if key == "priority" else _stage_rank()
    blank = Lead.priority_id if key == "priority" else Lead.stage_id
    return ((blank.is_(None), False, False), *[(r, down, False) for r in ranks], (Lead.created_at, True, False),
            (Lead.id, True, False))


def _ranked_ids(session: Session, sort: str) -> list[int]:
    """Every priority entry (or every stage), active or not, in the list's order."""
    if sort.lstrip("-") == "priority":
        rows = session.exec(select(MasterEntry.id).where(MasterEntry.kind == "lead_priority")
                            .order_by(MasterEntry.position, MasterEntry.id)).all()
    else:
        rows = session.exec(select(FunnelStage.id).join(Funnel, Funnel.id == FunnelStage.funnel_id)
                            .order_by(Funnel.position, Funnel.id, FunnelStage.position, FunnelStage.id)).all()
    return list(rows)


def segments(session: Session, sort: str) -> list[Segment]:
    """The segments of ``sort`` in list order (blanks always last)."""
    down = sort.startswith("-")
    key = sort.lstrip("-")
    if key in ("value", "next_followup"):
        col = Lead.estimated_value if key == "value" else Lead.next_followup_at
        return [Segment(col.is_not(None), ((col, down), (Lead.id, down))),
                Segment(col.is_(None), ((Lead.id, down),))]
    col = Lead.priority_id if key == "priority" else Lead.stage_id
    ranked = _ranked_ids(session, sort)
    # a last segment for an id outside the list (not expected: the form and the import check the
    # kind), so the pages always add up to the count
    stray = Segment(and_(col.is_not(None), col.not_in(ranked)), NEWEST)
    return [Segment(col == i, NEWEST) for i in (ranked[::-1] if down else ranked)] + [stray,
                                                                                      Segment(col.is_(None), NEWEST)]


def count(session: Session, cond: list, segs: list[Segment]) -> tuple[int, Decimal | None, list[int]]:
    """The matches, their total value and each segment's matches, in one pass."""
    sizes = [func.count(case((s.where, 1))) for s in segs]
    row = session.exec(select(func.count(), func.sum(Lead.estimated_value), *sizes).select_from(Lead)
                       .where(*cond)).one()
    return row[0], row[1], list(row[2:])


def _slice(session: Session, cond: list, seg: Segment, offset: int, limit: int, size: int) -> list[int]:
    """``limit`` ids from ``offset`` of one segment, read from whichever end is nearer."""
    backwards = offset + limit / 2 > size / 2
    if backwards:
        offset = max(0, size - offset - limit)
    order = [e.desc() if d != backwards else e.asc() for e, d in seg.order]
    # LIMIT and OFFSET written into the SQL, as search.page_ids does (SQLite keeps only the best rows)
    ids = list(session.exec(select(Lead.id).where(*cond, seg.where).order_by(*order)
                            .offset(literal_column(str(int(offset)))).limit(literal_column(str(int(limit))))))
    return ids[::-1] if backwards else ids


def page_ids(session: Session, cond: list, segs: list[Segment], sizes: list[int], offset: int,
             limit: int) -> list[int]:
    """The ids of one page, in order: the part of each segment the page covers."""
    out: list[int] = []
    for seg, size in zip(segs, sizes):
        if limit <= 0:
            break
        if offset >= size:
            offset -= size
            continue
        take = min(limit, size - offset)
        out += _slice(session, cond, seg, offset, take, size)
        limit -= take
        offset = 0
    return out
