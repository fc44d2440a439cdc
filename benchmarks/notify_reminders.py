"""Follow-up reminders at scale (targets: 10,000 follow-ups falling due in the same minute are
all queued within 5 s and delivered to an SMTP server within 60 s; the runner's minute scan
at 100,000 open follow-ups takes ≤ 200 ms).

    .venv/bin/python benchmarks/notify_reminders.py [--quick] [--reps 30] [--postgres [--no-sqlite]]

A fresh database (SQLite in a temp dir; with --postgres also a throwaway PostgreSQL,
benchmarks/_engines.py) gets the real migrations, the demo seed, 200 employees with e-mail
addresses, 2,000 leads (benchmarks/_notify_data.py) and its follow-ups, written straight to
the table. E-mail is configured by the environment (HOFFICE_SMTP_URL at a real aiosmtpd
server, tests/notify_servers.py, a fresh one per engine in a child process, as a real server
would be elsewhere; HOFFICE_MAIL_FROM, HOFFICE_BASE_URL); SMS is off. Then, through the real
code:

1. scan: 100,000 planned follow-ups (80 % in the future with a reminder to come, 20 % overdue
   and already told) and 50,000 done ones; ``follow_up_messages(engine, now)`` — the runner's
   job — timed --reps times while nothing is due, then with 1,000 reminders due (each run
   queues them; the rows it wrote are removed and the follow-ups made due again between runs);
   the scans' query plans as the job ran them (its bound parameters);
2. burst: 10,000 more follow-ups whose reminder falls in the minute before ``now``; the job is
   timed until all are reminded (a bell row and an outbox e-mail each), then the runner's own
   loop (``runner.serve_forever`` in a thread, no scheduled jobs) until the SMTP server holds
   10,000 messages (its serve_forever pauses 2 s whenever a batch is short, as in production).
Prints as it goes, a summary per engine, then one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, event, func, select, update  # noqa: E402

from benchmarks._engines import add_engine_options, run_on_engines, server_version  # noqa: E402
from benchmarks._notify_data import build, follow_up, insert_follow_ups, lead_owners  # noqa: E402
from benchmarks._timing import pct  # noqa: E402
from hoffice_app.db import set_engine, utcnow  # noqa: E402
from hoffice_app.domain.notify.jobs import follow_up_messages  # noqa: E402
from hoffice_app.domain.notify.runner import Schedule, serve_forever  # noqa: E402
from hoffice_app.models import Announcement, FollowUp, Notification, OutboxAttempt, OutboxMessage  # noqa: E402

QUEUE_S, DELIVER_S, SCAN_MS = 5.0, 60.0, 200.0
_SMTP_CHILD = """
import sys
from tests.notify_servers import SmtpServer
server = SmtpServer().start()
print(server.port, flush=True)
for line in sys.stdin:
    found = server.messages
    print(len(found) if line.strip() == "n" else len({m["Message-ID"] for m in found}), flush=True)
server.stop()
"""


class SmtpChild:
    """tests/notify_servers.SmtpServer in a process of its own, asked for its count over a pipe."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", _SMTP_CHILD], cwd=ROOT, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.port = int(self.proc.stdout.readline())

    def ask(self, what: str = "n") -> int:
        self.proc.stdin.write(what + "\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def stop(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(10)


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _forget_messages(engine, due_ids: list[int]) -> None:
    """Undo a run: no bell rows, outbox or announcements, and the follow-ups due again."""
    with engine.begin() as conn:
        for table in (OutboxAttempt, OutboxMessage, Notification, Announcement):
            conn.execute(delete(table.__table__))
        for lo in range(0, len(due_ids), 5000):
            conn.execute(update(FollowUp.__table__).where(FollowUp.id.in_(due_ids[lo:lo + 5000]))
                         .values(reminded_at=None))


def _ids_due(engine, now) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(FollowUp.id).where(FollowUp.remind_at <= now, FollowUp.reminded_at.is_(None),
                                                           FollowUp.status == "planned")).scalars())


