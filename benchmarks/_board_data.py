"""A big board for benchmarks: every lead open, in one funnel, spread over its
open stages (most in the early ones, as in a real funnel).

    build_board_db(path_or_url, n) -> None   # migrations, demo seed, contacts, leads on stages

Works on SQLite and PostgreSQL (the leads are written on their stages, in bulk:
benchmarks/_engines.bulk_insert). The database is reused when it already holds
``n`` leads (building 100,000 takes about a minute)."""
from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import bindparam, update
from sqlmodel import func, select

from benchmarks._contacts_data import insert_contacts
from benchmarks._engines import after_bulk_load
from benchmarks._leads_data import NOW, insert_leads
from hoffice_app.db import make_engine, set_engine, unit_of_work, utcnow
from hoffice_app.domain.funnel import moves as pipeline
from hoffice_app.domain.seed import seed_demo
from hoffice_app.migrations import upgrade
from hoffice_app.models import Contact, Lead

CONTACTS = 5000
PASSWORD = "bench-pass-1"  # every employee's, in both board benchmarks
SHARES = (40, 25, 15, 12, 8)  # percent of the leads in each open stage, left to right


def build_board_db(where: Path | str, n: int, *, password: str = PASSWORD) -> None:
    """``where``: a SQLite file's path, or a database URL."""
    engine = make_engine(f"sqlite:///{where}" if isinstance(where, Path) else where)
    set_engine(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password=password, now=utcnow(), with_contacts=False)
        contacts = s.exec(select(func.count()).select_from(Contact)).one()
        leads = s.exec(select(func.count()).select_from(Lead)).one()
        open_stages = [st.id for st in pipeline.stages(s, pipeline.default_stage(s).funnel_id) if st.kind == "open"]
        funnel_id = pipeline.default_stage(s).funnel_id
    # stage by id modulo 100, following SHARES; entered the stage 1-90 days before NOW
    stage_of = [stage_id for stage_id, share in zip(open_stages, SHARES) for _ in range(share)]

    def on_stage(row: dict) -> None:
        i = row["id"]
        row.update(is_open=True, closed_at=None, funnel_id=funnel_id, version=1, stage_id=stage_of[i % 100],
                   stage_entered_at=NOW - timedelta(days=1 + i % 90))

    if contacts < CONTACTS:
        insert_contacts(engine, CONTACTS - contacts)
    if leads < n:
        print(f"inserting {n - leads:,} leads …", file=sys.stderr)
        insert_leads(engine, n - leads, adjust=on_stage)
    spread_over_open_stages(engine, funnel_id, open_stages, Lead.stage_id.is_(None))  # leads without a stage, if any
    if contacts < CONTACTS or leads < n:
        after_bulk_load(engine, "contact", "lead")
    engine.dispose()


def spread_over_open_stages(engine, funnel_id: int, open_stages: list[int], which) -> None:
    """Put the leads matching ``which`` open in the funnel, by id modulo 100 following SHARES,
    each having entered its stage 1-90 days before NOW (shared with the websocket load test)."""
    stage_of = [stage_id for stage_id, share in zip(open_stages, SHARES) for _ in range(share)]
    with engine.begin() as conn:
        ids = conn.execute(select(Lead.id).where(which)).scalars().all()
        rows = [{"b_id": i, "b_stage": stage_of[i % 100], "b_entered": NOW - timedelta(days=1 + i % 90)} for i in ids]
        if rows:
            conn.execute(update(Lead).where(Lead.id == bindparam("b_id")).values(
                is_open=True, closed_at=None, lost_reason_id=None, funnel_id=funnel_id, version=1,
                stage_id=bindparam("b_stage"), stage_entered_at=bindparam("b_entered")), rows)
