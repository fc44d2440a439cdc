"""`python -m hoffice_app policies …` as an operator scripts it: simulate writes nothing and
agrees with run and with the preview; --at evaluates as of that moment; a second run at the
same moment does nothing; bad input is one error line."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from sqlmodel import Session

from hoffice_app.db import make_engine
from hoffice_app.domain import policies
from tests.test_cli import _assert_one_error_line, cli  # noqa: F401

NAME = "No follow-up in 48 hours"


def _preview(url: str, at: datetime) -> dict[str, set[str]]:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            row = policies.find(session, NAME)
            found = policies.preview(session, policies.definitions.of(row), now=at)
    finally:
        engine.dispose()
    return {"warn": {r.code for r in found.now if r.step == "warn"},
            "revoke": {r.code for r in found.now if r.step == "revoke"}}


def test_the_demo_policy_simulated_run_and_previewed_agree(cli, blank_database):  # noqa: F811
    assert cli("seed", "demo").returncode == 0
    listed = json.loads(cli("policies", "list", "--json").stdout)
    assert [(p["name"], p["enabled"], p["hours"], p["warn_hours"], p["action"]) for p in listed] == [
        (NAME, False, 48, 24, "pool")]
    assert json.loads(cli("policies", "simulate", "--json").stdout)["revoke"] == []  # disabled: nothing
    assert cli("policies", "enable", NAME.upper()).stdout.strip() == f"{NAME}: enabled"
    at = (datetime.now(timezone.utc) + timedelta(hours=1)).replace(microsecond=0)
    simulated = json.loads(cli("policies", "simulate", "--at", at.isoformat(), "--json").stdout)
    assert simulated["revoke"] and simulated["warn"]  # the demo's mix: some of each
    expected = _preview(blank_database, at)
    assert set(simulated["revoke"]) == expected["revoke"]
    assert set(simulated["warn"]) <= expected["warn"]  # the preview also lists leads warned before
    ran = json.loads(cli("policies", "run", "--at", at.isoformat(), "--json").stdout)
    assert {k: sorted(v) for k, v in ran.items() if k != "at"} == {k: sorted(v) for k, v in simulated.items()
                                                                   if k != "at"}
    again = json.loads(cli("policies", "run", "--at", at.isoformat(), "--json").stdout)
    assert (again["warn"], again["revoke"]) == ([], [])
    assert "disabled" in cli("policies", "disable", NAME).stdout


def test_bad_input_is_one_error_line(cli):  # noqa: F811
    assert "not an ISO-8601 moment" in _assert_one_error_line(cli("policies", "simulate", "--at", "yesterday"))
    assert "No policy named 'Nope'" in _assert_one_error_line(cli("policies", "enable", "Nope"))
