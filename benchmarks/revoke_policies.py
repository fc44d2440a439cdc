"""Revoke policies at scale (targets: a policy run over 100,000 open leads ≤ 2 s; the 7-day
preview ≤ 1 s).

    .venv/bin/python benchmarks/revoke_policies.py [--open 100000] [--reps 10] [--postgres [--no-sqlite]]

A fresh database (SQLite in a temp dir; with --postgres also a throwaway PostgreSQL) gets the
real migrations, the demo seed, 5,000 contacts and enough generated leads
(benchmarks/_leads_data.py) for --open open ones. Each open, assigned lead is given an
assignment in the last 40 days and, for all but 1,000 of them, a follow-up completed since (so
"No follow-up in 48 hours" leaves them alone); the 1,000 fall due over the next day. Four
policies are enabled, one per condition, in scope for every lead. Then, through the real code:

1. a pass with nothing to revoke (the minute's usual case): ``policies.run`` timed --reps
   times, its writes rolled back each time (the warnings it sends);
2. a pass with 1,000 leads due (their assignment moved 49 hours back): revokes, timeline
   lines, notifications — rolled back each time;
3. the 7-day preview of "No follow-up in 48 hours".
Prints as it goes and one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, update  # noqa: E402
from sqlmodel import Session  # noqa: E402

from benchmarks._contacts_data import insert_contacts  # noqa: E402
from benchmarks._engines import add_engine_options, after_bulk_load, bulk_insert, run_on_engines, server_version  # noqa: E402,E501
from benchmarks._leads_data import NOW, insert_leads  # noqa: E402
from benchmarks._timing import pct  # noqa: E402
from hoffice_app.db import make_engine, set_engine, unit_of_work  # noqa: E402
from hoffice_app.domain import policies  # noqa: E402
from hoffice_app.domain.auth import actor_of  # noqa: E402
from hoffice_app.domain.org import find_by_code  # noqa: E402
from hoffice_app.domain.seed import seed_demo  # noqa: E402
from hoffice_app.migrations import upgrade  # noqa: E402
from hoffice_app.models import FollowUp, Lead  # noqa: E402

RUN_S, PREVIEW_S, DUE = 2.0, 1.0, 1000
POLICIES = [("Bench: no follow-up in 48 hours", "no_followup_done", "48", "24"),  # threshold in its unit
            ("Bench: overdue a week", "followup_overdue", "168", "24"),
            ("Bench: quiet for 60 days", "no_activity", "60", "48"),
            ("Bench: stuck for 90 days", "stage_stale", "90", "48")]


def _shape(engine, open_n: int) -> list[int]:
    """Assignments in the last 40 days; a follow-up done since for all but DUE; returns those DUE ids."""
    rng = random.Random(16)
    with engine.begin() as conn:
        rows = conn.execute(select(Lead.id, Lead.assigned_to_id)
                            .where(Lead.is_open, Lead.assigned_to_id.is_not(None)).order_by(Lead.id)).all()
        assigned = {r.id: NOW - timedelta(hours=rng.randrange(50, 40 * 24)) for r in rows}
        due = [r.id for r in rows[:: max(1, len(rows) // DUE)]][:DUE]
        for lead_id in due:
            assigned[lead_id] = NOW - timedelta(hours=rng.randrange(1, 47))
        for lo in range(0, len(rows), 5000):
            chunk = rows[lo:lo + 5000]
            conn.execute(update(Lead.__table__).where(Lead.id == _bind("b_id")).values(assigned_at=_bind("b_at")),
                         [{"b_id": r.id, "b_at": assigned[r.id]} for r in chunk])
        keep = set(due)
        done = []
        for r in rows:
            if r.id in keep:
                continue
            at = assigned[r.id] + timedelta(hours=3)
            done.append(dict(lead_id=r.id, kind="call", due_at=at, assignee_id=r.assigned_to_id, notes="",
                             status="done", outcome="Spoke to them", completed_at=at, completed_by_id=r.assigned_to_id,
                             created_by_id=r.assigned_to_id, created_at=assigned[r.id]))
        bulk_insert(conn, FollowUp.__table__, done)
        # the other policies' anchors as a lead in use has them: activity and a stage entered since the
        # assignment, and the next follow-up still ahead
        conn.execute(update(Lead.__table__).where(Lead.is_open).values(
            last_activity_at=NOW - timedelta(days=2),
            stage_entered_at=NOW - timedelta(days=20)))
        conn.execute(update(Lead.__table__).where(Lead.next_followup_at.is_not(None))
                     .values(next_followup_at=NOW + timedelta(days=2)))
    return due


def _bind(name: str):
    from sqlalchemy import bindparam

    return bindparam(name)


def _timed(engine, reps: int, fn) -> tuple[list[float], object]:
    runs, last = [], None
    for _ in range(reps):
        with Session(engine) as session:
            start = time.perf_counter()
            last = fn(session)
            runs.append(round(time.perf_counter() - start, 3))
            session.rollback()
    return runs, last


def measure(url: str, args) -> dict:
    started, load0 = time.perf_counter(), round(os.getloadavg()[0], 2)
    engine = make_engine(url)
    set_engine(engine)
    version = server_version(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="bench-pass-1", now=NOW, with_contacts=False)
    insert_contacts(engine, 5000)
    total = int(args.open / 0.7) + 500
    print(f"{version}: inserting {total:,} leads …", file=sys.stderr)
    insert_leads(engine, total)
    with engine.connect() as conn:
        open_n = conn.execute(select(func.count()).select_from(Lead).where(Lead.is_open)).scalar()
    due = _shape(engine, open_n)
    after_bulk_load(engine, "lead", "follow_up")
    with unit_of_work() as s:
        admin = actor_of(find_by_code(s, "E01"))
        for name, condition, threshold, warn in POLICIES:
            data = {"name": name, "condition": condition, "threshold": threshold, "warn_hours": warn, "enabled": "1"}
            policies.save_policy(s, admin, data, now=NOW)
    print(f"{open_n:,} open leads; {len(due):,} without a follow-up since their assignment", file=sys.stderr)
    quiet, report = _timed(engine, args.reps, lambda s: policies.run(s, now=NOW - timedelta(days=3)))
    print(f"pass, nothing due: {quiet} s (warned {len(report.warn)}, revoked {len(report.revoke)})", file=sys.stderr)
    with engine.begin() as conn:
        conn.execute(update(Lead.__table__).where(Lead.id.in_(due)).values(assigned_at=NOW - timedelta(hours=49)))
    busy, report = _timed(engine, max(3, args.reps // 2), lambda s: policies.run(s, now=NOW))
    print(f"pass, {len(due):,} due: {busy} s (revoked {len(report.revoke)}, warned {len(report.warn)})",
          file=sys.stderr)
    with unit_of_work() as s:
        first = next(p for p in policies.list_policies(s, admin) if p.name == POLICIES[0][0])
    previews, shown = _timed(engine, args.reps, lambda s: policies.preview(s, first, now=NOW))
    print(f"7-day preview: {previews} s (now {len(shown.now)}, day {len(shown.day)}, week {len(shown.week)})",
          file=sys.stderr)
    engine.dispose()
    set_engine(None)
    out = {"engine": version, "open_leads": open_n, "due": len(due),
           "pass_nothing_due_s": {"p50": pct(quiet, 50), "max": max(quiet), "warned": len(report.warn)},
           "pass_1000_due_s": {"p50": pct(busy, 50), "max": max(busy), "revoked": len(report.revoke)},
           "preview_7d_s": {"p50": pct(previews, 50), "max": max(previews), "rows": len(shown.now) + len(shown.day)
                            + len(shown.week)},
           "runtime_s": round(time.perf_counter() - started, 1), "loadavg_start_end": [load0, os.getloadavg()[0]]}
    met = out["pass_1000_due_s"]["p50"] <= RUN_S and out["pass_nothing_due_s"]["p50"] <= RUN_S \
        and out["preview_7d_s"]["p50"] <= PREVIEW_S
    print(f"{version}: targets (run ≤ {RUN_S} s, preview ≤ {PREVIEW_S} s) {'met' if met else 'MISSED'}",
          file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--open", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=10)
    add_engine_options(ap)
    args = ap.parse_args()
    runs = run_on_engines(args, lambda url: measure(url, args), name="bench_policies")
    print(json.dumps({"benchmark": "revoke_policies", "runs": runs, "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}))


if __name__ == "__main__":
    main()
