"""Insights at scale (targets, at 100,000 leads and 300,000 follow-ups: each insights view
≤ 300 ms server time at p95 for this month and last month, as admin, manager and executive;
the dashboard ≤ 200 ms).

    .venv/bin/python benchmarks/insights.py [--leads 100000] [--follow-ups 300000] [--reps 20]
                                            [--quick] [--db PATH] [--postgres [--no-sqlite]]

A fresh SQLite file in a temp dir (or --db PATH, kept and reused) gets the real migrations,
seed_demo (without demo contacts), 5,000 generated contacts and a sales history
(benchmarks/_insights_data.py: leads on the funnel, won and lost ones with their close and
their moves, follow-ups over ~18 months); with --postgres so does a database on a throwaway
PostgreSQL server, and both engines' p95 are printed side by side at the end. Then, as the
pages do, each inside its own unit_of_work with the scope and period resolved inside the
timing: the follow-up, lead and funnel insights for this month, last month and a custom
12 months (reported; the target applies to the presets), and the dashboard (``morning``),
as admin E01, manager E02 (their team) and executive E03; --warmup + --reps runs each. The
dashboard's "about to be revoked" card, which the page loads in the background once its other
numbers show, is timed apart with the demo's revoke policy switched on (reported: it runs the
policy engine's own query, policies.due_leads).
For any call over target, its statements are timed one by one and the slowest get their
plans. Prints a table, then one JSON line. Timings on shared machines are indicative.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, update  # noqa: E402
from sqlmodel import func, select  # noqa: E402

from benchmarks._contacts_data import insert_contacts  # noqa: E402
from benchmarks._engines import (  # noqa: E402
    add_engine_options,
    after_bulk_load,
    plan,
    print_side_by_side,
    query_p95,
    run_on_engines,
    server_version,
)
from benchmarks._insights_data import build  # noqa: E402
from benchmarks._leads_data import NOW  # noqa: E402
from benchmarks._timing import pct, time_calls  # noqa: E402
from hoffice_app.db import make_engine, set_engine, unit_of_work  # noqa: E402
from hoffice_app.domain import insights  # noqa: E402
from hoffice_app.domain.auth import actor_of  # noqa: E402
from hoffice_app.domain.org import find_by_code  # noqa: E402
from hoffice_app.domain.seed import seed_demo  # noqa: E402
from hoffice_app.migrations import upgrade  # noqa: E402
from hoffice_app.models import Contact, FollowUp, Lead, RevokePolicy, StageChange  # noqa: E402

VIEW_MS, MORNING_MS = 300.0, 200.0
CONTACTS = 5000


def _twelve_months() -> tuple[str, str]:
    """The 12 calendar months ending with NOW's (first and last day, inclusive)."""
    first = date(NOW.year - 1, NOW.month + 1, 1) if NOW.month < 12 else date(NOW.year, 1, 1)
    following = date(NOW.year + (NOW.month == 12), NOW.month % 12 + 1, 1)
    return first.isoformat(), date.fromordinal(following.toordinal() - 1).isoformat()


PERIODS = {"this month": ("this_month", "", ""), "last month": ("last_month", "", ""),
           "12 months": ("custom", *_twelve_months())}
PRESETS = ("this month", "last month")  # what the target applies to
POLICY = "No follow-up in 48 hours"  # the demo's revoke policy (seeded off): the dashboard's "revoked soon"
POLICY_ROW = "revoke card, policy on"  # the dashboard's "about to be revoked", loaded after the page (reported)


def _targeted(label: str) -> bool:
    return label.endswith(PRESETS) or label == "morning"


@contextmanager
def _policy_on(engine, on: bool):
    """The demo policy enabled while the block runs (when ``on``), disabled again after it."""
    if on:
        with engine.begin() as conn:
            conn.execute(update(RevokePolicy).where(RevokePolicy.name == POLICY).values(enabled=True))
    try:
        yield
    finally:
        if on:
            with engine.begin() as conn:
                conn.execute(update(RevokePolicy).where(RevokePolicy.name == POLICY).values(enabled=False))


def _follow_ups(r) -> str:
    return f"due {r.total.planned.value}, overdue {r.total.overdue.value}, idle {r.total.unattended.value}"


