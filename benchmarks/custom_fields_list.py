"""The lead list filtered on custom fields at scale (target: 100,000 leads with 10 custom fields
each, a list filtered on a custom select or number field ≤ 150 ms server time at p95).

    .venv/bin/python benchmarks/custom_fields_list.py [--n 100000] [--quick] [--db PATH] [--reps 30]
                                                      [--postgres [--no-sqlite]]

Builds (or tops up, with --db) the database as benchmarks/leads_search.py does — migrations,
seed_demo, ~5,000 contacts, N leads — then ten lead custom fields and every lead's values
(benchmarks/_custom_data.py, ~11.5 value rows a lead), and times the real search_leads with
custom field filters (selects, a multi select, number and amount ranges, a date range, mixed
with built-in filters and sorts, a deep page) as admin E01, manager E02 and executive E03,
3 warm-ups + --reps timed runs. Prints a table, then one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import func, select  # noqa: E402

from benchmarks._custom_data import ensure_fields, leads_with_values  # noqa: E402
from benchmarks._engines import add_engine_options, run_on_engines, server_version  # noqa: E402
from benchmarks._leads_data import NOW  # noqa: E402
from benchmarks._timing import master_id, pct, time_calls  # noqa: E402
from hoffice_app.db import make_engine, set_engine, unit_of_work, utcnow  # noqa: E402
from hoffice_app.domain import customfields as cf  # noqa: E402
from hoffice_app.domain.auth import actor_of  # noqa: E402
from hoffice_app.domain.leads import LeadQuery, search_leads  # noqa: E402
from hoffice_app.domain.org import find_by_code  # noqa: E402
from hoffice_app.domain.seed import seed_demo  # noqa: E402
from hoffice_app.migrations import upgrade  # noqa: E402
from hoffice_app.models import Lead, LeadCustomValue  # noqa: E402
from hoffice_app.startup import freeze_startup_objects  # noqa: E402

TARGET_MS = 150.0
CONTACTS = 5000


def _f(*filters) -> str:
    return cf.encode_filters([cf.CustomFilter(*f) for f in filters])


def _queries(session) -> list[tuple[str, LeadQuery]]:
    fields = ensure_fields()
    opt = {label: dict(zip([o for o in _labels(session, fid)], ids)) for label, (fid, _k, ids) in fields.items()}
    retail, it = str(opt["Industry"]["Retail"]), str(opt["Industry"]["IT"])
    solar = str(opt["Interests"]["Solar"])
    status = master_id(session, "lead_status", "Lead")
    return [
        ("Industry = Retail (open)", LeadQuery(custom=_f(("industry", "any_of", retail)))),
        ("Industry = Retail (all)", LeadQuery(view="all", custom=_f(("industry", "any_of", retail)))),
        ("Industry Retail or IT, -value", LeadQuery(custom=_f(("industry", "any_of", f"{retail},{it}")),
                                                    sort="-value")),
        ("Interests has Solar (all)", LeadQuery(view="all", custom=_f(("interests", "any_of", solar)))),
        ("Seats 50–100 (open)", LeadQuery(custom=_f(("seats", "between", "50", "100")))),
        ("Seats 50–100 (all)", LeadQuery(view="all", custom=_f(("seats", "between", "50", "100")))),
        ("Seats = 250 (all)", LeadQuery(view="all", custom=_f(("seats", "eq", "250")))),
        ("Budget ≥ 45,00,000, -value", LeadQuery(custom=_f(("budget", "gte", "4500000")), sort="-value")),
        ("Renewal in June 2026", LeadQuery(view="all", custom=_f(("renewal", "between", "2026-06-01",
                                                                   "2026-06-30")))),
        ("Retail + Seats ≥ 400 + status", LeadQuery(status_id=status, custom=_f(
            ("industry", "any_of", retail), ("seats", "gte", "400")))),
        ("Industry = Retail, by priority", LeadQuery(sort="priority", custom=_f(("industry", "any_of", retail)))),
        ("Industry = Retail (all), deep page 300", LeadQuery(view="all", page=300,
                                                             custom=_f(("industry", "any_of", retail)))),
        ("Signed is empty (none are)", LeadQuery(view="all", custom=_f(("signed", "empty")))),
    ]


def _labels(session, field_id: int) -> list[str]:
    return [o.label for o in cf.options_of(session, [field_id])[field_id]]


def _search(actor, q):
    with unit_of_work() as s:
        return search_leads(s, actor, q, now=NOW)


def measure(url: str, n: int, args) -> dict:
    started, load0 = time.perf_counter(), round(os.getloadavg()[0], 2)
    engine = make_engine(url)
    set_engine(engine)
    version = server_version(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="bench-pass-1", now=utcnow(), with_contacts=False)
    values_s = leads_with_values(engine, contacts=CONTACTS, leads=n)
    with unit_of_work() as s:
        have = s.exec(select(func.count()).select_from(Lead)).one()
        rows = s.exec(select(func.count()).select_from(LeadCustomValue)).one()
        actors = {role: actor_of(find_by_code(s, code))
                  for role, code in (("admin", "E01"), ("manager", "E02"), ("executive", "E03"))}
        queries = _queries(s)
    freeze_startup_objects()  # as the server does once started: full GC passes skip what setup built
    print(f"\n{version}: {have:,} leads, {rows:,} custom value rows (written in {values_s:.1f} s); "
          f"{args.reps} runs after {args.warmup} warm-ups; ms server time (p50 / p95), hits")
    print(f"{'query':<40} {'admin':>13} {'manager':>13} {'executive':>13} {'hits adm/mgr/exe':>22}")
    results, worst = {}, (0.0, "")
    for label, q in queries:
        res = {}
        for who, actor in actors.items():
            ms, page = time_calls(lambda actor=actor, q=q: _search(actor, q), args.warmup, args.reps)
            res[who] = {"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1), "total": page.total}
            worst = max(worst, (res[who]["p95"], f"{label} ({who})"))
        results[label] = res
        flag = "  <-- over" if max(r["p95"] for r in res.values()) > TARGET_MS else ""
        cells = " ".join(f"{r['p50']:>6.1f}/{r['p95']:<6.1f}" for r in res.values())
        print(f"{label[:40]:<40} {cells} {'/'.join(str(r['total']) for r in res.values()):>22}{flag}")
    met = worst[0] <= TARGET_MS
    print(f"load average (1 min) at start {load0}, at end {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{version} target (p95 ≤ {TARGET_MS:.0f} ms every query and role): {'met' if met else 'MISSED'}; "
          f"worst {worst[0]} ms: {worst[1]}; ran {time.perf_counter() - started:.0f} s")
    engine.dispose()
    set_engine(None)
    return {"engine": version, "leads": have, "value_rows": rows, "queries": results, "worst_p95_ms": worst[0],
            "worst": worst[1], "target_met": met, "loadavg_start_end": [load0, round(os.getloadavg()[0], 2)]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--quick", action="store_true", help="smoke check with n=5000")
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    add_engine_options(ap)
    args = ap.parse_args()
    runs = run_on_engines(args, lambda url: measure(url, 5000 if args.quick else args.n, args), name="bench_cf")
    print(json.dumps({"benchmark": "custom_fields_list", "runs": runs, "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}, ensure_ascii=False))


if __name__ == "__main__":
    main()
