"""A team, leads, follow-ups and notifications in bulk, for the notification benchmarks.

    engine = build(url, employees=200, leads=2000)   # migrated, seeded, the team and its leads
    insert_follow_ups(engine, rows)                  # rows from follow_up(...)
    insert_notifications(engine, 1_000_000, ids)     # the bell's history

Written straight to the tables (_engines.bulk_insert: COPY on PostgreSQL, executemany on
SQLite). The team: the demo's five employees plus managers and executives up to
``employees`` (every one with an e-mail address and an Indian mobile, all divisions, each
executive reporting to a manager), so a reminder writes a bell row and an e-mail. Contacts
and leads come from the other benchmarks' generators (_contacts_data, _leads_data); the
follow-ups those write are removed (with the leads' next_followup_at), so a benchmark owns
every follow-up there is, and the leads are spread over the executives round robin.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Engine

from benchmarks._contacts_data import insert_contacts
from benchmarks._engines import after_bulk_load, bulk_insert
from benchmarks._leads_data import insert_leads
from hoffice_app.db import make_engine, set_engine, unit_of_work, utcnow
from hoffice_app.domain.seed import seed_demo
from hoffice_app.migrations import upgrade
from hoffice_app.models import Employee, EmployeeDivision, FollowUp, Lead, MasterEntry, Notification

CONTACTS = 1000
BATCH = 20_000
TABLES = ("employee", "contact", "lead", "follow_up", "notification", "lead_event", "lead_follower")


def build(url: str, *, employees: int, leads: int) -> Engine:
    """The database at ``url`` migrated and seeded, with the team and ``leads`` leads."""
    engine = make_engine(url)
    set_engine(engine)
    upgrade()
    with unit_of_work() as s:
        seed_demo(s, password="bench-pass-1", now=utcnow())
    _add_employees(engine, employees)
    insert_contacts(engine, CONTACTS)
    insert_leads(engine, leads)
    executives = team(engine)["executive"]
    with engine.begin() as conn:
        conn.execute(delete(FollowUp.__table__))
        ids = conn.execute(select(Lead.id).order_by(Lead.id)).scalars().all()
        conn.execute(update(Lead.__table__).where(Lead.id == bindparam("b_id")).values(
            assigned_to_id=bindparam("b_exec"), next_followup_at=None),
            [{"b_id": i, "b_exec": executives[k % len(executives)]} for k, i in enumerate(ids)])
    after_bulk_load(engine, *TABLES)
    return engine


def _add_employees(engine: Engine, total: int) -> None:
    """Managers (1 in 10) and executives up to ``total`` employees, written straight to the table."""
    now = utcnow()
    with engine.begin() as conn:
        have = conn.execute(select(func.count()).select_from(Employee)).scalar()
        divisions = conn.execute(select(MasterEntry.id).where(MasterEntry.kind == "division")).scalars().all()
        managers = list(conn.execute(select(Employee.id).where(Employee.role == "manager")).scalars())
        for number in range(have + 1, total + 1):
            role = "manager" if number % 10 == 0 else "executive"
            boss = None if role == "manager" else managers[number % len(managers)]
            id_ = conn.execute(insert(Employee.__table__).values(
                code=f"E{number:03d}", name=f"Bench {role.title()} {number}", email=f"bench.{number}@example.com",
                mobile=f"+9198260{number:05d}", role=role, reports_to_id=boss, active=True, password_hash="",
                created_at=now, updated_at=now, version=1).returning(Employee.id)).scalar_one()
            conn.execute(insert(EmployeeDivision.__table__), [{"employee_id": id_, "division_id": d}
                                                               for d in divisions])
            if role == "manager":
                managers.append(id_)


def team(engine: Engine) -> dict[str, list[int]]:
    """Employee ids by role."""
    with engine.connect() as conn:
        rows = conn.execute(select(Employee.id, Employee.role).order_by(Employee.id)).all()
    return {role: [i for i, r in rows if r == role] for role in ("admin", "manager", "executive")}


def lead_owners(engine: Engine) -> list[tuple[int, int]]:
    """(lead id, assignee id) of every lead, in id order."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(Lead.id, Lead.assigned_to_id).order_by(Lead.id))]


def follow_up(lead_id: int, assignee: int, due: datetime, *, remind_minutes: int | None = 30,
              status: str = "planned", told: datetime | None = None) -> dict:
    """A follow-up row; ``told``: when its reminder and overdue messages (all of them) went."""
    remind_at = due - timedelta(minutes=remind_minutes) if remind_minutes is not None else None
    done = status == "done"
    return dict(lead_id=lead_id, kind="call", due_at=due, assignee_id=assignee, notes="", status=status,
                outcome="Spoke to them" if done else "", completed_at=due if done else None,
                completed_by_id=assignee if done else None, created_by_id=assignee,
                created_at=due - timedelta(days=3), remind_minutes=remind_minutes, remind_at=remind_at,
                reminded_at=told if remind_at is not None else None, overdue_notified_at=told, escalated_at=told)


def insert_follow_ups(engine: Engine, rows: list[dict]) -> None:
    with engine.begin() as conn:
        for lo in range(0, len(rows), BATCH):
            bulk_insert(conn, FollowUp.__table__, rows[lo:lo + BATCH])
    after_bulk_load(engine, "follow_up")


def insert_notifications(engine: Engine, n: int, recipients: list[int], leads: list[int], *, now: datetime,
                         unread_each: tuple[int, int] = (0, 12), seed: int = 5) -> dict[int, int]:
    """``n`` bell rows spread evenly over ``recipients`` over the year before ``now``, oldest first;
    each recipient's newest few (``unread_each``) unread, the rest read. Returns unread per recipient."""
    r = random.Random(seed)
    unread = {e: r.randint(*unread_each) for e in recipients}
    per = {e: n // len(recipients) + (k < n % len(recipients)) for k, e in enumerate(recipients)}
    left = dict(per)
    step = timedelta(days=365) / n
    events = ["lead_assigned", "lead_stage", "followup_reminder", "followup_overdue", "lead_won"]
    with engine.begin() as conn:
        rows: list[dict] = []
        for k in range(n):
            e = recipients[k % len(recipients)]
            left[e] -= 1
            created = now - (n - k) * step
            lead = r.choice(leads)
            rows.append(dict(id=k + 1, recipient_id=e, event=r.choice(events), lead_id=lead,
                             title=f"Follow-up due {created:%d %b %Y, %H:%M}: L{lead:06d}",
                             body=f"Reminder: Call for L{lead:06d} is due. Please call back.",
                             link=f"/leads/L{lead:06d}", created_at=created,
                             read_at=None if left[e] < unread[e] else created + timedelta(hours=2)))
            if len(rows) == BATCH:
                bulk_insert(conn, Notification.__table__, rows)
                rows = []
        bulk_insert(conn, Notification.__table__, rows)
    after_bulk_load(engine, "notification")
    return unread
