"""Realistic leads in bulk, for benchmarks.

    insert_leads(engine, n, seed=11) -> seconds
    top_up(engine, contacts=N, leads=M)   # contacts first (_contacts_data), then leads, to those counts

Writes straight to the tables in batches, in one transaction
(_engines.bulk_insert: COPY on PostgreSQL, executemany on SQLite), bypassing
save_lead's per-row checks, but keeps the invariants the app keeps: codes
L000001… with the code_counter row moved on, search_text built exactly as
leads.save_lead builds it, products of the lead's category, a "created"
timeline event per lead, assigned_at when assigned, and next_followup_at equal
to the earliest planned follow-up row. Contacts, masters and employees come
from the database (run the migrations, seed_demo and
benchmarks/_contacts_data.insert_contacts first).

Shape (per lead): ~70% open; assigned to E03/E04/E05 (85%), E02 (5%) or nobody;
created by E02..E05 (a few by E01) over three years before NOW; an estimated
value for 85%; 1–2 products; employee followers for ~10%; a planned
follow-up (so next_followup_at) for ~60%, of which about a quarter overdue.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine

from benchmarks._contacts_data import insert_contacts
from benchmarks._engines import bulk_insert
from hoffice_app.models import (
    CodeCounter,
    Contact,
    Employee,
    FollowUp,
    Lead,
    LeadEvent,
    LeadFollower,
    LeadProduct,
    MasterEntry,
)

BATCH = 5000
NOW = datetime(2026, 11, 26, 5, 0, tzinfo=timezone.utc)  # the benchmark's "now"
NEEDS = ["users", "branches", "devices", "seats", "locations", "printers", "licences"]
EXTRAS = ["", "", "", " (phase 2)", " – urgent", " for new branch", " – renewal", " – quotation sent"]
KINDS = ["call", "meeting", "email", "visit", "whatsapp"]


def _masters(conn) -> dict[str, list[tuple[int, str, int | None]]]:
    by: dict[str, list] = {}
    for id_, kind, name, parent in conn.execute(select(MasterEntry.id, MasterEntry.kind, MasterEntry.name,
                                                       MasterEntry.parent_id).order_by(MasterEntry.position)):
        by.setdefault(kind, []).append((id_, name, parent))
    return by


def search_text(code: str, title: str, contact_name: str, contact_code: str) -> str:
    """As leads.save_lead: the casefolded code, title, contact name and contact code."""
    return " ".join(p.casefold() for p in (code, title, contact_name, contact_code) if p)


class _Maker:
    def __init__(self, conn, seed: int):
        self.r = random.Random(seed)
        m = _masters(conn)
        self.titles = [name for _, name, _ in m["lead_title"]]
        self.categories = [id_ for id_, _, _ in m["product_category"]]
        self.products = {c: [id_ for id_, _, parent in m["product"] if parent == c] for c in self.categories}
        self.statuses = [id_ for id_, _, _ in m["lead_status"]]
        self.priorities = [id_ for id_, _, _ in m["lead_priority"]]
        self.types = [id_ for id_, _, _ in m["lead_type"]]
        self.campaigns = [id_ for id_, _, _ in m["campaign"]]
        other = next((id_ for id_, name, _ in m["contact_type"] if name == "Other"), None)
        emps, self.names = {}, {}
        for id_, code, name in conn.execute(select(Employee.id, Employee.code, Employee.name)):
            emps[code], self.names[id_] = id_, name
        self.admin, self.manager = emps["E01"], emps.get("E02", emps["E01"])
        self.executives = [emps[c] for c in ("E03", "E04", "E05") if c in emps] or [self.admin]
        self.staff = [self.manager, *self.executives]
        self.contacts = [tuple(row) for row in conn.execute(
            select(Contact.id, Contact.name, Contact.code, Contact.contact_type_id).where(
                Contact.is_private == False).order_by(Contact.id))]  # noqa: E712
        if not self.contacts:
            raise SystemExit("no public contacts: insert contacts first")
        self.friends = [c for c in self.contacts if c[3] == other] or self.contacts

    def lead(self, id_: int, seq: int) -> dict[str, list[dict]]:
        r = self.r
        code = f"L{seq:06d}"
        contact_id, contact_name, contact_code, _ = r.choice(self.contacts)
        title = f"{r.choice(self.titles)} – {r.randrange(2, 300)} {r.choice(NEEDS)}{r.choice(EXTRAS)}"
        created = NOW - timedelta(seconds=r.randrange(3 * 365 * 86400))
        roll = r.random()
        assignee = r.choice(self.executives) if roll < 0.85 else (self.manager if roll < 0.9 else None)
        creator = self.admin if r.random() < 0.03 else r.choice(self.staff)
        category = r.choice(self.categories)
        is_open = r.random() < 0.7 or created > NOW - timedelta(days=30)
        source = r.choices(["contact", "employee", "friend", "campaign", ""], weights=[30, 15, 5, 40, 10])[0]
        row = dict(id=id_, code=code, title=title, contact_id=contact_id, assigned_to_id=assignee,
                   created_by_id=creator, assigned_at=created + timedelta(minutes=r.randrange(0, 600)) if assignee
                   else None, product_category_id=category, status_id=r.choice(self.statuses),
                   priority_id=r.choices(self.priorities, weights=[30, 40, 20, 10][:len(self.priorities)])[0],
                   lead_type_id=r.choice(self.types),
                   estimated_value=r.randrange(4, 4000) * 2500 if r.random() < 0.85 else None,
                   source_kind=source, source_contact_id=r.choice(self.contacts)[0] if source == "contact" else
                   (r.choice(self.friends)[0] if source == "friend" else None),
                   source_employee_id=r.choice(self.staff) if source == "employee" else None,
                   source_campaign_id=r.choice(self.campaigns) if source == "campaign" else None,
                   description="", is_open=is_open, next_followup_at=None,
                   search_text=search_text(code, title, contact_name, contact_code),
                   created_at=created, updated_at=created)
        out: dict[str, list[dict]] = {"lead": [row]}
        products = self.products[category]
        out["lead_product"] = [dict(lead_id=id_, product_id=p)
                               for p in r.sample(products, min(len(products), r.choice([1, 1, 2])))]
        others = [e for e in self.staff if e != assignee]
        out["lead_follower"] = [dict(lead_id=id_, employee_id=e)
                                for e in (r.sample(others, r.choice([1, 1, 2])) if r.random() < 0.1 else [])]
        out["follow_up"] = []
        if r.random() < (0.8 if is_open else 0.15):  # ~60% of all leads
            owner = assignee or creator
            due = NOW + timedelta(minutes=r.randrange(-20 * 1440, 60 * 1440))  # ~1 in 4 overdue
            out["follow_up"].append(dict(lead_id=id_, kind=r.choice(KINDS), due_at=due, assignee_id=owner,
                                         notes="", status="planned", outcome="", created_by_id=creator,
                                         created_at=created))
            row["next_followup_at"] = due
        text = f"Created, assigned to {self.names[assignee]}" if assignee else "Created, not assigned yet"
        out["lead_event"] = [dict(lead_id=id_, at=created, actor_id=creator, kind="created", text=text)]
        return out


TABLES = {t.__tablename__: t.__table__ for t in (Lead, LeadProduct, LeadFollower, FollowUp, LeadEvent)}


def insert_leads(engine: Engine, n: int, *, seed: int = 11, progress=None, adjust=None) -> float:
    """Add ``n`` leads after any already there (codes continue). Returns seconds. ``adjust(row)``
    may change each lead's row before it is written (the board puts every lead on a stage)."""
    start = time.perf_counter()
    with engine.begin() as conn:
        maker = _Maker(conn, seed)
        first_id = (conn.execute(select(func.max(Lead.id))).scalar() or 0) + 1
        counter = conn.execute(select(CodeCounter.last_value).where(CodeCounter.name == "lead")).scalar()
        first_seq = (counter or 0) + 1
        for lo in range(0, n, BATCH):
            batch: dict[str, list[dict]] = {name: [] for name in TABLES}
            for k in range(lo, min(n, lo + BATCH)):
                made = maker.lead(first_id + k, first_seq + k)
                if adjust:
                    adjust(made["lead"][0])
                for name, rows in made.items():
                    batch[name] += rows
            for name, rows in batch.items():  # parents first: TABLES lists lead first
                bulk_insert(conn, TABLES[name], rows)
            if progress:
                progress(min(n, lo + BATCH))
        if counter is None:
            conn.execute(insert(CodeCounter.__table__), [{"name": "lead", "last_value": first_seq + n - 1}])
        else:
            conn.execute(update(CodeCounter.__table__).where(CodeCounter.name == "lead")
                         .values(last_value=first_seq + n - 1))
    return time.perf_counter() - start


def top_up(engine: Engine, *, contacts: int, leads: int) -> None:
    """Add contacts, then leads, until the database holds ``contacts`` and ``leads`` of them."""
    with engine.connect() as conn:
        have_contacts = conn.execute(select(func.count()).select_from(Contact)).scalar_one()
        have_leads = conn.execute(select(func.count()).select_from(Lead)).scalar_one()
    if have_contacts < contacts:
        insert_contacts(engine, contacts - have_contacts)
    if have_leads < leads:
        print(f"inserting {leads - have_leads:,} leads …", file=sys.stderr)
        insert_leads(engine, leads - have_leads)
