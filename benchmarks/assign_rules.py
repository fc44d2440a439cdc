"""Assigning new leads through a rule (target: 10,000 leads in ≤ 5 s).

    .venv/bin/python benchmarks/assign_rules.py [--n 10000] [--runs 3] [--postgres [--no-sqlite]]

A fresh database (SQLite in a temp dir; with --postgres also a throwaway PostgreSQL,
benchmarks/_engines.py) gets the real migrations, the demo seed, 1,000 contacts and N leads
(benchmarks/_leads_data.py) rewritten as open, unassigned leads from the "Website" campaign,
plus 1,000 open leads held by the members (their open-lead counts are read). Three rules are
saved through the real admin function: two that do not match (a city and a lead-type
condition, so every lead's contact address and divisions are read) and the demo rule
"Website inquiries" (round robin E03–E05, cap 1,000,000). Each run times
``assign_by_rules`` over all N ids inside ``unit_of_work`` (the commit included), checks that
every lead was assigned with its timeline line and bell notification, then puts the leads back
unassigned for the next run. Prints the figures and one JSON line.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, update  # noqa: E402
from sqlmodel import func, select  # noqa: E402

from benchmarks._contacts_data import insert_contacts  # noqa: E402
from benchmarks._engines import add_engine_options, after_bulk_load, run_on_engines, server_version  # noqa: E402
from benchmarks._leads_data import NOW, insert_leads  # noqa: E402
from hoffice_app.db import make_engine, set_engine, unit_of_work  # noqa: E402
from hoffice_app.domain.assignment import assign_by_rules, save_rule  # noqa: E402
from hoffice_app.domain.auth import actor_of  # noqa: E402
from hoffice_app.domain.org import find_by_code  # noqa: E402
from hoffice_app.domain.seed import seed_demo  # noqa: E402
from hoffice_app.migrations import upgrade  # noqa: E402
from hoffice_app.models import Lead, LeadEvent, MasterEntry, Notification  # noqa: E402

TARGET_S = 5.0


def _build(url: str, n: int) -> tuple[list[int], dict[str, int]]:
    engine = make_engine(url)
    set_engine(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="bench-pass-1", now=NOW)
    insert_contacts(engine, 1000)
    insert_leads(engine, 1000)  # the members' existing load (some open, some assigned)
    with unit_of_work() as s:
        website = s.exec(select(MasterEntry.id).where(MasterEntry.kind == "campaign",
                                                      MasterEntry.name == "Website")).one()
        people = {c: find_by_code(s, c).id for c in ("E01", "E03", "E04", "E05")}
    first = 1001

    def fresh(row: dict) -> None:
        row.update(assigned_to_id=None, assigned_at=None, is_open=True, closed_at=None, source_kind="campaign",
                   source_campaign_id=website, source_contact_id=None, source_employee_id=None)
    insert_leads(engine, n, seed=12, adjust=fresh)
    after_bulk_load(engine, "contact", "lead", "lead_event", "follow_up", "lead_follower")
    with unit_of_work() as s:
        admin = actor_of(find_by_code(s, "E01"))
        type_id = s.exec(select(MasterEntry.id).where(MasterEntry.kind == "lead_type")).first()
        members = [{"id": people[c], "weight": 1} for c in ("E03", "E04", "E05")]
        for name, conditions in (("Nagpur desk", {"cities": ["Nagpur-nowhere"]}),
                                 ("One type", {"lead_type_ids": [type_id], "states": ["NOWHERE"]}),
                                 ("Website inquiries", {"source_kind": "campaign", "source_ids": [website]})):
            save_rule(s, admin, {"name": name, "members": members, "cap": 1_000_000, "conditions": conditions},
                      now=NOW)
    return list(range(first, first + n)), people


def _reset(ids: list[int]) -> None:
    with unit_of_work() as s:
        s.execute(update(Lead.__table__).where(Lead.id >= ids[0]).values(assigned_to_id=None, assigned_at=None))
        s.execute(delete(LeadEvent.__table__).where(LeadEvent.lead_id >= ids[0], LeadEvent.kind == "assigned"))
        s.execute(delete(Notification.__table__).where(Notification.lead_id >= ids[0]))


def measure(url: str, n: int, runs: int) -> dict:
    ids, people = _build(url, n)
    times = []
    for _ in range(runs):
        _reset(ids)
        t = time.perf_counter()
        with unit_of_work() as s:
            done = assign_by_rules(s, ids, now=NOW)
        times.append(time.perf_counter() - t)
        with unit_of_work() as s:
            assigned = s.exec(select(func.count()).select_from(Lead).where(Lead.id >= ids[0],
                                                                           Lead.assigned_to_id.is_not(None))).one()
            lines = s.exec(select(func.count()).select_from(LeadEvent).where(
                LeadEvent.lead_id >= ids[0], LeadEvent.kind == "assigned")).one()
            bells = s.exec(select(func.count()).select_from(Notification).where(Notification.lead_id >= ids[0])).one()
            share = dict(s.exec(select(Lead.assigned_to_id, func.count()).where(Lead.id >= ids[0])
                                .group_by(Lead.assigned_to_id)).all())
        assert done == assigned == lines == bells == n, (done, assigned, lines, bells)
        assert max(share.values()) - min(share.values()) <= 1, share
    from hoffice_app.db import get_engine

    return {"version": server_version(get_engine()), "runs_s": [round(t, 2) for t in times], "best_s": min(times)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    add_engine_options(ap)
    args = ap.parse_args()
    results = run_on_engines(args, lambda url: measure(url, args.n, args.runs), name="bench_assign")
    print(f"\nassign_by_rules over {args.n:,} new leads (target ≤ {TARGET_S:.0f} s), {platform.node()}:")
    for engine, r in results.items():
        flag = "" if r["best_s"] <= TARGET_S else "  <-- over"
        print(f"  {engine:<11} {r['version']:<22} runs {r['runs_s']} s, best {r['best_s']:.2f} s{flag}")
    print(json.dumps({"n": args.n, "results": results}))


if __name__ == "__main__":
    main()
