"""Contact list and search at scale (target: with 100,000 contacts a search
or filtered page answers in ≤ 100 ms server time at p95; the list page's state
stays under 100 KB).

    .venv/bin/python benchmarks/contacts_search.py [--n 100000] [--quick] [--db PATH] [--reps 30]
                                                   [--postgres [--no-sqlite]] [--one-division]

A fresh SQLite file in a temp dir (or --db PATH, kept and reused: only missing
contacts are added) gets the real migrations, seed_demo and N generated
contacts (benchmarks/_contacts_data.py). With --postgres the same is done on a
throwaway PostgreSQL server (benchmarks/_engines.py) and the two engines' p95
are printed side by side at the end. Then each query runs through the real
search_contacts / pick_contacts inside unit_of_work, as admin E01 and as
executive E03 (privacy clause; with --one-division E03 is in one of the two
divisions, so the divisions clause hides contacts too), 3 warm-ups + --reps timed runs. Queries over
the target get a breakdown (COUNT vs page query vs _rows) and their query plans.
Prints a table, then one JSON line. Timings on shared machines are indicative.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete  # noqa: E402
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
from benchmarks._timing import master_id, pct, time_calls  # noqa: E402
from hoffice_app.db import make_engine, set_engine, unit_of_work, utcnow  # noqa: E402
from hoffice_app.domain.auth import actor_of  # noqa: E402
from hoffice_app.domain.contacts import search as cs  # noqa: E402
from hoffice_app.domain.org import find_by_code  # noqa: E402
from hoffice_app.domain.seed import seed_demo  # noqa: E402
from hoffice_app.migrations import upgrade  # noqa: E402
from hoffice_app.models import (  # noqa: E402
    Contact,
    ContactAlias,
    ContactEmail,
    ContactPhone,
    EmployeeDivision,
    MasterEntry,
)

TARGET_MS, STATE_KB = 100.0, 100.0
Q = cs.ContactQuery


def _queries(session: Session, exec_id: int) -> tuple[str, list[tuple[str, cs.ContactQuery]]]:
    """Representative queries; the text ones aim at one public contact picked from the data."""
    n = session.exec(select(func.count()).select_from(Contact)).one()
    mobile_ids = select(ContactPhone.contact_id).where(ContactPhone.kind == "mobile")
    c = session.exec(select(Contact).where(Contact.is_private == False,  # noqa: E712
                                           Contact.id.in_(select(ContactAlias.contact_id)), Contact.id.in_(mobile_ids),
                                           Contact.id.in_(select(ContactEmail.contact_id)), Contact.id >= n // 2)
                     .order_by(Contact.id).limit(1)).one()
    alias = max(session.exec(select(ContactAlias.alias).where(ContactAlias.contact_id == c.id)).all(), key=len)
    email = session.exec(select(ContactEmail.email).where(ContactEmail.contact_id == c.id)).first()
    mobile = session.exec(select(ContactPhone.number).where(ContactPhone.contact_id == c.id,
                                                            ContactPhone.kind == "mobile")).first()
    word = next((w for w in c.name.split() if len(w) >= 5), c.name.split()[0])
    vendor, customer = master_id(session, "contact_type", "Vendor"), master_id(session, "contact_type", "Customer")
    return mobile, [
        ("empty, page 1", Q()),
        ("empty, newest first (-created)", Q(sort="-created")),
        (f"name fragment '{word[:5].lower()}'", Q(text=word[:5].lower())),
        (f"alias '{alias}'", Q(text=alias)),
        (f"code '{c.code}'", Q(text=c.code)),
        (f"e-mail '{email.split('@')[0]}'", Q(text=email.split("@")[0])),
        (f"mobile '{mobile[3:8]} {mobile[8:]}'", Q(text=f"{mobile[3:8]} {mobile[8:]}")),
        ("type = Vendor", Q(contact_type_id=vendor)),
        ("city Surat + customer", Q(city="Surat", stage="customer")),
        ("category Dealers + industry Manufacturing",
         Q(category_id=master_id(session, "contact_category", "Dealers"),
           industry_id=master_id(session, "industry", "Manufacturing"))),
        ("KAM = E03 (my contacts)", Q(key_account_manager_id=str(exec_id))),
        ("'traders' + Customer type + prospect, -created",
         Q(text="traders", contact_type_id=customer, stage="prospect", sort="-created")),
        ("deep page 2000", Q(page=2000)),
        ("no hits 'zzqx nothing'", Q(text="zzqx nothing")),
    ]


def _search(actor, q):
    with unit_of_work() as s:
        return cs.search_contacts(s, actor, q)


def _pick(actor, text):
    with unit_of_work() as s:
        return cs.pick_contacts(s, actor, text)


def _breakdown(engine, actor, q: cs.ContactQuery) -> dict:
    """search_contacts' three parts timed apart (same statements), plus their plans."""
    with Session(engine) as s:
        cond = cs.conditions(s, actor, q)
        count_stmt = select(func.count()).select_from(Contact).where(*cond)
        total = s.exec(count_stmt).one()
        per = max(1, min(int(q.per_page or 25), cs.MAX_PER_PAGE))
        page = max(1, min(int(q.page or 1), max(1, -(-total // per))))
        page_stmt = cs._page_query(s, cond, cs.SORTS.get(q.sort, cs.SORTS["name"]), (page - 1) * per, per)
        count_ms, _ = time_calls(lambda: s.exec(count_stmt).one(), 1, 5)
        page_ms, rows = time_calls(lambda: s.exec(page_stmt).all(), 1, 5)
        rows_ms, _ = time_calls(lambda: cs._rows(s, rows), 1, 5)
        plans = {}
        for name, stmt in (("count", count_stmt), ("page", page_stmt)):
            sql = str(stmt.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
            plans[name] = plan(s.connection(), sql)
    return {"count_ms": round(pct(count_ms, 50), 1), "page_ms": round(pct(page_ms, 50), 1),
            "rows_ms": round(pct(rows_ms, 50), 1), "plans": plans}


def _one_division(session: Session, employee_id: int) -> None:
    """Leave the executive in the first division only, so the divisions rule (contacts.access)
    hides the contacts mapped only to the others (~40% of the generated ones)."""
    first = session.exec(select(MasterEntry.id).where(MasterEntry.kind == "division")
                         .order_by(MasterEntry.position)).first()
    session.exec(delete(EmployeeDivision).where(EmployeeDivision.employee_id == employee_id))
    session.add(EmployeeDivision(employee_id=employee_id, division_id=first))
    session.flush()


def measure(url: str, n: int, args) -> dict:
    """Build (or top up) the database at ``url`` and time every query on it; prints as it goes."""
    started, load0 = time.perf_counter(), round(os.getloadavg()[0], 2)
    engine = make_engine(url)
    set_engine(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="bench-pass-1", now=utcnow())
        have = s.exec(select(func.count()).select_from(Contact)).one()
        admin, execu = actor_of(find_by_code(s, "E01")), actor_of(find_by_code(s, "E03"))
        if args.one_division:
            _one_division(s, execu.id)
        mobile, queries = _queries(s, execu.id) if have >= n else ("", [])
    insert_s = 0.0
    if have < n:
        print(f"inserting {n - have:,} contacts into {engine.url.render_as_string()} …", file=sys.stderr)
        insert_s = insert_contacts(engine, n - have)
        after_bulk_load(engine, "contact")
        print(f"  {insert_s:.1f} s ({(n - have) / insert_s:,.0f} contacts/s)", file=sys.stderr)
        with unit_of_work() as s:
            mobile, queries = _queries(s, execu.id)
    with unit_of_work() as s:
        have = s.exec(select(func.count()).select_from(Contact)).one()
    actors = {"admin": admin, "executive": execu}
    version = server_version(engine)

    results, all_ms = {}, []
    print(f"\n{version}: {have:,} contacts, {args.reps} runs after {args.warmup} warm-ups; ms server time")
    print(f"{'query':<50} {'admin p50':>9} {'p95':>7} {'exec p50':>9} {'p95':>7} {'hits adm/exe':>14}")
    for label, q in queries:
        res = {}
        for who, actor in actors.items():
            ms, page = time_calls(lambda actor=actor, q=q: _search(actor, q), args.warmup, args.reps)
            all_ms += ms
            res[who] = {"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1), "total": page.total}
        results[label] = res
        a, e = res["admin"], res["executive"]
        flag = "  <-- over" if max(a["p95"], e["p95"]) > TARGET_MS else ""
        print(f"{label[:50]:<50} {a['p50']:>9.1f} {a['p95']:>7.1f} {e['p50']:>9.1f} {e['p95']:>7.1f} "
              f"{a['total']:>7}/{e['total']:<6}{flag}")
    overall = round(pct(all_ms, 95), 1)
    print(f"{'overall p95 (all search runs)':<50} {overall:>17.1f}")

    picks = {}
    code = next(q.text for label, q in queries if label.startswith("code"))
    for text in ("pat", code[:5], mobile[3:8]):
        for who, actor in actors.items():
            ms, opts = time_calls(lambda actor=actor, text=text: _pick(actor, text), args.warmup, args.reps)
            picks[f"{text} ({who})"] = {"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1),
                                        "options": len(opts)}
    print("\npick_contacts (limit 10)")
    for k, v in picks.items():
        print(f"  {k:<25} p50 {v['p50']:>6.1f}  p95 {v['p95']:>6.1f}  ({v['options']} options)")

    state = {}
    for per in (25, cs.MAX_PER_PAGE):
        page = _search(admin, Q(per_page=per))
        blob = json.dumps({"rows": [asdict(r) for r in page.rows], "total": page.total, "page": page.page,
                           "pages": page.pages}, ensure_ascii=False)
        state[per] = round(len(blob.encode()) / 1024, 1)
    print(f"\nlist page state as JSON: 25 rows {state[25]} KB, {cs.MAX_PER_PAGE} rows {state[cs.MAX_PER_PAGE]} KB "
          f"(budget {STATE_KB:.0f} KB)")

    slow = [(label, q, who) for label, q in queries for who in actors
            if results[label][who]["p95"] > TARGET_MS]
    diagnosis = {}
    if slow:
        print(f"\nover {TARGET_MS:.0f} ms: where the time goes (median of 5; ms)")
        for label, q, who in slow:
            d = _breakdown(engine, actors[who], q)
            diagnosis[f"{label} ({who})"] = d
            print(f"  {label[:44]:<44} {who:<9} count {d['count_ms']:>6.1f}  page {d['page_ms']:>6.1f}  "
                  f"_rows {d['rows_ms']:>5.1f}")
            for part, lines in d["plans"].items():
                print(f"      {part:<5}: " + " | ".join(lines))

    runtime = round(time.perf_counter() - started, 1)
    met = overall <= TARGET_MS and not slow and state[25] < STATE_KB
    print(f"load average (1 min) at start {load0}, at end {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"\n{version} target (p95 ≤ {TARGET_MS:.0f} ms every query, state < {STATE_KB:.0f} KB): "
          f"{'met' if met else 'MISSED'}; ran {runtime} s")
    engine.dispose()
    set_engine(None)
    return {"engine": version, "contacts": have, "insert_s": round(insert_s, 1), "reps": args.reps,
            "queries": results, "overall_p95_ms": overall, "pick_contacts": picks, "state_kb_25_rows": state[25],
            f"state_kb_{cs.MAX_PER_PAGE}_rows": state[cs.MAX_PER_PAGE], "target_met": met, "diagnosis": diagnosis,
            "runtime_s": runtime, "loadavg_start_end": [load0, round(os.getloadavg()[0], 2)]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--quick", action="store_true", help="smoke check with n=5000")
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--one-division", action="store_true",
                    help="the executive in one of the two divisions (the divisions rule hides ~40%%)")
    add_engine_options(ap)
    args = ap.parse_args()
    n = 5000 if args.quick else args.n
    runs = run_on_engines(args, lambda url: measure(url, n, args), name="bench_contacts")
    if len(runs) > 1:
        p95 = query_p95(runs)
        print_side_by_side(p95, "contact search", TARGET_MS)
    print(json.dumps({"benchmark": "contacts_search", "runs": runs, "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}, ensure_ascii=False))


if __name__ == "__main__":
    main()
