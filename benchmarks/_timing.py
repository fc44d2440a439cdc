"""Helpers shared by the search benchmarks: timing loop, percentile, master ids."""
from __future__ import annotations

import math
import time

from sqlmodel import Session, select

from hoffice_app.models import MasterEntry


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def master_id(session: Session, kind: str, name: str) -> str:
    return str(session.exec(select(MasterEntry.id).where(MasterEntry.kind == kind, MasterEntry.name == name)).one())


def time_calls(fn, warmup: int, reps: int) -> tuple[list[float], object]:
    """Milliseconds of ``reps`` calls after ``warmup`` untimed ones, and the last result."""
    for _ in range(warmup):
        fn()
    out, result = [], None
    for _ in range(reps):
        t = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t) * 1000)
    return out, result