def _leads(r) -> str:
    return f"created {r.totals.created.value}, won {r.totals.won.value}, lost {r.totals.lost.value}"


def _funnel(r) -> str:
    return "reached " + "/".join(str(s.reached.value) for s in r.stages)


VIEWS = {"follow-ups": (insights.follow_up_insights, _follow_ups), "leads": (insights.lead_insights, _leads),
         "funnel": (insights.funnel_insights, _funnel)}


def _call(view: str, actor, preset: str, first: str, last: str):
    """One page's server work: scope and period resolved, then the view, in one unit of work."""
    with unit_of_work() as s:
        if view == "morning":  # what the page waits for; "about to be revoked" comes after it
            return insights.morning(s, actor, now=NOW, with_revoke=False)
        if view == "revoke":
            return insights.revoke_soon(s, actor, now=NOW)
        scope = insights.resolve_scope(s, actor)
        when = insights.resolve_period(s, preset, first, last, now=NOW)
        return VIEWS[view][0](s, actor, scope, when, now=NOW)


def _shown(view: str, out) -> str:
    if view == "revoke":
        return f"revoked soon {out.value}"
    return _morning(out) if view == "morning" else VIEWS[view][1](out)


def _morning(r) -> str:
    return (f"overdue {r.overdue.value}, idle {r.unattended.value}, stuck {r.stuck.value}, "
            f"open {r.open_leads.value}, revoked soon {r.revoke_soon.value}")


def _statements(engine, fn, shown: int = 3) -> dict:
    """The statements one call of ``fn`` runs, each run again alone (with its rows fetched:
    SQLite does much of its work while rows are fetched) for its median milliseconds of 3;
    the slowest ``shown`` with their plans, and the call's own time beside their sum."""
    seen: list[tuple] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        start = time.perf_counter()
        fn()
        call_ms = (time.perf_counter() - start) * 1000
    finally:
        event.remove(engine, "before_cursor_execute", record)
    out = []
    with engine.connect() as conn:
        for sql, params in seen:
            ms, _rows = time_calls(lambda q=sql, p=params: conn.exec_driver_sql(q, p).fetchall(), 0, 3)
            out.append({"ms": round(pct(ms, 50), 1), "sql": " ".join(sql.split()), "params": params})
        out.sort(key=lambda d: -d["ms"])
        for d in out[:shown]:
            d["plan"] = plan(conn, d["sql"], d["params"])
    for d in out:
        d["params"] = str(d["params"])[:200]
    return {"call_ms": round(call_ms, 1), "statements": len(out), "sum_ms": round(sum(d["ms"] for d in out), 1),
            "slowest": out[:shown]}


def _prepare(engine, args) -> dict:
    with unit_of_work() as s:
        contacts = s.exec(select(func.count()).select_from(Contact)).one()
    made = {"contacts_s": 0.0}
    if contacts < CONTACTS:
        print(f"inserting {CONTACTS - contacts:,} contacts …", file=sys.stderr)
        made["contacts_s"] = round(insert_contacts(engine, CONTACTS - contacts), 1)
    print(f"inserting up to {args.leads:,} leads and {args.follow_ups:,} follow-ups …", file=sys.stderr)
    made |= build(engine, leads=args.leads, follow_ups=args.follow_ups)
    if made["leads_s"] or made["contacts_s"]:
        after_bulk_load(engine, "contact", "lead", "follow_up", "stage_change")
    print(f"  {made}", file=sys.stderr)
    return made


