"""`python -m hoffice_app import / export / template contacts` as an operator runs them."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hoffice_app.db import make_engine
from tests import databases
from tests.importer.helpers import csv_file, read_xlsx, row, xlsx

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    url = databases.blank_url(folder)
    env = {**os.environ, "DATABASE_URL": url, "HOFFICE_IMPORTS_DIR": str(folder / "imp")}

    def run(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "hoffice_app", *args], cwd=PROJECT_ROOT, env=env, input=stdin,
                              capture_output=True, text=True, timeout=120)
    for args in (("db", "upgrade"), ("seed", "masters")):
        assert run(*args).returncode == 0
    made = run("user", "create", "--name", "Asha Patel", "--email", "asha@example.com", "--role", "admin",
               "--password-stdin", stdin="first-admin-pass\n")
    assert made.returncode == 0, made.stderr
    run.db = url
    yield run
    databases.drop_blank(url)


def count(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
    finally:
        engine.dispose()


def test_import_with_json_counts_and_sheets(cli, tmp_path):
    path = xlsx(tmp_path / "in.xlsx", [row(name="Asha Traders", contact_type="Customer", email="a@example.in"),
                                       row(name="", contact_type="Customer")])
    result = cli("import", "contacts", str(path), "--json", "--result", str(tmp_path / "r.xlsx"),
                 "--errors", str(tmp_path / "e.xlsx"))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert {k: out[k] for k in ("total", "valid", "invalid", "duplicate", "created", "updated")} == \
        {"total": 2, "valid": 1, "invalid": 1, "duplicate": 0, "created": 1, "updated": 0}
    assert read_xlsx(tmp_path / "r.xlsx")[1][0].startswith("C")
    assert read_xlsx(tmp_path / "e.xlsx")[0][-1] == "Reason"
    again = cli("import", "contacts", str(path), "--json")
    assert json.loads(again.stdout)["duplicate"] == 1


def test_dry_run_writes_nothing(cli, tmp_path):
    before, jobs_before = count(cli.db, "contact"), count(cli.db, "import_job")
    path = csv_file(tmp_path / "dry.csv", [row(name="Dry Run Ltd", contact_type="Vendor")], bom=True)
    result = cli("import", "contacts", str(path), "--dry-run", "--duplicates", "create", "--result",
                 str(tmp_path / "would.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "1 would be created" in result.stdout
    assert (count(cli.db, "contact"), count(cli.db, "import_job")) == (before, jobs_before)
    assert read_xlsx(tmp_path / "would.xlsx")[1][:4] == ["", "", "", "Dry Run Ltd"]


def test_refused_file_exits_2_with_one_error_line(cli, tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = cli("import", "contacts", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "password-protected" in lines[0]
    missing = cli("import", "contacts", str(tmp_path / "nope.xlsx"))
    assert missing.returncode == 2 and "no file" in missing.stderr
    wrong = xlsx(tmp_path / "cols.xlsx", [["x", "y"]], ["Shoe", "Size"])
    assert cli("import", "contacts", str(wrong)).returncode == 2


def test_unknown_key_account_manager_is_an_error(cli, tmp_path):
    path = xlsx(tmp_path / "k.xlsx", [row(name="K Ltd", contact_type="Customer")])
    result = cli("import", "contacts", str(path), "--key-account-manager", "E99")
    assert result.returncode == 1 and "E99" in result.stderr


def test_export_and_template(cli, tmp_path):
    export = cli("export", "contacts", str(tmp_path / "all.xlsx"))
    assert export.returncode == 0, export.stderr
    assert read_xlsx(tmp_path / "all.xlsx")[0][0] == "Contact Code"
    template = cli("template", "contacts", str(tmp_path / "t.xlsx"))
    assert template.returncode == 0 and load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "Contacts"
