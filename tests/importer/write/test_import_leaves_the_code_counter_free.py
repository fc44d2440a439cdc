"""On PostgreSQL a person creating a contact while an import runs does not wait for the
import's commit: the import takes its codes in a short transaction of its own
(``codes.allocate_apart``) instead of locking the counter row for its whole length."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from hoffice_app.domain.common import codes
from hoffice_app.importer.write import commit
from hoffice_app.models import Contact
from tests import databases
from tests.importer.helpers import row, run, xlsx

pytestmark = pytest.mark.skipif(
    not databases.ON_POSTGRES,
    reason="SQLite: the import holds the database's only write lock, so any other save waits for it anyway")


def test_a_code_is_taken_without_waiting_while_an_import_is_open(engine, session, admin, now, tmp_path, monkeypatch):
    taken = []
    original = commit.build_search_text

    def another_person_creates_a_contact(*args):
        if not taken:  # inside the import's open transaction, after it took its codes
            with Session(engine) as other:
                other.connection().exec_driver_sql("SET lock_timeout = '1s'")  # a wait fails, never hangs
                try:
                    taken.append(codes.allocate(other, "contact")[0])
                    other.commit()
                except OperationalError as err:
                    taken.append(f"waited: {err}")
        return original(*args)

    monkeypatch.setattr(commit, "build_search_text", another_person_creates_a_contact)
    rows = [row(name=f"P{i}", contact_type="Customer", email=f"p{i}@example.com") for i in range(3)]
    _job, summary = run(session, admin, xlsx(tmp_path / "n.xlsx", rows), now)
    assert summary.created == 3
    assert len(taken) == 1 and taken[0].startswith("C"), taken
    imported = set(session.exec(select(Contact.code).where(Contact.name.in_(["P0", "P1", "P2"]))))
    assert len(imported) == 3 and taken[0] not in imported  # no code given twice
