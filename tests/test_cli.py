"""`python -m hoffice_app ...` as an operator runs it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session

from hoffice_app.db import make_engine
from hoffice_app.domain.auth import login

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "demo-pass-1"


@pytest.fixture
def cli(blank_database):
    env = {**os.environ, "DATABASE_URL": blank_database, "HOFFICE_DEMO_PASSWORD": DEMO_PASSWORD}
    env.pop("HOFFICE_PASSWORD", None)

    def run(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "hoffice_app", *args], cwd=PROJECT_ROOT, env=env,
                              input=stdin, capture_output=True, text=True, timeout=300)
    result = run("db", "upgrade")
    assert result.returncode == 0, result.stderr
    return run


def _masters(url):
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql("SELECT * FROM master_entry ORDER BY id")]
    finally:
        engine.dispose()


def _assert_one_error_line(result):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_seed_masters_twice_leaves_the_same_rows(cli, blank_database):
    assert cli("seed", "masters").returncode == 0
    first = _masters(blank_database)
    again = cli("seed", "masters")
    assert again.returncode == 0
    assert "nothing to add" in again.stdout
    assert len(first) == 97 and _masters(blank_database) == first


def test_seed_demo_reports_what_it_loaded(cli):
    result = cli("seed", "demo")
    assert result.returncode == 0, result.stderr
    assert "Demo data loaded: 5 employees." in result.stdout
    assert "HOFFICE_DEMO_PASSWORD" in result.stdout


def test_user_create_with_bad_email_fails_with_one_line(cli):
    result = cli("user", "create", "--name", "Meera Iyer", "--email", "meera@@example", "--role", "admin",
                 "--password-stdin", stdin="long-enough-1\n")
    assert "email" in _assert_one_error_line(result)


def test_user_passwd_with_too_short_password_fails(cli):
    cli("user", "create", "--name", "Ravi Shah", "--email", "ravi@example.com", "--role", "manager",
        "--code", "E02", "--password-stdin", stdin="first-password\n")
    result = cli("user", "passwd", "E02", "--password-stdin", stdin="short\n")
    assert "Use at least 8 characters." in _assert_one_error_line(result)


def test_user_create_then_log_in(cli, blank_database, now):
    result = cli("user", "create", "--name", "Asha Patel", "--email", "Asha.Patel@example.com", "--role", "admin",
                 "--password-stdin", stdin="first-admin-pass\n")
    assert result.returncode == 0, result.stderr
    assert "Created E01 Asha Patel (admin)." in result.stdout
    assert "first-admin-pass" not in result.stdout
    engine = make_engine(blank_database)
    try:
        with Session(engine) as session:
            assert login(session, "asha.patel@example.com", "first-admin-pass", now=now).actor.role == "admin"
    finally:
        engine.dispose()


def test_command_before_db_upgrade_says_what_to_do_in_one_line(blank_database):
    env = {**os.environ, "DATABASE_URL": blank_database}
    result = subprocess.run([sys.executable, "-m", "hoffice_app", "seed", "masters"], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert "db upgrade" in _assert_one_error_line(result)
