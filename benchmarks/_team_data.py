"""A sales team for the websocket load test: employees in every role, their leads on the
board, and a logged-in session per simulated user.

    team = build_team(url, users=200, leads=20_000)   # after `db upgrade` and `seed demo`
    tokens = open_sessions(url, [e.id for e in team.members])

Roles as a team of that size has them: 2 % administrators (they see every lead), 8 %
managers (each sees their executives' leads) and the rest executives, each with about the
same number of leads (assigned to and created by them), so every simulated user has cards on
the board to move. Employees are written straight to the tables with ONE shared argon2 hash
(hashing 200 passwords would cost a minute and measures nothing here); sessions are opened
through the domain layer's own ticket → session exchange, so no password is checked per user.
Contacts and leads come from the generators of the other benchmarks (_contacts_data,
_leads_data), spread over the open stages as the board benchmark does (_board_data).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, insert, select, text, update

from benchmarks._board_data import spread_over_open_stages
from benchmarks._leads_data import top_up
from hoffice_app.db import make_engine, set_engine, unit_of_work, utcnow
from hoffice_app.domain.auth import hash_password, start_session, tickets
from hoffice_app.domain.funnel import default_stage, stages
from hoffice_app.models import Employee, EmployeeDivision, Lead, MasterEntry

CONTACTS = 3000
TEAM_PASSWORD = "load-test-pass-1"


@dataclass(frozen=True)
class Member:
    id: int
    code: str
    role: str


@dataclass(frozen=True)
class Team:
    members: list[Member]  # one per simulated user, roles mixed as described above
    admin: Member  # E01: the viewer and mover of the CPU-per-move measurement
    funnel_id: int
    open_stage_ids: list[int]
    open_leads: int


def _roles(users: int) -> list[str]:
    admins = max(1, round(users * 0.02))
    managers = max(1, round(users * 0.08))
    return ["admin"] * admins + ["manager"] * managers + ["executive"] * (users - admins - managers)


def build_team(url: str, *, users: int, leads: int) -> Team:
    engine = make_engine(url)
    set_engine(engine)
    with engine.begin() as conn:
        existing = {code: (id_, role) for id_, code, role in conn.execute(
            select(Employee.id, Employee.code, Employee.role).order_by(Employee.id))}
        divisions = conn.execute(select(MasterEntry.id).where(MasterEntry.kind == "division")).scalars().all()
        want = _roles(users)
        have = {role: [c for c, (_, r) in existing.items() if r == role] for role in ("admin", "manager", "executive")}
        shared_hash = hash_password(TEAM_PASSWORD)
        now = utcnow()
        managers = [existing[c][0] for c in have["manager"]]
        number = len(existing)
        for role in ("admin", "manager", "executive"):
            for k in range(want.count(role) - len(have[role])):
                number += 1
                code = f"E{number:02d}"
                boss = managers[k % len(managers)] if role == "executive" and managers else None
                id_ = conn.execute(insert(Employee.__table__).values(
                    code=code, name=f"Load {role.title()} {number}", email=f"load.{number}@example.com", mobile="",
                    role=role, reports_to_id=boss, active=True, password_hash=shared_hash, created_at=now,
                    updated_at=now, version=1).returning(Employee.id)).scalar_one()
                conn.execute(insert(EmployeeDivision.__table__),
                             [{"employee_id": id_, "division_id": d} for d in divisions])
                existing[code] = (id_, role)
                if role == "manager":
                    managers.append(id_)
    by_role = {role: [Member(id_, code, r) for code, (id_, r) in existing.items() if r == role]
               for role in ("admin", "manager", "executive")}
    members = [m for role in ("admin", "manager", "executive") for m in by_role[role][:want.count(role)]]

    top_up(engine, contacts=CONTACTS, leads=leads)
    if engine.dialect.name == "postgresql":
        _move_sequences_past_bulk_ids(engine)
    executives = [m.id for m in by_role["executive"]]
    with engine.begin() as conn:  # every lead belongs to one executive, round robin
        ids = conn.execute(select(Lead.id).order_by(Lead.id)).scalars().all()
        conn.execute(update(Lead).where(Lead.id == bindparam("b_id")).values(
            assigned_to_id=bindparam("b_exec"), created_by_id=bindparam("b_exec")),
            [{"b_id": i, "b_exec": executives[k % len(executives)]} for k, i in enumerate(ids)])
    with unit_of_work() as s:
        first = default_stage(s)
        open_stages = [st.id for st in stages(s, first.funnel_id) if st.kind == "open"]
    spread_over_open_stages(engine, first.funnel_id, open_stages, Lead.id > 0)
    admin = next(m for m in by_role["admin"] if m.code == "E01")
    engine.dispose()
    return Team(members=members, admin=admin, funnel_id=first.funnel_id, open_stage_ids=open_stages,
                open_leads=len(ids))


def _move_sequences_past_bulk_ids(engine) -> None:
    """The generators write ids themselves; PostgreSQL's sequences must learn of them."""
    with engine.begin() as conn:
        for table in ("contact", "lead"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT coalesce(max(id), 1) FROM \"{table}\"))"))


def open_sessions(url: str, employee_ids: list[int]) -> list[str]:
    """A session token per entry (the same employee may appear again: another browser)."""
    engine = make_engine(url)
    set_engine(engine)
    tokens = []
    with unit_of_work() as s:
        now = utcnow()
        for employee_id in employee_ids:
            tokens.append(start_session(s, tickets.issue(s, employee_id, now=now), now=now).token)
    engine.dispose()
    return tokens
