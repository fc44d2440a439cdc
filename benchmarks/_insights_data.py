"""A sales history for the insights benchmark: leads on the funnel (open ones spread over its
open stages, closed ones won or lost with ``closed_at`` and their moves in ``stage_change``),
and follow-ups over the last ~18 months, planned and done, on time and late.

    build(engine, leads=100_000, follow_ups=300_000) -> {"leads_s": …, "history_s": …, …}

Run after the migrations and seed_demo. Leads come from benchmarks/_leads_data.py (created
over three years before NOW, ~70 % open, assigned with ``assigned_at``, ~60 % with a planned
follow-up, a quarter of those overdue); ``adjust`` puts each on a stage. Then, in one pass over
the leads written, each gets its moves (one row per step from the first open stage to where
it is: a won lead went through the open stages up to its furthest, then to Won; a lost one
stopped somewhere and went to Lost) and its share of the extra follow-ups: due inside the
lead's life (from its creation to its close, or NOW) within the last 540 days, in proportion to
how long that life is, so any month holds a month's share. Of those, ~65 % were done on time,
~32 % late (hours to days after), and ~3 % of an open lead's stay planned and overdue (its
``next_followup_at`` is then set to its earliest planned one, the invariant the app keeps).
Everything is written in bulk (_engines.bulk_insert: COPY on PostgreSQL, executemany on SQLite).
"""
from __future__ import annotations

import random
import time
from datetime import timedelta

from sqlalchemy import func, select, text

from benchmarks._engines import bulk_insert
from benchmarks._leads_data import NOW, insert_leads
from hoffice_app.models import FollowUp, FunnelStage, Lead, MasterEntry, StageChange

OPEN_SHARES = (40, 25, 15, 12, 8)  # percent of open leads per open stage, left to right
WON_SHARE = 0.35  # of closed leads; the rest lost
WINDOW = timedelta(days=540)  # the extra follow-ups fall in the last ~18 months
KINDS = ["call", "meeting", "email", "visit", "whatsapp"]
BATCH = 20_000


def _stages(engine) -> tuple[int, list[int], int, int, list[int]]:
    """(funnel, open stage ids in order, won stage, lost stage, lost reasons) of the seeded funnel."""
    with engine.connect() as conn:
        funnel_id = conn.execute(select(FunnelStage.funnel_id).order_by(FunnelStage.id)).first()[0]
        rows = conn.execute(select(FunnelStage.id, FunnelStage.kind).where(FunnelStage.funnel_id == funnel_id)
                            .order_by(FunnelStage.position)).all()
        reasons = conn.execute(select(MasterEntry.id).where(MasterEntry.kind == "lost_reason")).scalars().all()
    open_ids = [i for i, kind in rows if kind == "open"]
    won = next(i for i, kind in rows if kind == "won")
    lost = next(i for i, kind in rows if kind == "lost")
    return funnel_id, open_ids, won, lost, list(reasons)


def _on_stage(rng: random.Random, stages: tuple):
    """``adjust`` for insert_leads: the lead's stage, when it entered it, and its close."""
    funnel_id, open_ids, won, lost, reasons = stages
    open_of = [stage for stage, share in zip(open_ids, OPEN_SHARES) for _ in range(share)]

    def adjust(row: dict) -> None:
        created = row["created_at"]
        row.update(funnel_id=funnel_id, version=1, lost_reason_id=None, closed_at=None)
        if row["is_open"]:
            stage = rng.choice(open_of)
            entered = created if stage == open_ids[0] else created + (NOW - created) * rng.random()
            row.update(stage_id=stage, stage_entered_at=entered)
            return
        closed = min(created + timedelta(days=rng.uniform(2, 120)), NOW - timedelta(hours=1))
        is_won = rng.random() < WON_SHARE
        row.update(stage_id=won if is_won else lost, stage_entered_at=closed, closed_at=closed,
                   lost_reason_id=None if is_won else rng.choice(reasons))
    return adjust


def _moves(rng: random.Random, lead, stages: tuple) -> list[dict]:
    """The stage_change rows that brought the lead where it is, in time order."""
    _funnel, open_ids, won, lost, _reasons = stages
    if lead.is_open:
        path = open_ids[:open_ids.index(lead.stage_id) + 1]
    elif lead.stage_id == won:
        path = open_ids[:rng.choice([2, 3, 4, 5, 5])] + [won]
    else:
        path = open_ids[:rng.choice([1, 1, 2, 2, 3, 4, 5])] + [lost]
    if len(path) < 2:
        return []
    start, end = lead.created_at, lead.stage_entered_at
    times = sorted(start + (end - start) * rng.random() for _ in range(len(path) - 2)) + [end]
    out, before = [], start
    for (src, dst), at in zip(zip(path, path[1:]), times):
        out.append(dict(lead_id=lead.id, from_stage_id=src, to_stage_id=dst, actor_id=lead.assigned_to_id,
                        at=at, seconds_in_previous=int((at - before).total_seconds())))
        before = at
    return out