def _scan_plans(engine, now) -> dict[str, list[str]]:
    """The plans of the job's SELECTs on follow_up, with the parameters it bound."""
    seen: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT") and "FROM follow_up" in statement:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        follow_up_messages(engine, now)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    out = {}
    with engine.connect() as conn:
        for name, (statement, parameters) in zip(("reminders", "overdue", "overdue, manager"), seen):
            if conn.dialect.name == "postgresql":
                out[name] = [r[0] for r in conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)]
            else:
                out[name] = [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    return out


def _time_job(engine, now, reps: int, due_ids: list[int]) -> dict:
    ms = []
    for _ in range(reps):
        t = time.perf_counter()
        handled = follow_up_messages(engine, now)
        ms.append((time.perf_counter() - t) * 1000)
        if handled != len(due_ids):
            raise SystemExit(f"the job handled {handled} follow-ups, {len(due_ids)} were due")
        if due_ids:
            _forget_messages(engine, due_ids)
    return {"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1), "runs": reps, "load": _load()}


def _deliver(engine, smtp: SmtpChild, want: int, timeout: float) -> dict:
    """The runner's loop in a thread until the SMTP server holds ``want`` messages."""
    stop = threading.Event()
    thread = threading.Thread(target=serve_forever, args=(stop, lambda: engine), kwargs={"schedule": Schedule()},
                              name="bench-runner")
    start, got, curve = time.perf_counter(), 0, {}
    thread.start()
    try:
        while got < want and time.perf_counter() - start < timeout:
            time.sleep(0.25)
            got = smtp.ask()
            for mark in (1000, 5000):
                if got >= mark and mark not in curve:
                    curve[mark] = round(time.perf_counter() - start, 1)
    finally:
        seconds = time.perf_counter() - start
        stop.set()
        thread.join(60)
    with engine.connect() as conn:
        status = dict(conn.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())
    return {"seconds": round(seconds, 1), "received": got, "unique_message_ids": smtp.ask("u"),
            "per_second": round(got / seconds, 1), "first_1000_s": curve.get(1000), "first_5000_s": curve.get(5000),
            "outbox": status, "load": _load()}


def measure(url: str, args) -> dict:
    """A fresh SMTP server per engine, e-mail pointed at it through the environment."""
    smtp = SmtpChild()
    os.environ.update(HOFFICE_SMTP_URL=f"smtp://127.0.0.1:{smtp.port}", HOFFICE_BASE_URL="https://crm.bench.example",
                      HOFFICE_MAIL_FROM="H-Office <crm@bench.example>")
    os.environ.pop("HOFFICE_SMS_URL", None)
    try:
        return _measure(url, args, smtp)
    finally:
        smtp.stop()


def _measure(url: str, args, smtp: SmtpChild) -> dict:
    started, load0 = time.perf_counter(), _load()
    engine = build(url, employees=200, leads=2000)
    version = server_version(engine)
    owners = lead_owners(engine)
    now = utcnow().replace(microsecond=0)
    open_n, done_n, burst_n, due_n = (args.open, args.open // 2, args.burst, args.open // 100)
    rows = []
    for k in range(open_n):  # 80 % to come (the nearest reminder an hour away), 20 % overdue and told
        lead, who = owners[k % len(owners)]
        ahead = k % 5 != 0
        due = now + timedelta(minutes=90 + k % (60 * 1440)) if ahead else now - timedelta(minutes=5 + k % 20_000)
        rows.append(follow_up(lead, who, due, told=None if ahead else due))
    for k in range(done_n):
        lead, who = owners[k % len(owners)]
        due = now - timedelta(minutes=60 + k % (365 * 1440))
        rows.append(follow_up(lead, who, due, status="done", told=due))
    t = time.perf_counter()
    insert_follow_ups(engine, rows)
    print(f"\n{version}: {open_n:,} open + {done_n:,} done follow-ups written in {time.perf_counter() - t:.1f} s",
          file=sys.stderr)

    out = {"engine": version, "open": open_n, "done": done_n}
    out["scan_none_due"] = _time_job(engine, now, args.reps, [])
    out["plans"] = _scan_plans(engine, now)
    with engine.begin() as conn:  # 1 in 100 of the future ones: its reminder now due
        ahead = select(FollowUp.id).where(FollowUp.reminded_at.is_(None), FollowUp.remind_at.is_not(None)) \
            .order_by(FollowUp.id).limit(due_n)
        ids = list(conn.execute(ahead).scalars())
        conn.execute(update(FollowUp.__table__).where(FollowUp.id.in_(ids))
                     .values(remind_at=now - timedelta(seconds=20), due_at=now + timedelta(minutes=29, seconds=40)))
    due_ids = _ids_due(engine, now)
    out["scan_1000_due"] = _time_job(engine, now, max(3, args.reps // 3), due_ids) | {"due": len(due_ids)}
    with engine.begin() as conn:  # those reminded now, out of the burst's way
        conn.execute(update(FollowUp.__table__).where(FollowUp.id.in_(due_ids)).values(reminded_at=now))

    burst = [follow_up(*owners[k % len(owners)], now + timedelta(minutes=30, seconds=-(k % 60)))
             for k in range(burst_n)]  # each reminder in the minute before now
    insert_follow_ups(engine, burst)
    due_ids = _ids_due(engine, now)
    runs = []
    for rep in range(args.burst_reps):
        t = time.perf_counter()
        handled = follow_up_messages(engine, now)
        runs.append(round(time.perf_counter() - t, 2))
        if rep < args.burst_reps - 1:
            _forget_messages(engine, due_ids)
    with engine.connect() as conn:
        bell = conn.execute(select(func.count()).select_from(Notification)).scalar()
        mails = conn.execute(select(func.count()).select_from(OutboxMessage)).scalar()
    out["burst_queue"] = {"due": len(due_ids), "handled": handled, "seconds": runs, "p50_s": pct(runs, 50),
                          "bell_rows": bell, "outbox_emails": mails, "load": _load()}
    print(f"burst: {handled:,} reminders queued in {runs} s ({bell:,} bell rows, {mails:,} e-mails)", file=sys.stderr)
    out["burst_deliver"] = _deliver(engine, smtp, mails, args.timeout)
    _report(out)
    out["runtime_s"] = round(time.perf_counter() - started, 1)
    out["loadavg_start_end"] = [load0, _load()]
    engine.dispose()
    set_engine(None)
    return out


def _report(o: dict) -> None:
    print(f"\n{o['engine']}: the runner's job follow_up_messages, {o['open']:,} open + {o['done']:,} done follow-ups")
    for key, label in (("scan_none_due", "nothing due"), ("scan_1000_due", f"{o['scan_1000_due']['due']:,} due")):
        r = o[key]
        flag = "" if key != "scan_none_due" or r["p95"] <= SCAN_MS else "  <-- over"
        print(f"  {label:<20} p50 {r['p50']:>8.1f} ms  p95 {r['p95']:>8.1f} ms  ({r['runs']} runs, load {r['load']})"
              + flag)
    for name, lines in o["plans"].items():
        print(f"  plan {name}: " + " | ".join(lines[:6]))
    q, d = o["burst_queue"], o["burst_deliver"]
    print(f"  burst: {q['handled']:,} reminders queued in {q['p50_s']} s (runs {q['seconds']}; target ≤ {QUEUE_S:g})")
    print(f"  delivered {d['received']:,} e-mails ({d['unique_message_ids']:,} Message-IDs) in {d['seconds']} s "
          f"({d['per_second']}/s; 1,000 by {d['first_1000_s']} s, 5,000 by {d['first_5000_s']} s; "
          f"target ≤ {DELIVER_S:g}); outbox {d['outbox']}; load {d['load']}")
    met = (o["scan_none_due"]["p95"] <= SCAN_MS, q["p50_s"] <= QUEUE_S, d["seconds"] <= DELIVER_S)
    print(f"  targets: scan {'met' if met[0] else 'MISSED'}, queue {'met' if met[1] else 'MISSED'}, "
          f"delivery {'met' if met[2] else 'MISSED'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--open", type=int, default=100_000, help="open follow-ups for the scan")
    ap.add_argument("--burst", type=int, default=10_000, help="follow-ups due in the same minute")
    ap.add_argument("--quick", action="store_true", help="smoke check: 5,000 open, a burst of 500")
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--burst-reps", type=int, default=3, help="times the burst is queued (the last is delivered)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the deliveries")
    add_engine_options(ap)
    args = ap.parse_args()
    if args.quick:
        args.open, args.burst, args.reps, args.burst_reps = 5000, 500, 5, 1
    runs = run_on_engines(args, lambda url: measure(url, args), name="bench_notify_reminders")
    print(f"\n{'':<44}" + "".join(f"{e:>12}" for e in runs))
    for label, get in ((f"scan, nothing due: p95 ms (≤ {SCAN_MS:g})", lambda r: r["scan_none_due"]["p95"]),
                       ("scan, 1% due: p50 ms", lambda r: r["scan_1000_due"]["p50"]),
                       (f"{args.burst:,} due: queued, s (≤ {QUEUE_S:g})", lambda r: r["burst_queue"]["p50_s"]),
                       (f"{args.burst:,} due: delivered, s (≤ {DELIVER_S:g})",
                        lambda r: r["burst_deliver"]["seconds"])):
        print(f"{label:<44}" + "".join(f"{get(r):>12}" for r in runs.values()))
    print(json.dumps({"benchmark": "notify_reminders", "runs": runs, "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}, ensure_ascii=False,
                     default=str))


if __name__ == "__main__":
    main()
