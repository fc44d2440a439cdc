"""Two people hammering the same leads: no saved change may be lost, every refusal is reported.

    .venv/bin/python benchmarks/stress_edits.py [--ops 1000] [--leads 50] [--threads 2]

Each thread acts as one employee (an administrator and a manager) on the same leads, as
the edit form and the board do: it reads a lead (the form's values and version, or the
card's version) in one transaction, waits a moment, then saves in another — an edit that
appends a token of its own to the description, or a move to another stage. Afterwards:

* every token whose save was reported as done is in its lead's description (0 lost updates);
* every save that did not land was refused with a message (EditConflict / MovedMeanwhile);
* every reported move is in the stage log, and each lead sits in the stage of its last move.

``hammer`` is also run (smaller) by tests/domain/leads/test_interleaved_edits_lose_nothing.py.
Prints one JSON line.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import select  # noqa: E402

from hoffice_app.db import unit_of_work  # noqa: E402
from hoffice_app.domain.common import DomainError, versions  # noqa: E402
from hoffice_app.domain.funnel import MovedMeanwhile, move_lead  # noqa: E402
from hoffice_app.domain.leads import form_values, save_from_form  # noqa: E402
from hoffice_app.models import FunnelStage, Lead, StageChange  # noqa: E402

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@dataclass
class Tally:
    edits: int = 0
    merged: int = 0
    edits_refused: int = 0
    moves: int = 0
    moves_refused: int = 0
    silent_refusals: int = 0  # refused without a message: must stay 0
    errors: list[str] = field(default_factory=list)  # anything else: must stay empty
    saved: list[tuple[str, str]] = field(default_factory=list)  # (lead code, token) reported as saved
    moved: int = 0


def _edit(actor, code: str, token: str, tally: Tally, pause: float) -> None:
    with unit_of_work() as s:
        read = form_values(s, actor, code)
    time.sleep(pause)
    typed = {k: v for k, v in read.items() if k != "version"}
    typed["description"] = f"{read['description']} {token}".strip()
    try:
        with unit_of_work() as s:
            saved = save_from_form(s, actor, typed, now=NOW, code=code, read=read, version=read["version"])
    except versions.EditConflict as err:
        tally.edits_refused += 1
        tally.silent_refusals += not err.message
        return
    tally.edits += 1
    tally.merged += bool(saved.note)
    tally.saved.append((code, token))


def _move(actor, code: str, tally: Tally, pause: float, rng: random.Random) -> None:
    with unit_of_work() as s:
        lead = s.exec(select(Lead).where(Lead.code == code)).one()
        stages = [st.id for st in s.exec(select(FunnelStage).where(
            FunnelStage.funnel_id == lead.funnel_id, FunnelStage.kind == "open", FunnelStage.active))
            if st.id != lead.stage_id]
        lead_id, version = lead.id, lead.version
    time.sleep(pause)
    try:
        with unit_of_work() as s:
            move_lead(s, actor, lead_id, rng.choice(stages), expected_version=version, now=NOW)
    except (MovedMeanwhile, versions.EditConflict) as err:
        tally.moves_refused += 1
        tally.silent_refusals += not err.message
        return
    tally.moves += 1


def _worker(actor, codes: list[str], ops: int, seed: int, tally: Tally, start: threading.Barrier) -> None:
    rng = random.Random(seed)
    start.wait()
    for i in range(ops):
        code, pause = rng.choice(codes), rng.random() * 0.02  # a person between reading and saving
        try:
            if rng.random() < 0.7:
                _edit(actor, code, f"t{seed}.{i}", tally, pause)
            else:
                _move(actor, code, tally, pause, rng)
        except DomainError as err:
            tally.errors.append(f"{type(err).__name__}: {err.message}")
        except Exception as err:  # noqa: BLE001 — counted and shown: a database error is a failure too
            tally.errors.append(f"{type(err).__name__}: {err}")


def hammer(actors: list, codes: list[str], ops: int) -> dict:
    """Run one thread per actor, ``ops`` actions each, on the leads ``codes``; check the outcome."""
    with unit_of_work() as s:
        first_change = (s.exec(select(StageChange.id).order_by(StageChange.id.desc())).first() or 0) + 1
    tallies = [Tally() for _ in actors]
    start = threading.Barrier(len(actors))
    threads = [threading.Thread(target=_worker, args=(a, codes, ops, n + 1, t, start))
               for n, (a, t) in enumerate(zip(actors, tallies))]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - began
    with unit_of_work() as s:
        leads = {lead.code: lead for lead in s.exec(select(Lead).where(Lead.code.in_(codes)))}
        changes = s.exec(select(StageChange).where(StageChange.id >= first_change).order_by(StageChange.id)).all()
    lost = [(c, tok) for t in tallies for c, tok in t.saved if tok not in leads[c].description.split()]
    last_stage = {ch.lead_id: ch.to_stage_id for ch in changes}
    misplaced = [lead.code for lead in leads.values() if lead.id in last_stage and lead.stage_id != last_stage[lead.id]]
    total = lambda name: sum(getattr(t, name) for t in tallies)  # noqa: E731
    return {"threads": len(actors), "ops_per_thread": ops, "leads": len(codes), "seconds": round(seconds, 1),
            "actions_per_s": round(len(actors) * ops / seconds, 1), "edits_saved": total("edits"),
            "edits_merged": total("merged"), "edits_refused": total("edits_refused"), "moves": total("moves"),
            "moves_refused": total("moves_refused"), "moves_logged": len(changes),
            "silent_refusals": total("silent_refusals"), "errors": [e for t in tallies for e in t.errors][:5],
            "error_count": sum(len(t.errors) for t in tallies), "lost_updates": len(lost),
            "misplaced_leads": len(misplaced)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ops", type=int, default=1000)
    ap.add_argument("--leads", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    from benchmarks._stress_data import build_stress_db  # the demo seed and N leads, in a fresh SQLite file

    with tempfile.TemporaryDirectory() as tmp:
        actors, codes = build_stress_db(Path(tmp) / "stress.db", args.leads)
        result = hammer(actors[: args.threads], codes, args.ops)
    print(json.dumps({**result, "machine": f"{platform.machine()} {platform.python_version()}"}))


if __name__ == "__main__":
    main()
