"""How many backend workers `bin/run` starts (hoffice_app/deploy.py), and the one-line refusal.

Several workers need both switches: Redis (each tab's state where every worker finds it)
and PostgreSQL (SQLite serves one process well, not several writing at once).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hoffice_app.deploy import WorkersRefused, backend_workers

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REDIS = {"REFLEX_REDIS_URL": "redis://localhost:6379/0"}
POSTGRES = {"DATABASE_URL": "postgresql+psycopg://crm:secret@db.example.com/crm"}
BOTH = {**REDIS, **POSTGRES}


def test_without_redis_one_worker():
    assert backend_workers({}, cpus=8).count == 1
    assert backend_workers(POSTGRES, cpus=8).count == 1


@pytest.mark.parametrize(("cpus", "count"), [(1, 3), (2, 5), (3, 7), (8, 8), (None, 3)])
def test_redis_and_postgres_follow_reflex_rule(cpus, count):
    """Reflex's own rule: 2 × cores + 1, at most 8 (reflex.utils.processes.get_num_workers)."""
    assert backend_workers(BOTH, cpus=cpus).count == count


def test_hoffice_workers_chooses_the_count():
    assert backend_workers({**BOTH, "HOFFICE_WORKERS": "3"}, cpus=8).count == 3
    assert backend_workers({**BOTH, "HOFFICE_WORKERS": " 12 "}, cpus=2).count == 12


def test_granian_workers_is_reflex_rule_too_but_hoffice_workers_wins():
    assert backend_workers({**BOTH, "GRANIAN_WORKERS": "6"}, cpus=2).count == 6
    assert backend_workers({**BOTH, "GRANIAN_WORKERS": "6", "HOFFICE_WORKERS": "2"}, cpus=2).count == 2


@pytest.mark.parametrize("env", [{}, REDIS, POSTGRES, BOTH])
def test_one_worker_is_always_allowed(env):
    assert backend_workers({**env, "HOFFICE_WORKERS": "1"}, cpus=8).count == 1


def _refusal(env) -> str:
    with pytest.raises(WorkersRefused) as err:
        backend_workers(env, cpus=4)
    message = str(err.value)
    assert "\n" not in message
    return message


def test_several_workers_without_redis_say_to_set_it():
    message = _refusal({**POSTGRES, "HOFFICE_WORKERS": "4"})
    assert message.startswith("HOFFICE_WORKERS=4 needs REFLEX_REDIS_URL")
    assert "DATABASE_URL" not in message


def test_several_workers_on_sqlite_say_to_set_postgres():
    for database in ({}, {"DATABASE_URL": "sqlite:///data/other.db"}):
        message = _refusal({**REDIS, **database, "HOFFICE_WORKERS": "4"})
        assert message.startswith("HOFFICE_WORKERS=4 needs DATABASE_URL=postgresql+psycopg://")
        assert "SQLite serves one worker" in message and "REFLEX_REDIS_URL" not in message


def test_several_workers_with_neither_name_both():
    message = _refusal({"HOFFICE_WORKERS": "4"})
    assert "REFLEX_REDIS_URL" in message and "DATABASE_URL=postgresql+psycopg://" in message
    assert "HOFFICE_WORKERS=1" in message


def test_granian_workers_without_redis_is_refused_by_its_name():
    """Reflex would start that many workers, each keeping its own tabs' state in memory."""
    assert _refusal({"GRANIAN_WORKERS": "4"}).startswith("GRANIAN_WORKERS=4 needs REFLEX_REDIS_URL")


def test_an_empty_redis_url_is_no_redis():
    assert _refusal({**POSTGRES, "REFLEX_REDIS_URL": " ", "HOFFICE_WORKERS": "2"})


@pytest.mark.parametrize("raw", ["0", "-2", "two", "2.5"])
def test_a_count_that_is_not_a_positive_number_is_refused(raw):
    assert _refusal({**BOTH, "HOFFICE_WORKERS": raw}) == (
        f"HOFFICE_WORKERS must be a whole number of 1 or more (got {raw!r}).")


def test_redis_on_sqlite_serves_one_worker_and_says_why():
    """Nobody asked for a number: one worker, and a note on how to get more."""
    plan = backend_workers(REDIS, cpus=8)
    assert plan.count == 1
    assert "SQLite serves one worker" in plan.note and "DATABASE_URL=postgresql+psycopg://" in plan.note


def test_no_note_when_nothing_needs_saying():
    assert backend_workers({}, cpus=2).note == ""
    assert backend_workers(BOTH, cpus=2).note == ""


def _workers_command(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("HOFFICE_WORKERS", "GRANIAN_WORKERS", "REFLEX_REDIS_URL", "DATABASE_URL")}
    return subprocess.run([sys.executable, "-m", "hoffice_app", "workers"], cwd=PROJECT_ROOT,
                          env={**clean, **env}, capture_output=True, text=True, timeout=60)


def test_cli_prints_the_count_for_bin_run():
    result = _workers_command({**BOTH, "HOFFICE_WORKERS": "3"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "3\n" and result.stderr == ""


def test_cli_refuses_with_one_error_line():
    result = _workers_command({"HOFFICE_WORKERS": "4"})
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: HOFFICE_WORKERS=4 needs REFLEX_REDIS_URL"), result.stderr


def test_cli_note_goes_to_stderr_so_the_count_stays_alone():
    result = _workers_command(REDIS)
    assert result.returncode == 0 and result.stdout == "1\n"
    assert "SQLite serves one worker" in result.stderr
