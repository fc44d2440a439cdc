"""Websocket load test (target: 200 users, p95 ≤ 150 ms): simulated users over Reflex's own websocket protocol
against (a) SQLite + 1 backend worker and (b) PostgreSQL + Redis + 4 workers, in one run.

    .venv/bin/python benchmarks/load_ws.py --quick     # both setups, short phases
    .venv/bin/python benchmarks/load_ws.py             # the figures for BENCHMARKS.md
    options: --setups sqlite,postgres  --users 200  --leads 20000  --seconds S  --boards 10,50,200

How long: bounded by the phases' lengths plus the waits for unanswered actions (quick: 20 s
at most each, full: 60 s). With a board that answers in time, quick is ~4 min and full
~15 min; before the live-board rework the overloaded backend stretches them to ~10 and ~20 min.
The backends' logs are kept in $TMPDIR/load_ws/ (sqlite-backend.log, postgresql-backend.log).

Runs in the test environment (bin/test's .venv; PostgreSQL and Redis come from Debian's
packages, started by benchmarks/_servers.py exactly as bin/test starts them). Only
localhost is contacted; every phase is bounded in time and count, and the backend, its
workers, PostgreSQL and Redis are stopped at the end (their process groups killed).

Per setup: a fresh database (migrations, demo seed, then a team of --users employees —
2 % administrators, 8 % managers, the rest executives — and --leads open leads on the
board, benchmarks/_team_data.py), one session per user opened through the domain layer
(no log-in form, no argon2 per user; the HttpOnly cookie is sent on the websocket's
handshake as a browser sends it), then the backend started as bin/run starts it
(benchmarks/_app_server.py). Each simulated user is one tab (benchmarks/_ws_client.py,
benchmarks/_load_users.py) that opens on the board and then, after a pause, does one of
open the board 25 %, move a card 25 %, search contacts 20 %, open a lead 15 %, open the
lead list 15 % — waiting for each result as a person does. Phases (benchmarks/_load_phases.py):

1. target: --users users acting every 5-15 s for --seconds (quick 30 s, full 120 s);
   target: event p95 <= 150 ms, 0 errors, 0 lost moves;
2. CPU per move: N idle administrator boards (--boards, default 10, 50, 200), one more
   administrator moves cards one at a time, each waited for until every board shows it;
   the backend's CPU seconds (all its processes, from /proc) per move, the same less what
   the idle boards burn by themselves ("net"), PostgreSQL's and Redis's CPU per move, and
   how long a move took to reach every board; target: flat in N;
3. stress: users acting every 0.5-2 s, added in steps (quick 10 s each, full 20 s) until
   a step's p95 crosses 500 ms: the user count, for 1 worker and for 4.

After all phases the stage log is compared with the acknowledged moves: lost = acknowledged
but not logged, phantom = logged but never acknowledged (a refused move — "someone moved it
meanwhile" — is a conflict, not an error). The client's own CPU is reported per phase (as a
share of one core) to show it was not the bottleneck. Prints a table per setup, then one
JSON line. Latency is event latency as the browser would see it: from the first event sent
until the update that shows the result arrived (see _load_users.py for what counts as that).
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks import _load_phases as phases  # noqa: E402
from benchmarks._app_server import AppServer, CpuTally, processes_matching  # noqa: E402
from benchmarks._load_report import check_moves, last_stage_change, print_table  # noqa: E402
from benchmarks._load_users import Recorder, User  # noqa: E402
from benchmarks._servers import new_database, services  # noqa: E402
from benchmarks._team_data import build_team, open_sessions  # noqa: E402

# Stress steps start low: before the live-board rework one worker crossed 500 ms below 5 users.
# action_timeout: an action unanswered that long is an error (and the phase's end waits that long at most).
QUICK = {"seconds": 30, "moves": 2, "idle_s": 3, "step_s": 10, "steps": [2, 5, 10, 25, 50, 100, 200],
         "action_timeout": 20.0, "reach_timeout": 20.0}
FULL = {"seconds": 120, "moves": 5, "idle_s": 5, "step_s": 20,
        "steps": [1, 2, 5, 10, 20, 40, 60, 80, 100, 150, 200, 300], "action_timeout": 60.0, "reach_timeout": 30.0}
LOGS = Path(tempfile.gettempdir()) / "load_ws"  # the backends' logs, kept after the run


async def _measure(where: phases.Where, rec: Recorder, args, plan: dict) -> dict:
    out = {}
    print(f"  target: {args.users} users for {plan['seconds']} s …", flush=True)
    out["target"] = await phases.target(where, rec, args.users, plan["seconds"])
    out["cpu_per_move"] = []
    for n in args.boards:
        print(f"  CPU per move with {n} boards open …", flush=True)
        out["cpu_per_move"].append(await phases.cpu_per_move(where, rec, n, plan["moves"], plan["idle_s"],
                                                             reach_timeout=plan["reach_timeout"]))
    print("  stress …", flush=True)
    out["stress"] = await phases.stress(where, rec, plan["steps"], plan["step_s"])
    return out


def _database_cpu(url: str, redis_url: str | None) -> CpuTally | None:
    """CPU of this database's PostgreSQL backends and of the Redis server (None on SQLite: it
    runs inside the backend's own processes)."""
    if not url.startswith("postgresql"):
        return None
    database = make_url(url).database
    redis_port = f":{make_url(redis_url).port}" if redis_url else None
    return CpuTally(lambda: processes_matching("postgres:", f" {database} ")
                    + (processes_matching("redis-server", redis_port) if redis_port else []))


