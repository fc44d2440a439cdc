"""The three measurements of the websocket load test, each against a running backend.

- ``target``: N users acting every 5-15 s for a while (the issue's first target);
- ``cpu_per_move``: N idle boards open, one user moves M cards one after another, each
  move waited for until every board shows it; the backend's CPU seconds per move, and the
  same less what the idle boards cost by themselves (their polling, measured just before);
- ``stress``: users acting every 0.5-2 s, added in steps until p95 crosses a limit.

Every phase closes its tabs when done (leaving the board first, see User.leave) and puts its
acknowledged moves in the recorder it is given, for the database check at the end.
"""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from typing import Callable

from benchmarks._load_report import summarize
from benchmarks._load_users import Recorder, User
from benchmarks._timing import pct

CONNECTS_AT_ONCE = 20
SETTLE_S = 20.0


@dataclass
class Where:
    """The backend under test and what the users need to reach it."""
    server: object  # _app_server.AppServer
    funnel_id: int
    members: list  # [(employee id, session token)], one per user, in order
    viewer_tokens: list[str]  # admin sessions for the CPU-per-move boards
    admin_id: int
    db_cpu: Callable[[], float] = lambda: 0.0  # CPU seconds of the database and Redis (0: SQLite, in-process)


def _users(where: Where, pairs, rec: Recorder, seed: int) -> list[User]:
    s = where.server
    return [User(emp, tok, s.port, s.origin, where.funnel_id, rec, random.Random(seed + k))
            for k, (emp, tok) in enumerate(pairs)]


async def connect_all(users: list[User]) -> None:
    gate = asyncio.Semaphore(CONNECTS_AT_ONCE)

    async def one(u: User) -> None:
        async with gate:
            await u.connect()
    await asyncio.gather(*(one(u) for u in users))


async def leave_all(users: list[User]) -> None:
    await asyncio.gather(*(u.leave() for u in users))


def _client_cpu(started_cpu: float, started: float) -> float:
    """This process's CPU as a share of one core since ``started``."""
    return round((time.process_time() - started_cpu) / max(1e-9, time.perf_counter() - started), 3)


async def target(where: Where, rec: Recorder, users_n: int, seconds: float, interval=(5.0, 15.0)) -> dict:
    users = _users(where, where.members[:users_n], rec, seed=1000)
    await connect_all(users)
    stop = asyncio.Event()
    cpu0, db0, client0, t0 = where.server.cpu_seconds(), where.db_cpu(), time.process_time(), time.perf_counter()
    first = len(rec.samples)
    tasks = [asyncio.create_task(u.run(stop, interval)) for u in users]
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - t0
    result = summarize(rec.samples[first:], elapsed) | {
        "users": users_n, "interval_s": list(interval), "seconds": round(elapsed, 1),
        "server_cpu_s": round(where.server.cpu_seconds() - cpu0, 1), "db_cpu_s": round(where.db_cpu() - db0, 1),
        "client_cpu_cores": _client_cpu(client0, t0),
        "connect_p95_ms": round(pct([s.ms for s in rec.samples if s.kind == "connect"] or [0], 95), 1),
        "pushes": rec.pushes}
    await leave_all(users)
    return result


async def _propagated(viewers: list[User], lead_id: int, version: int, started: float, timeout: float) -> list[float]:
    """Seconds from ``started`` until each viewer's board showed the lead at ``version`` or newer."""
    pending, times = set(range(len(viewers))), []
    done = asyncio.get_running_loop().create_future()

    def check(user: User, at: float, k: int) -> None:
        if k in pending and (card := user.card(lead_id)) and card[1] >= version:
            pending.discard(k)
            times.append(at - started)
            if not pending and not done.done():
                done.set_result(None)
    hooks = []
    for k, v in enumerate(viewers):
        hooks.append(lambda user, at, k=k: check(user, at, k))
        v.watchers.append(hooks[-1])
        check(v, time.perf_counter(), k)
    try:
        if pending:
            await asyncio.wait_for(done, timeout)
    except asyncio.TimeoutError:
        pass
    finally:
        for v, hook in zip(viewers, hooks):
            v.watchers.remove(hook)
    return times + [float("inf")] * len(pending)


