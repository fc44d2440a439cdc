"""Importer tests: the fast seeded database (tests/contact_factory.py) and a
private import folder per test."""
from __future__ import annotations

import pytest

from tests.contact_factory import demo, engine  # noqa: F401  (faster copies of the seeded database)


@pytest.fixture(autouse=True)
def imports_dir(tmp_path, monkeypatch):
    folder = tmp_path / "imports"
    monkeypatch.setenv("HOFFICE_IMPORTS_DIR", str(folder))
    return folder
