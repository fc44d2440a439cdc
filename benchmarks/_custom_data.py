"""Custom field values in bulk, for benchmarks.

    insert_custom_values(engine, seed=7) -> seconds

Adds ten lead custom fields through the real domain (customfields.add_field: three single
selects, a multi select, a number, an amount, a date, a date & time, a text, a yes/no) unless
they exist, then writes every lead's values straight into lead_custom_value in batches
(_engines.bulk_insert), the way write_values stores them: one row per value, one row per chosen
option of the multi select (1–2), option_id 0 for the rest. Every lead gets all ten fields,
about 11.5 rows a lead. Leads that already have values are skipped.
"""
from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from benchmarks._engines import bulk_insert
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.common import NotFound
from hoffice_app.domain.org import find_by_code
from hoffice_app.models import Lead, LeadCustomValue

BATCH = 5000
INDUSTRIES = ["Retail", "Wholesale", "Manufacturing", "Healthcare", "Education", "Hospitality", "Logistics", "IT"]
FIELDS = [("Industry", "select", INDUSTRIES), ("Region", "select", ["North", "South", "East", "West", "Central"]),
          ("Tier", "select", ["Gold", "Silver", "Bronze"]),
          ("Interests", "multi_select", ["Solar", "Wind", "Storage", "Audit", "AMC", "Training"]),
          ("Seats", "number", []), ("Budget", "amount", []), ("Renewal", "date", []), ("Site visit", "datetime", []),
          ("PO number", "text", []), ("Signed", "yes_no", [])]
EMPTY = {"option_id": 0, "text_value": None, "number_value": None, "date_value": None, "moment_value": None,
         "bool_value": None, "ref_id": None}


def ensure_fields() -> dict[str, tuple[int, str, list[int]]]:
    """label → (field id, kind, option ids), adding the fields that are missing."""
    out = {}
    with unit_of_work() as s:
        admin = actor_of(find_by_code(s, "E01"))
        for label, kind, options in FIELDS:
            try:
                row = cf.find_field(s, "lead", label)
            except NotFound:
                row = cf.add_field(s, admin, "lead", cf.FieldSpec(label=label, kind=kind, options=options),
                                   now=utcnow())
            out[label] = (row.id, row.kind, [o.id for o in cf.options_of(s, [row.id])[row.id]])
    return out


def _rows(rng: random.Random, lead_id: int, fields: dict) -> list[dict]:
    rows = []
    for field_id, kind, options in fields.values():
        base = EMPTY | {"field_id": field_id, "lead_id": lead_id}
        if kind == "select":
            rows.append(base | {"option_id": rng.choice(options)})
        elif kind == "multi_select":
            rows += [base | {"option_id": o} for o in rng.sample(options, rng.choice((1, 1, 2)))]
        elif kind == "number":
            rows.append(base | {"number_value": Decimal(rng.randint(1, 500))})
        elif kind == "amount":
            rows.append(base | {"number_value": Decimal(rng.randint(10, 5000) * 1000)})
        elif kind == "date":
            rows.append(base | {"date_value": date(2026, 1, 1) + timedelta(days=rng.randint(0, 730))})
        elif kind == "datetime":
            rows.append(base | {"moment_value": datetime(2026, 1, 1, tzinfo=timezone.utc)
                                + timedelta(minutes=rng.randint(0, 525_600))})
        elif kind == "text":
            rows.append(base | {"text_value": f"PO-{rng.randint(10000, 99999)}"})
        else:
            rows.append(base | {"bool_value": rng.random() < 0.4})
    return rows


def insert_custom_values(engine: Engine, seed: int = 7) -> float:
    fields = ensure_fields()
    rng = random.Random(seed)
    started = time.perf_counter()
    with engine.begin() as conn:
        done = set(conn.execute(select(LeadCustomValue.lead_id).distinct()).scalars())
        ids = [i for i in conn.execute(select(Lead.id).order_by(Lead.id)).scalars() if i not in done]
        for lo in range(0, len(ids), BATCH):
            rows = [r for lead_id in ids[lo:lo + BATCH] for r in _rows(rng, lead_id, fields)]
            bulk_insert(conn, LeadCustomValue.__table__, rows)
        conn.execute(select(func.count()).select_from(LeadCustomValue))
    return time.perf_counter() - started
