"""`python -m hoffice_app fields …` as an operator scripts it: fields added with the settings'
rules, listed with their stable keys, switched off keeping their data; bad input is one line."""
from __future__ import annotations

import json

from tests.test_cli import _assert_one_error_line, cli  # noqa: F401


def test_add_list_and_deactivate_fields(cli):  # noqa: F811
    assert cli("user", "create", "--name", "Asha Patel", "--email", "asha@example.com", "--role", "admin",
               "--password-stdin", stdin="first-admin-pass\n").returncode == 0
    added = cli("fields", "add", "lead", "Industry", "--type", "select", "--options", "Retail, Wholesale",
                "--required", "--section", "Details")
    assert added.stdout.strip() == "Added lead field “Industry” [select], key industry.", added.stderr
    assert cli("fields", "add", "contact", "Referral code", "--type", "text").returncode == 0
    assert "Leads already have a field called “Industry”" in _assert_one_error_line(
        cli("fields", "add", "lead", "INDUSTRY", "--type", "long-text"))
    assert "--type 'colour' is not a type; use one of text, long-text" in _assert_one_error_line(
        cli("fields", "add", "lead", "Shade", "--type", "colour"))
    assert "its values are kept" in cli("fields", "deactivate", "lead", "industry").stdout
    listed = json.loads(cli("fields", "list", "--json").stdout)
    assert [(f["record"], f["key"], f["type"], f["required"], f["section"], f["active"],
             [o["label"] for o in f["options"]]) for f in listed] == [
        ("lead", "industry", "select", True, "Details", False, ["Retail", "Wholesale"]),
        ("contact", "referral_code", "text", False, "", True, [])]