def _life(lead) -> tuple:
    """The part of the lead's life inside the follow-up window (start, end), maybe empty."""
    start = max(lead.created_at, NOW - WINDOW)
    end = lead.closed_at or NOW
    return start, end


def _follow_ups(rng: random.Random, lead, count: int) -> list[dict]:
    start, end = _life(lead)
    owner = lead.assigned_to_id or lead.created_by_id
    out = []
    for _ in range(count):
        due = start + (end - start) * rng.random()
        roll = rng.random()
        row = dict(lead_id=lead.id, kind=rng.choice(KINDS), due_at=due, assignee_id=owner, notes="",
                   created_by_id=owner, created_at=max(lead.created_at, due - timedelta(days=rng.uniform(0, 7))),
                   status="planned", outcome="", completed_at=None, completed_by_id=None,
                   reminded_at=due, overdue_notified_at=due, escalated_at=due)  # long since told
        if roll >= 0.03 or not lead.is_open:  # else it stays planned, overdue
            late = roll > 0.68
            done = due + (timedelta(hours=rng.uniform(1, 120)) if late else -timedelta(hours=rng.uniform(0, 48)))
            done = min(max(done, row["created_at"]), NOW)
            row.update(status="done", outcome="Spoke to them", completed_at=done, completed_by_id=owner)
        out.append(row)
    return out


def _history(engine, follow_ups: int, stages: tuple, rng: random.Random) -> tuple[int, int]:
    """Moves for every lead; extra follow-ups up to ``follow_ups`` in all. Returns the counts written."""
    columns = (Lead.id, Lead.created_at, Lead.closed_at, Lead.is_open, Lead.stage_id, Lead.stage_entered_at,
               Lead.assigned_to_id, Lead.created_by_id)
    with engine.begin() as conn:
        leads = conn.execute(select(*columns).order_by(Lead.id)).all()
        have = conn.execute(select(func.count()).select_from(FollowUp)).scalar()
        days = [max(0.0, (e - s).total_seconds() / 86400) for s, e in map(_life, leads)]
        rate = max(0, follow_ups - have) / (sum(days) or 1)  # follow-ups per day of a lead's life
        moves = extra = 0
        batch: dict[str, list] = {"stage_change": [], "follow_up": []}

        def flush() -> None:
            bulk_insert(conn, StageChange.__table__, batch["stage_change"])
            bulk_insert(conn, FollowUp.__table__, batch["follow_up"])
            batch["stage_change"], batch["follow_up"] = [], []

        for lead, d in zip(leads, days):
            made = _moves(rng, lead, stages)
            batch["stage_change"] += made
            wanted = d * rate
            rows = _follow_ups(rng, lead, int(wanted) + (rng.random() < wanted % 1)) if d else []
            batch["follow_up"] += rows
            moves, extra = moves + len(made), extra + len(rows)
            if len(batch["follow_up"]) + len(batch["stage_change"]) >= BATCH:
                flush()
        flush()
        # the earliest planned follow-up is the lead's next one, as the app keeps it
        conn.execute(text("UPDATE lead SET next_followup_at = (SELECT min(f.due_at) FROM follow_up f "
                          "WHERE f.lead_id = lead.id AND f.status = 'planned') "
                          "WHERE id IN (SELECT lead_id FROM follow_up WHERE status = 'planned')"))
    return moves, extra


def build(engine, *, leads: int, follow_ups: int, seed: int = 23) -> dict:
    """Leads up to ``leads`` (after any there), their moves and follow-ups up to ``follow_ups``."""
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(Lead)).scalar()
    if have >= leads:
        return {"leads_s": 0.0, "history_s": 0.0, "stage_changes": 0, "extra_follow_ups": 0}
    rng = random.Random(seed)
    stages = _stages(engine)
    leads_s = insert_leads(engine, leads - have, adjust=_on_stage(rng, stages))
    start = time.perf_counter()
    moves, extra = _history(engine, follow_ups, stages, rng)
    return {"leads_s": round(leads_s, 1), "history_s": round(time.perf_counter() - start, 1),
            "stage_changes": moves, "extra_follow_ups": extra}