def measure(url: str, args) -> dict:
    """Build (or reuse) the database at ``url`` and time every insights call on it; prints as it goes."""
    started, load0 = time.perf_counter(), round(os.getloadavg()[0], 2)
    engine = make_engine(url)
    set_engine(engine)
    version = server_version(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="bench-pass-1", now=NOW, with_contacts=False)
    made = _prepare(engine, args)
    if args.analyze and engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    with unit_of_work() as s:
        sizes = {m.__tablename__: s.exec(select(func.count()).select_from(m)).one()
                 for m in (Lead, FollowUp, StageChange)}
        actors = {who: actor_of(find_by_code(s, code))
                  for who, code in (("admin", "E01"), ("manager", "E02"), ("executive", "E03"))}
    calls = [(f"{view}, {label}", view, spec) for label, spec in PERIODS.items() for view in VIEWS]
    calls += [("morning", "morning", ("", "", "")), (POLICY_ROW, "revoke", ("", "", ""))]
    calls = [c for c in calls if not args.only or any(o in c[0] for o in args.only.split(","))]
    print(f"\n{version}: {sizes['lead']:,} leads, {sizes['follow_up']:,} follow-ups, "
          f"{sizes['stage_change']:,} stage changes; {args.reps} runs after {args.warmup} warm-ups; "
          "ms server time (p50 / p95)")
    print(f"{'call':<26} {'admin':>13} {'manager':>13} {'executive':>13}   admin's figures")
    results, slow = {}, []
    for label, view, spec in calls:
        target = MORNING_MS if view in ("morning", "revoke") else VIEW_MS
        res, shown = {}, ""
        for who, actor in actors.items():
            with _policy_on(engine, label == POLICY_ROW):
                ms, out = time_calls(lambda a=actor, v=view, p=spec: _call(v, a, *p), args.warmup, args.reps)
            res[who] = {"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1)}
            shown = shown or _shown(view, out)
            if res[who]["p95"] > target:
                slow.append((label, who, view, actor, spec))
        results[label] = res
        over = any(r["p95"] > target for r in res.values())
        flag = ("  <-- over" if _targeted(label) else "  (over, reported)") if over else ""
        cells = " ".join(f"{r['p50']:>6.1f}/{r['p95']:<6.1f}" for r in res.values())
        print(f"{label:<26} {cells}   {shown}{flag}")

    diagnosis = {}
    if slow and not args.no_explain:
        print("\nover target: the slowest statements (each run alone, median of 3; ms) and their plans")
        for label, who, view, actor, spec in slow:
            with _policy_on(engine, label == POLICY_ROW):
                found = _statements(engine, lambda a=actor, v=view, p=spec: _call(v, a, *p))
            diagnosis[f"{label} ({who})"] = found
            print(f"  {label} ({who}): call {found['call_ms']} ms, its {found['statements']} statements "
                  f"{found['sum_ms']} ms")
            for d in found["slowest"]:
                print(f"    {d['ms']:>7.1f} ms  {d['sql'][:160]}")
                for step in d["plan"]:
                    print(f"               | {step}")
    met = not any(_targeted(label) for label, _who, _view, _a, _s in slow)
    runtime = round(time.perf_counter() - started, 1)
    print(f"load average (1 min) at start {load0}, at end {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"\n{version} targets (views ≤ {VIEW_MS:.0f} ms, dashboard ≤ {MORNING_MS:.0f} ms, p95, presets): "
          f"{'met' if met else 'MISSED'}; ran {runtime} s")
    engine.dispose()
    set_engine(None)
    return {"engine": version, "sizes": sizes, "build": made, "reps": args.reps, "queries": results,
            "target_met": met, "diagnosis": diagnosis, "runtime_s": runtime,
            "loadavg_start_end": [load0, round(os.getloadavg()[0], 2)]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--leads", type=int, default=100_000)
    ap.add_argument("--follow-ups", type=int, default=300_000)
    ap.add_argument("--quick", action="store_true", help="smoke check: 5,000 leads, 15,000 follow-ups, 3 runs")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--only", default="", help="only the calls whose label holds one of these (comma-separated)")
    ap.add_argument("--no-explain", action="store_true", help="skip the statements and plans of slow calls")
    ap.add_argument("--analyze", action="store_true",
                    help="run ANALYZE first on SQLite (the app never does; PostgreSQL's data is always analysed)")
    add_engine_options(ap)
    args = ap.parse_args()
    if args.quick:
        args.leads, args.follow_ups, args.reps, args.warmup = 5000, 15_000, 3, 1
    runs = run_on_engines(args, lambda url: measure(url, args), name="bench_insights", file="insights.db")
    if len(runs) > 1:
        p95 = query_p95(runs)
        for title, target, dashboard in (("insights views", VIEW_MS, False), ("dashboard", MORNING_MS, True)):
            part = {e: {k: v for k, v in f.items() if k.startswith("morning") == dashboard} for e, f in p95.items()}
            if any(part.values()):
                print_side_by_side(part, title, target)
    print(json.dumps({"benchmark": "insights", "runs": runs, "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}, ensure_ascii=False))


if __name__ == "__main__":
    main()
