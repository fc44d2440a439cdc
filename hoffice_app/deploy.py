"""How many backend workers ``bin/run`` starts: one switch per engine.

``DATABASE_URL=postgresql+psycopg://…`` puts the data on PostgreSQL; ``REFLEX_REDIS_URL=redis://…``
lets several Granian workers serve the app, because Reflex then keeps each tab's state in
Redis, where whichever worker gets the tab's next event finds it. Without Redis every worker
keeps its own tabs' state in memory, so a second worker would answer tabs it has never seen.
On SQLite one process serves well, several do not: an import holds the only write lock for
its whole transaction, and other workers' saves would wait and fail with "database is locked".

``HOFFICE_WORKERS`` chooses the number; without it, Reflex's own rule applies (its
``GRANIAN_WORKERS`` if set, else 2 × cores + 1, at most 8 — ``reflex.utils.processes``), and
on SQLite or without Redis that is one. Asking for more than one where it cannot work stops
``bin/run`` with one line saying what to set, instead of a server that loses tabs' state or
refuses saves later.

Plain Python (no reflex, no database): ``python -m hoffice_app workers`` runs it before
anything starts, and ``bin/run`` hands the answer to Reflex as ``GRANIAN_WORKERS``.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

REFLEX_MAX_WORKERS = 8  # reflex.utils.processes.MAX_BACKEND_WORKERS
REDIS_EXAMPLE = "REFLEX_REDIS_URL=redis://…"
POSTGRES_EXAMPLE = "DATABASE_URL=postgresql+psycopg://…"


class WorkersRefused(ValueError):
    """A worker count that cannot work here; the message is one line saying what to set."""


@dataclass(frozen=True)
class Workers:
    count: int
    note: str = ""  # one line worth telling the operator (stderr), or ""


def reflex_default(cpus: int | None) -> int:
    """Reflex's count with Redis: 2 × cores + 1, at most 8."""
    return min((cpus or 1) * 2 + 1, REFLEX_MAX_WORKERS)


def on_postgres(env: Mapping[str, str]) -> bool:
    """Whether ``DATABASE_URL`` names PostgreSQL (unset: the embedded SQLite file)."""
    url = (env.get("DATABASE_URL") or "").strip()
    return url.split(":", 1)[0].split("+", 1)[0].lower() == "postgresql"


def _asked(env: Mapping[str, str]) -> tuple[str, int] | None:
    """(variable, count) the operator set: ``HOFFICE_WORKERS``, else Reflex's ``GRANIAN_WORKERS``."""
    for name in ("HOFFICE_WORKERS", "GRANIAN_WORKERS"):
        raw = (env.get(name) or "").strip()
        if not raw:
            continue
        if not raw.isdecimal() or int(raw) < 1:
            raise WorkersRefused(f"{name} must be a whole number of 1 or more (got {raw!r}).")
        return name, int(raw)
    return None


def backend_workers(env: Mapping[str, str], cpus: int | None) -> Workers:
    """The number of backend workers for this environment, or ``WorkersRefused``."""
    redis = bool((env.get("REFLEX_REDIS_URL") or "").strip())
    postgres = on_postgres(env)
    asked = _asked(env)
    if asked is None:
        if redis and not postgres:
            return Workers(1, f"SQLite serves one worker; set {POSTGRES_EXAMPLE} for more.")
        return Workers(reflex_default(cpus) if redis else 1)
    name, count = asked
    if count == 1 or (redis and postgres):
        return Workers(count)
    if not redis and not postgres:
        raise WorkersRefused(f"{name}={count} needs {REDIS_EXAMPLE} (Redis) and {POSTGRES_EXAMPLE} "
                             f"(PostgreSQL); without them the app serves one worker: set both, or {name}=1.")
    if not redis:
        raise WorkersRefused(f"{name}={count} needs {REDIS_EXAMPLE} (Redis keeps each tab's state where every "
                             f"worker finds it): set it, or {name}=1.")
    raise WorkersRefused(f"{name}={count} needs {POSTGRES_EXAMPLE} (PostgreSQL); SQLite serves one worker: "
                         f"set it, or {name}=1.")


def from_environment() -> Workers:
    """``backend_workers`` for this process's environment and machine."""
    return backend_workers(os.environ, os.cpu_count())