def run_setup(name: str, url: str, redis_url: str | None, workers: int, args, plan: dict, tmp: Path) -> dict:
    print(f"\n== {name}: building the data …", flush=True)
    LOGS.mkdir(exist_ok=True)
    log = LOGS / f"{name.split()[0].split(',')[0].lower()}-backend.log"
    server = AppServer(url, workdir=tmp, workers=workers, redis_url=redis_url, log_path=log)
    with contextlib.ExitStack() as stack:
        stack.callback(server.stop)
        server.prepare()
        team = build_team(url, users=args.users, leads=args.leads)
        most = max(args.users, max(plan["steps"]))
        members = [team.members[k % len(team.members)] for k in range(most)]
        tokens = open_sessions(url, [m.id for m in members] + [team.admin.id] * (max(args.boards) + 1))
        where = phases.Where(server=server, funnel_id=team.funnel_id,
                             members=[(m.id, t) for m, t in zip(members, tokens)], viewer_tokens=tokens[most:],
                             admin_id=team.admin.id)
        since = last_stage_change(url)
        server.start()
        database_cpu = _database_cpu(url, redis_url)
        if database_cpu is not None:
            stack.callback(database_cpu.start_sampling().set)
            where.db_cpu = database_cpu.sample
        print(f"  backend up on port {server.port} ({server.env['GRANIAN_WORKERS']} worker(s)); "
              f"{team.open_leads:,} open leads, {len(team.members)} employees", flush=True)
        rec = Recorder()
        result = asyncio.run(_measure(where, rec, args, plan))
        server_errors = server.errors()
    result["moves"] = check_moves(url, since, rec.acked_moves)
    result |= {"workers": workers, "open_leads": team.open_leads, "server_error_lines": len(server_errors),
               "server_errors_sample": server_errors[:3]}
    t = result["target"]
    print_table(name, t["users"], tuple(t["interval_s"]), t["seconds"], t, result["moves"])
    print(f"  backend CPU {t['server_cpu_s']} s (database {t['db_cpu_s']} s) over the target phase; "
          f"client {t['client_cpu_cores']} of a core; "
          f"{t['pushes']} board refreshes pushed; connect p95 {t['connect_p95_ms']} ms")
    print(f"  {'open boards':>12}{'CPU/move s':>12}{'net CPU/move':>14}{'idle CPU/s':>12}{'DB CPU/move':>13}"
          f"{'reach p95 ms':>14}{'not reached':>13}")
    for c in result["cpu_per_move"]:
        # Below zero the backend could not even keep up with the idle boards' polling (saturated).
        net = f"{c['net_cpu_per_move_s']:.3f}" if c["net_cpu_per_move_s"] >= 0 else "saturated"
        print(f"  {c['boards']:>12}{c['cpu_per_move_s']:>12.3f}{net:>14}"
              f"{c['idle_cpu_per_s']:>12.3f}{c['db_cpu_per_move_s']:>13.3f}{str(c['reach_p95_ms']):>14}"
              f"{c['not_reached']:>13}")
    s = result["stress"]
    print(f"  stress (every {s['interval_s'][0]}-{s['interval_s'][1]} s): p95 crossed {s['limit_ms']:.0f} ms at "
          f"{s['crossed_at_users'] or 'no step'} users (last below: {s['last_below_users']})")
    if server_errors:
        print(f"  server logged {len(server_errors)} error lines (see {log}), e.g. {server_errors[0][:200]}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="short phases (~4 min in all)")
    ap.add_argument("--setups", default="sqlite,postgres")
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--leads", type=int, default=20_000)
    ap.add_argument("--seconds", type=float, help="length of the target phase")
    ap.add_argument("--boards", default="10,50,200", help="open boards for the CPU-per-move measurement")
    args = ap.parse_args()
    args.boards = [int(b) for b in args.boards.split(",") if b]
    plan = dict(QUICK if args.quick else FULL)
    User.action_timeout = plan["action_timeout"]
    if args.seconds:
        plan["seconds"] = args.seconds
    setups = [s.strip() for s in args.setups.split(",") if s.strip()]
    started, load_before = time.perf_counter(), os.getloadavg()
    results = {}
    with tempfile.TemporaryDirectory(prefix="load-ws-") as tmp:
        if "sqlite" in setups:
            results["sqlite_1_worker"] = run_setup("SQLite, 1 worker", f"sqlite:///{tmp}/load.db", None, 1, args,
                                                   plan, Path(tmp))
        if "postgres" in setups:
            with contextlib.ExitStack() as stack:
                pg, redis = stack.enter_context(services())
                url = new_database(pg, "bench_load_ws")
                results["postgres_redis_4_workers"] = run_setup("PostgreSQL + Redis, 4 workers", url, redis, 4,
                                                                args, plan, Path(tmp))
    print(json.dumps({"benchmark": "load_ws", "mode": "quick" if args.quick else "full", "results": results,
                      "seconds": round(time.perf_counter() - started), "load_before": [round(x, 2) for x in
                                                                                      load_before],
                      "load_after": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}))


if __name__ == "__main__":
    main()
