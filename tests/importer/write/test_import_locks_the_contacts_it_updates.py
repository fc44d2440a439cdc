"""A form saving a contact while an import updates it on PostgreSQL: the import reads the
contact, then writes what it read plus the file's values. A save landing in between
would be overwritten (here: the form's new mobile, dropped when the import rewrites the
phone list it read). The import locks the contacts it updates before reading them
(submit.py), so the save waits for the import's commit and then merges — nothing lost."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from hoffice_app.domain.contacts import form_values, save_from_form
from hoffice_app.importer.write import updates
from tests import databases
from tests.contact_factory import make_contact
from tests.importer.helpers import phones, row, run, xlsx

pytestmark = pytest.mark.skipif(
    not databases.ON_POSTGRES,
    reason="SQLite: the import holds the database's only write lock from its start, so no save can land "
           "between its read and its write")


def test_a_form_save_during_the_import_waits_and_is_not_lost(engine, session, admin, now, tmp_path, monkeypatch):
    c = make_contact(session, admin, now, "Kaveri Polymers", mobiles=["9327058088"])
    session.commit()
    read = form_values(session, admin, c.code)  # a form opened before the import
    typed = read | {"mobiles": ["9825012345"]}
    outcomes = []
    original = updates.build_search_text

    def form_saves_between_the_import_read_and_write(*args):
        if not outcomes:  # the import has read the contact and its phones; nothing written yet
            with Session(engine) as other:
                other.connection().exec_driver_sql("SET lock_timeout = '1s'")  # a wait fails, never hangs
                try:
                    save_from_form(other, admin, typed, now=now, code=c.code, read=read, version=read["version"])
                    other.commit()
                    outcomes.append("saved")
                except OperationalError as err:
                    assert "lock timeout" in str(err)
                    outcomes.append("waited")
        return original(*args)

    monkeypatch.setattr(updates, "build_search_text", form_saves_between_the_import_read_and_write)
    _job, summary = run(session, admin, xlsx(tmp_path / "u.xlsx", [row(contact_code=c.code,
                                                                       office_phone="02612345678")]), now)
    assert summary.updated == 1
    assert outcomes == ["waited"]  # the contact was locked: the save could not land in between
    monkeypatch.undo()
    with Session(engine) as later:  # the same save once the import committed: merged with the import's change
        saved = save_from_form(later, admin, typed, now=now, code=c.code, read=read, version=read["version"])
        later.commit()
    assert "meanwhile" in saved.note
    session.expire_all()
    assert sorted(phones(session, c.id)) == [("mobile", "+919825012345", True), ("office", "+912612345678", True)]
