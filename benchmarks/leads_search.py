"""Lead list at scale (target: with 100,000 leads any list view or filter
combination answers in ≤ 150 ms server time at p95).

    .venv/bin/python benchmarks/leads_search.py [--n 100000] [--quick] [--db PATH] [--reps 30]
                                                [--postgres [--no-sqlite]]

A fresh SQLite file in a temp dir (or --db PATH, kept and reused: only missing
rows are added) gets the real migrations, seed_demo (without demo contacts),
~5,000 generated contacts (benchmarks/_contacts_data.py) and N generated leads
(benchmarks/_leads_data.py: products, followers for ~10%, next follow-up for
~60%, some overdue); with --postgres so does a database on a throwaway
PostgreSQL server (benchmarks/_engines.py), and both engines' p95 are printed
side by side at the end. Then every quick view, filter combinations, text
searches (words, a contact's mobile, its last digits, an e-mail), sorts and
deep pages run through the real search_leads inside unit_of_work, as admin
E01, manager E02 (team clause) and executive E03 (own/created/following
clause), 3 warm-ups + --reps timed runs. Queries over the target get a
breakdown (count+sum vs page query vs row filling) and their query plans.
Prints a table, then one JSON line. Timings on shared machines are indicative.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import Session, func, select  # noqa: E402

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
from benchmarks._leads_data import NOW, insert_leads  # noqa: E402
from benchmarks._timing import master_id, pct, time_calls  # noqa: E402
from hoffice_app.db import make_engine, set_engine, unit_of_work, utcnow  # noqa: E402
from hoffice_app.domain.auth import actor_of  # noqa: E402
from hoffice_app.domain.contacts import display  # noqa: E402
from hoffice_app.domain.leads import search as ls  # noqa: E402
from hoffice_app.domain.org import find_by_code  # noqa: E402
from hoffice_app.domain.seed import seed_demo  # noqa: E402
from hoffice_app.migrations import upgrade  # noqa: E402
from hoffice_app.models import Contact, ContactEmail, ContactPhone, Lead  # noqa: E402

TARGET_MS = 150.0
CONTACTS = 5000
Q = ls.LeadQuery


def _day(delta_days: int) -> str:
    return (NOW + timedelta(days=delta_days)).date().isoformat()


def _queries(session: Session, ids: dict[str, int]) -> list[tuple[str, ls.LeadQuery]]:
    """Representative requests; the text ones aim at rows picked from the data."""
    n = session.exec(select(func.count()).select_from(Lead)).one()
    lead = session.exec(select(Lead).where(Lead.id >= n // 2, Lead.source_kind == "contact").order_by(Lead.id)
                        .limit(1)).one()
    contact = session.get(Contact, lead.contact_id)
    source = session.get(Contact, lead.source_contact_id)
    word = next((w for w in contact.name.split() if len(w) >= 5), contact.name.split()[0])
    mobile = session.exec(select(ContactPhone.number).where(ContactPhone.contact_id == contact.id)).first() or ""
    email = session.exec(select(ContactEmail.email).where(ContactEmail.contact_id == contact.id)).first() or ""
    m = lambda kind, name: master_id(session, kind, name)  # noqa: E731
    out = [(f"view {key}", Q(view=key)) for key, _ in ls.QUICK_VIEWS]
    out += [
        ("status = Qualified Opportunity", Q(status_id=m("lead_status", "Qualified Opportunity"))),
        ("priority High + type Dealer",
         Q(priority_id=m("lead_priority", "High"), lead_type_id=m("lead_type", "Dealer"))),
        ("assignee E04", Q(assigned_to_id=str(ids["E04"]))),
        ("created by E02, title A→Z", Q(created_by_id=str(ids["E02"]), sort="title")),
        ("source campaign Google Ads", Q(source_kind="campaign", source_ref=m("campaign", "Google Ads"))),
        (f"source contact {source.code} (all)", Q(view="all", source_kind="contact", source_ref=source.code)),
        (f"source contact {source.code} (open)", Q(source_kind="contact", source_ref=source.code)),
        ("product Barcode Printer", Q(product_id=m("product", "Barcode Printer"))),
        ("category CRM + value 1L–10L, -value",
         Q(product_category_id=m("product_category", "CRM Software"), value_min="100000", value_max="1000000",
           sort="-value")),
        ("created last 30 days", Q(view="all", created_from=_day(-30), created_to=_day(0))),
        ("assigned 2026-Q3 + status Lead",
         Q(view="all", assigned_from="2026-07-01", assigned_to="2026-09-30", status_id=m("lead_status", "Lead"))),
        ("follow-up next 7 days, by follow-up", Q(followup_from=_day(0), followup_to=_day(7), sort="next_followup")),
        ("value ≥ 50L, -value", Q(value_min="5000000", sort="-value")),
        ("open, by next follow-up", Q(sort="next_followup")),
        ("all, by value (low→high)", Q(view="all", sort="value")),
        ("open, by priority", Q(sort="priority")),
        ("all, by priority (low first), deep page 2000", Q(view="all", sort="-priority", page=2000)),
        ("open, by stage", Q(sort="stage")),
        ("all, by stage (last first), deep page 1500", Q(view="all", sort="-stage", page=1500)),
        ("all, by next follow-up (latest first)", Q(view="all", sort="-next_followup")),
        ("priority High or Urgent, -value",
         Q(priority_id=f"{m('lead_priority', 'High')},{m('lead_priority', 'Urgent')}", sort="-value")),
        (f"text word '{word[:5].lower()}'", Q(view="all", text=word[:5].lower())),
        ("text 'renewal locations'", Q(text="renewal locations")),
        (f"text lead code {lead.code}", Q(view="all", text=lead.code)),
        ("text short 'ab' (LIKE)", Q(view="all", text="ab")),
        (f"text contact's mobile '{display(mobile)}'", Q(view="all", text=display(mobile))),
        (f"text mobile's last 5 '{mobile[-5:]}'", Q(view="all", text=mobile[-5:])),
        ("text contact's e-mail", Q(view="all", text=email)),
        (f"text e-mail domain '@{email.split('@')[-1]}'", Q(view="all", text="@" + email.split("@")[-1])),
        ("text + status + -value", Q(text="crm", status_id=m("lead_status", "Lead"), sort="-value")),
        ("deep page 1000 (open)", Q(page=1000)),
        ("deep page 3000 (all, oldest first)", Q(view="all", page=3000, sort="created")),
        ("deep page 500 (all, by title)", Q(view="all", page=500, sort="title")),
        ("no hits 'zzqx nothing'", Q(view="all", text="zzqx nothing")),
    ]
    return out


def _search(actor, q):
    with unit_of_work() as s:
        return ls.search_leads(s, actor, q, now=NOW)


def _breakdown(engine, actor, q: ls.LeadQuery) -> dict:
    """search_leads' three parts timed apart (same statements), plus their plans."""
    with Session(engine) as s:
        cond = ls.conditions(s, actor, q, now=NOW)
        count_stmt = select(func.count(), func.sum(Lead.estimated_value)).select_from(Lead).where(*cond)
        total = s.exec(count_stmt).one()[0]
        per = max(1, min(int(q.per_page or 25), ls.MAX_PER_PAGE))
        page = max(1, min(int(q.page or 1), max(1, -(-total // per))))
        table_rows = (s.exec(select(func.max(Lead.id))).one() or 0) if engine.dialect.name == "sqlite" else 0
        ids = ls.page_ids(cond, q.sort, (page - 1) * per, per, total, table_rows=table_rows)
        page_stmt = select(*ls.ROW_COLUMNS).where(Lead.id.in_(ids)).order_by(*ls.order_by(q.sort))
        count_ms, _ = time_calls(lambda: s.exec(count_stmt).one(), 1, 5)
        page_ms, rows = time_calls(lambda: s.exec(page_stmt).all(), 1, 5)
        rows_ms, _ = time_calls(lambda: ls.fill_rows(s, actor, rows, now=NOW), 1, 5)
        plans = {}
        for name, stmt in (("count", count_stmt), ("page", page_stmt)):
            sql = str(stmt.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
            plans[name] = plan(s.connection(), sql)
    return {"count_ms": round(pct(count_ms, 50), 1), "page_ms": round(pct(page_ms, 50), 1),
            "rows_ms": round(pct(rows_ms, 50), 1), "plans": plans}


def _prepare(engine, n: int) -> tuple[float, float]:
    """Add what is missing: contacts up to CONTACTS, leads up to n. Returns their insert seconds."""
    with unit_of_work() as s:
        contacts = s.exec(select(func.count()).select_from(Contact)).one()
        leads = s.exec(select(func.count()).select_from(Lead)).one()
    c_s = l_s = 0.0
    if contacts < CONTACTS:
        print(f"inserting {CONTACTS - contacts:,} contacts …", file=sys.stderr)
        c_s = insert_contacts(engine, CONTACTS - contacts)
    if leads < n:
        print(f"inserting {n - leads:,} leads …", file=sys.stderr)
        l_s = insert_leads(engine, n - leads)
        print(f"  {l_s:.1f} s ({(n - leads) / l_s:,.0f} leads/s)", file=sys.stderr)
    if c_s or l_s:
        after_bulk_load(engine, "contact", "lead")
    return c_s, l_s


def measure(url: str, n: int, args) -> dict:
    """Build (or top up) the database at ``url`` and time every list query on it; prints as it goes."""
    started, load0 = time.perf_counter(), round(os.getloadavg()[0], 2)
    engine = make_engine(url)
    set_engine(engine)
    version = server_version(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="bench-pass-1", now=utcnow(), with_contacts=False)
    contacts_s, leads_s = _prepare(engine, n)
    if args.analyze and engine.dialect.name == "sqlite":  # PostgreSQL: after_bulk_load ran ANALYZE
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    with unit_of_work() as s:
        have = s.exec(select(func.count()).select_from(Lead)).one()
        people = {c: find_by_code(s, c) for c in ("E01", "E02", "E03", "E04")}
        ids = {c: e.id for c, e in people.items()}
        actors = {"admin": actor_of(people["E01"]), "manager": actor_of(people["E02"]),
                  "executive": actor_of(people["E03"])}
        queries = _queries(s, ids)

    results, all_ms = {}, []
    print(f"\n{version}: {have:,} leads, {args.reps} runs after {args.warmup} warm-ups; "
          "ms server time (p50 / p95), hits")
    print(f"{'query':<42} {'admin':>13} {'manager':>13} {'executive':>13} {'hits adm/mgr/exe':>22}")
    for label, q in queries:
        res = {}
        for who, actor in actors.items():
            ms, page = time_calls(lambda actor=actor, q=q: _search(actor, q), args.warmup, args.reps)
            all_ms += ms
            res[who] = {"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1), "total": page.total}
        results[label] = res
        flag = "  <-- over" if max(r["p95"] for r in res.values()) > TARGET_MS else ""
        cells = " ".join(f"{r['p50']:>6.1f}/{r['p95']:<6.1f}" for r in res.values())
        hits = "/".join(str(r["total"]) for r in res.values())
        print(f"{label[:42]:<42} {cells} {hits:>22}{flag}")
    overall = round(pct(all_ms, 95), 1)
    worst = max((r["p95"], f"{label} ({who})") for label, res in results.items() for who, r in res.items())
    print(f"{'overall p95 (all runs)':<42} {overall:>6.1f}; worst single p95 {worst[0]:.1f} ms: {worst[1]}")

    slow = [(label, q, who) for label, q in queries for who in actors if results[label][who]["p95"] > TARGET_MS]
    diagnosis = {}
    if slow:
        print(f"\nover {TARGET_MS:.0f} ms: where the time goes (median of 5; ms)")
        for label, q, who in slow:
            d = _breakdown(engine, actors[who], q)
            diagnosis[f"{label} ({who})"] = d
            print(f"  {label[:40]:<40} {who:<9} count+sum {d['count_ms']:>6.1f}  page {d['page_ms']:>6.1f}  "
                  f"rows {d['rows_ms']:>5.1f}")
            for part, plan in d["plans"].items():
                print(f"      {part:<5}: " + " | ".join(plan))

    runtime = round(time.perf_counter() - started, 1)
    met = not slow
    print(f"load average (1 min) at start {load0}, at end {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"\n{version} target (p95 ≤ {TARGET_MS:.0f} ms every query and role): {'met' if met else 'MISSED'}; "
          f"ran {runtime} s")
    engine.dispose()
    set_engine(None)
    return {"engine": version, "leads": have, "insert_contacts_s": round(contacts_s, 1),
            "insert_leads_s": round(leads_s, 1), "reps": args.reps, "queries": results, "overall_p95_ms": overall,
            "worst_p95_ms": worst[0], "worst": worst[1], "target_met": met, "diagnosis": diagnosis,
            "runtime_s": runtime, "loadavg_start_end": [load0, round(os.getloadavg()[0], 2)]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--quick", action="store_true", help="smoke check with n=5000")
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--analyze", action="store_true",
                    help="run ANALYZE first on SQLite (the app never does, so plans without statistics are the "
                         "default there; PostgreSQL's autovacuum does, so its data is always analysed)")
    add_engine_options(ap)
    args = ap.parse_args()
    n = 5000 if args.quick else args.n
    runs = run_on_engines(args, lambda url: measure(url, n, args), name="bench_leads")
    if len(runs) > 1:
        p95 = query_p95(runs)
        print_side_by_side(p95, "lead list", TARGET_MS)
    print(json.dumps({"benchmark": "leads_search", "runs": runs, "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}, ensure_ascii=False))


if __name__ == "__main__":
    main()
