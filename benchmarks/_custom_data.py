"""Custom field values in bulk, for benchmarks.

    leads_with_values(engine, contacts=N, leads=M, form=False) -> seconds  # all of it, topped up
    insert_custom_values(engine, seed=7) -> seconds
    ensure_fields(form=True)               # the lead form's twenty fields, before the values
    fill_every_field(lead_code)            # one lead gets the other ten values too

Adds ten lead custom fields through the real domain (customfields.add_field: three single
selects, a multi select, a number, an amount, a date, a date & time, a text, a yes/no) unless
they exist, then writes every lead's values straight into lead_custom_value in batches
(_engines.bulk_insert), the way write_values stores them: one row per value, one row per chosen
option of the multi select (1–2), option_id 0 for the rest. Every lead gets all ten fields,
about 11.5 rows a lead. Leads that already have values are skipped.

The lead form's benchmark asks for twenty fields covering all fourteen types: ``form=True`` adds
ten more (long text, e-mail, phone, URL, employee, contact, a select of ten options, another
multi select, amount and text) and places all twenty over the form's sections, three of them
required (``LAYOUT``; "Lead channel", added last, is the last field of the form). Only the first
ten get bulk values, so every lead has ten; ``fill_every_field`` gives one lead the other ten
through the real write_values, as its form's Save would.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from benchmarks._engines import after_bulk_load, bulk_insert
from benchmarks._leads_data import top_up
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.common import NotFound
from hoffice_app.domain.org import find_by_code
from hoffice_app.models import Contact, Lead, LeadCustomValue

BATCH = 5000
INDUSTRIES = ["Retail", "Wholesale", "Manufacturing", "Healthcare", "Education", "Hospitality", "Logistics", "IT"]
FIELDS = [("Industry", "select", INDUSTRIES), ("Region", "select", ["North", "South", "East", "West", "Central"]),
          ("Tier", "select", ["Gold", "Silver", "Bronze"]),
          ("Interests", "multi_select", ["Solar", "Wind", "Storage", "Audit", "AMC", "Training"]),
          ("Seats", "number", []), ("Budget", "amount", []), ("Renewal", "date", []), ("Site visit", "datetime", []),
          ("PO number", "text", []), ("Signed", "yes_no", [])]
CHANNELS = ["Website", "Walk-in", "Referral", "Trade fair", "Cold call", "E-mail campaign", "Partner",
            "Social media", "Tender portal", "Existing customer"]
FORM_FIELDS = [("Requirement notes", "long_text", []), ("Buyer e-mail", "email", []), ("Buyer phone", "phone", []),
               ("Tender link", "url", []), ("Account manager", "employee", []), ("Consultant", "contact", []),
               ("Certifications", "multi_select", ["ISO 9001", "ISO 14001", "ISO 27001", "BIS", "CE"]),
               ("Annual turnover", "amount", []), ("GST number", "text", []), ("Lead channel", "select", CHANNELS)]
# label → (section, required) on the form; "" is "More details", at the form's end
LAYOUT = {"Industry": ("Lead information", True), "Region": ("Lead information", False),
          "Tier": ("Lead information", False), "Buyer e-mail": ("Lead information", False),
          "Buyer phone": ("Lead information", False), "Seats": ("Additional information", True),
          "Budget": ("Additional information", False), "Renewal": ("Additional information", True),
          "Site visit": ("Additional information", False), "Account manager": ("Additional information", False),
          "Consultant": ("Additional information", False), "Annual turnover": ("Additional information", False),
          "Requirement notes": ("Description", False), "Tender link": ("Description", False)}
# the ten values fill_every_field writes ("{contact}": a public contact's code)
FULL_VALUES = {"Requirement notes": "Two showrooms and a warehouse; billing, stock and service in one system.\n"
                                    "Go-live before the financial year ends.",
               "Buyer e-mail": "purchase@example.com", "Buyer phone": "+91 98200 12345",
               "Tender link": "https://example.com/tenders/2026/417", "Account manager": "E03",
               "Consultant": "{contact}", "Certifications": ["ISO 9001", "BIS"], "Annual turnover": "45000000",
               "GST number": "27AAPFU0939F1ZV", "Lead channel": "Tender portal"}
EMPTY = {"option_id": 0, "text_value": None, "number_value": None, "date_value": None, "moment_value": None,
         "bool_value": None, "ref_id": None}


def ensure_fields(*, form: bool = False) -> dict[str, tuple[int, str, list[int]]]:
    """label → (field id, kind, option ids), adding the fields that are missing: the ten that
    get bulk values, or with ``form`` all twenty, placed and required as ``LAYOUT`` says."""
    out = {}
    with unit_of_work() as s:
        admin = actor_of(find_by_code(s, "E01"))
        for label, kind, options in FIELDS + (FORM_FIELDS if form else []):
            section, required = LAYOUT.get(label, ("", False)) if form else ("", False)
            try:
                row = cf.find_field(s, "lead", label)
            except NotFound:
                row = cf.add_field(s, admin, "lead", cf.FieldSpec(label=label, kind=kind, options=options,
                                                                  section=section, required=required), now=utcnow())
            out[label] = (row.id, row.kind, [o.id for o in cf.options_of(s, [row.id])[row.id]])
    return out


def fill_every_field(lead_code: str) -> dict[str, str | list[str]]:
    """Give the lead values for the ten form-only fields too (through write_values, as the
    lead's Save does; its ten bulk values stay). Returns form key → value as the form holds it."""
    with unit_of_work() as s:
        admin = actor_of(find_by_code(s, "E01"))
        lead_id = s.exec(select(Lead.id).where(Lead.code == lead_code)).scalar_one()
        contact = s.exec(select(Contact.code).where(Contact.is_private == False)  # noqa: E712
                         .order_by(Contact.id)).scalars().first()
        data = {cf.form_key(cf.find_field(s, "lead", label)): value.replace("{contact}", contact)
                if isinstance(value, str) else value for label, value in FULL_VALUES.items()}
        cf.write_values(s, admin, "lead", lead_id, data, creating=False)
        return cf.form_data(s, admin, "lead", lead_id)


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


def leads_with_values(engine: Engine, *, contacts: int, leads: int, form: bool = False) -> float:
    """Top the database up to ``contacts`` contacts and ``leads`` leads, add the fields (the
    form's twenty with ``form``) and every lead's values, then refresh the planner's statistics.
    Returns the seconds the values took to write."""
    top_up(engine, contacts=contacts, leads=leads)
    ensure_fields(form=form)
    print("inserting custom values …", file=sys.stderr)
    seconds = insert_custom_values(engine)
    after_bulk_load(engine, "contact", "lead")
    return seconds