async def cpu_per_move(where: Where, rec: Recorder, boards: int, moves: int, idle_s: float,
                       reach_timeout: float = 60.0) -> dict:
    """CPU of the backend per move with ``boards`` admin boards open (every viewer sees every
    card: the most a move can cost)."""
    side = Recorder()
    viewers = _users(where, [(where.admin_id, t) for t in where.viewer_tokens[:boards]], side, seed=5000)
    mover = _users(where, [(where.admin_id, where.viewer_tokens[-1])], side, seed=6000)[0]
    await connect_all(viewers + [mover])
    server = where.server

    async def idle_rate(seconds: float) -> float:
        c, t = server.cpu_seconds(), time.perf_counter()
        await asyncio.sleep(seconds)
        return (server.cpu_seconds() - c) / (time.perf_counter() - t)
    # Settle: until two one-second rates agree within 25 % (an overloaded backend is still
    # answering the boards' connects), at most SETTLE_S; then the idle boards' own cost.
    deadline, last = time.perf_counter() + SETTLE_S, await idle_rate(1.0)
    while time.perf_counter() < deadline:
        rate = await idle_rate(1.0)
        if abs(rate - last) <= 0.25 * max(rate, last, 0.02):
            break
        last = rate
    before = await idle_rate(idle_s)
    c1, d1, t1, client1 = server.cpu_seconds(), where.db_cpu(), time.perf_counter(), time.process_time()
    reach, failed = [], 0
    for _ in range(moves):
        started = time.perf_counter()
        if await mover.move_card() != "ok":
            failed += 1
            continue
        lead_id, to_stage, _actor = side.acked_moves[-1]
        _slot, version = mover.card(lead_id) or (0, 0)
        reach += await _propagated(viewers, lead_id, version, started, timeout=reach_timeout)
    window, cpu, db = time.perf_counter() - t1, server.cpu_seconds() - c1, where.db_cpu() - d1
    client = _client_cpu(client1, t1)
    after = await idle_rate(idle_s)  # shown beside: above "before" when the moves left a backlog
    rec.acked_moves += side.acked_moves
    made = max(1, moves - failed)
    shown = [r for r in reach if r != float("inf")]
    result = {"boards": boards, "moves": moves, "failed_moves": failed, "window_s": round(window, 1),
              "idle_cpu_per_s": round(before, 3), "idle_after_cpu_per_s": round(after, 3),
              "cpu_per_move_s": round(cpu / made, 3), "net_cpu_per_move_s": round((cpu - before * window) / made, 3),
              "db_cpu_per_move_s": round(db / made, 3),
              "reach_p50_ms": round(pct(shown, 50) * 1000) if shown else None,
              "reach_p95_ms": round(pct(shown, 95) * 1000) if shown else None,
              "not_reached": len(reach) - len(shown), "client_cpu_cores": client}
    await leave_all(viewers + [mover])
    await asyncio.sleep(2)  # the left boards' watches notice and end
    return result


async def stress(where: Where, rec: Recorder, steps: list[int], step_s: float, limit_ms: float = 500.0,
                 interval=(0.5, 2.0), warm_s: float = 2.0) -> dict:
    """Add users step by step until the p95 of a step's actions crosses ``limit_ms``."""
    stop, users, tasks, rows = asyncio.Event(), [], [], []
    crossed = None
    try:
        for n in steps:
            fresh = _users(where, [where.members[k % len(where.members)] for k in range(len(users), n)], rec,
                           seed=9000 + len(users))
            await connect_all(fresh)
            users += fresh
            tasks += [asyncio.create_task(u.run(stop, interval)) for u in fresh]
            t0, cpu0, client0 = time.perf_counter(), where.server.cpu_seconds(), time.process_time()
            await asyncio.sleep(step_s)
            t1 = time.perf_counter()
            window = [s for s in rec.samples if t0 + warm_s <= s.done_at <= t1 and s.kind != "connect"]
            figures = summarize(window, t1 - t0 - warm_s)["overall"]
            rows.append({"users": n, **figures, "server_cpu_cores": round((where.server.cpu_seconds() - cpu0)
                                                                         / (t1 - t0), 2),
                         "client_cpu_cores": _client_cpu(client0, t0)})
            print(f"    stress {n:>4} users: {figures.get('actions', 0):>5} actions, p95 "
                  f"{figures.get('p95_ms', float('nan')):>7.0f} ms, errors {figures['errors']}", flush=True)
            if figures.get("p95_ms", 0) > limit_ms or figures["errors"] > figures["actions"] / 2:
                crossed = n
                break
    finally:
        stop.set()
        await asyncio.gather(*tasks)
        await leave_all(users)
    below = [r["users"] for r in rows if r["users"] != crossed]
    return {"limit_ms": limit_ms, "interval_s": list(interval), "step_s": step_s, "steps": rows,
            "crossed_at_users": crossed, "last_below_users": below[-1] if below else None}
