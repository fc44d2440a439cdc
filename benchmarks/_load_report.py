"""Figures of the websocket load test: latency per action kind, and the database's word on
the moves (every acknowledged move logged once, nothing else).

    summary = summarize(samples, seconds)            # {"overall": {...}, "by_kind": {...}}
    print_table("SQLite, 1 worker", users, interval, summary)
    check = check_moves(url, since_id, acked)         # {"acked", "logged", "lost", "phantom"}
"""
from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from benchmarks._timing import pct
from hoffice_app.db import make_engine
from hoffice_app.models import StageChange

KINDS = ("open board", "move card", "search contacts", "open contacts", "open lead", "open lead list")


def _figures(samples) -> dict:
    answered = [s.ms for s in samples if s.outcome != "error"]
    out = {"actions": len(samples), "errors": sum(s.outcome == "error" for s in samples),
           "conflicts": sum(s.outcome == "conflict" for s in samples)}
    if answered:
        out |= {"p50_ms": round(pct(answered, 50), 1), "p95_ms": round(pct(answered, 95), 1),
                "p99_ms": round(pct(answered, 99), 1), "max_ms": round(max(answered), 1)}
    return out


def summarize(samples, seconds: float) -> dict:
    """Latency over the answered actions (an error has no latency worth averaging; it is counted)."""
    actions = [s for s in samples if s.kind in KINDS or s.kind == "connection"]
    overall = _figures(actions)
    overall["throughput_per_s"] = round(len(actions) / seconds, 2) if seconds else 0.0
    by_kind = {kind: _figures([s for s in actions if s.kind == kind]) for kind in KINDS
               if any(s.kind == kind for s in actions)}
    reasons = Counter(s.why for s in actions if s.outcome == "error")
    return {"overall": overall, "by_kind": by_kind, "error_reasons": dict(reasons.most_common(5))}


def _row(label: str, f: dict) -> str:
    def ms(key):
        return f"{f[key]:>8.0f}" if key in f else f"{'-':>8}"
    return (f"  {label:<17}{f['actions']:>8}{ms('p50_ms')}{ms('p95_ms')}{ms('p99_ms')}"
            f"{f['errors']:>8}{f['conflicts']:>10}")


def print_table(title: str, users: int, interval: tuple[float, float], seconds: float, summary: dict,
                moves: dict | None = None) -> None:
    o = summary["overall"]
    print(f"\n{title}: {users} users, each acting every {interval[0]:g}-{interval[1]:g} s, {seconds:.0f} s; "
          f"throughput {o['throughput_per_s']:.1f} actions/s")
    print(f"  {'action':<17}{'count':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}{'conflicts':>10}")
    for kind, f in summary["by_kind"].items():
        print(_row(kind, f))
    print(_row("overall", o))
    if summary["error_reasons"]:
        print("  errors:", "; ".join(f"{n}× {why}" for why, n in summary["error_reasons"].items()))
    if moves is not None:
        print(f"  moves: {moves['acked']} acknowledged, {moves['logged']} in the stage log, "
              f"lost {moves['lost']}, phantom {moves['phantom']}")


def last_stage_change(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        value = conn.execute(select(func.coalesce(func.max(StageChange.id), 0))).scalar()
    engine.dispose()
    return value


def check_moves(url: str, since_id: int, acked: list[tuple[int, int, int]]) -> dict:
    """Compare the stage log written after ``since_id`` with the acknowledged moves.
    lost: acknowledged but not logged; phantom: logged but never acknowledged."""
    engine = make_engine(url)
    with engine.connect() as conn:
        logged = Counter(tuple(r) for r in conn.execute(
            select(StageChange.lead_id, StageChange.to_stage_id, StageChange.actor_id)
            .where(StageChange.id > since_id)))
    engine.dispose()
    wanted = Counter(acked)
    return {"acked": sum(wanted.values()), "logged": sum(logged.values()),
            "lost": sum((wanted - logged).values()), "phantom": sum((logged - wanted).values())}
