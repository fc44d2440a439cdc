"""A contact edited in two forms, or in a form while an import updates it by its code:
nobody's saved change silently disappears (merged when the fields differ, refused with
who, when and which fields when they overlap)."""
from datetime import timedelta

import pytest

from hoffice_app.domain.common import versions
from hoffice_app.domain.contacts import form_values
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.models import Contact
from tests.contact_factory import demo, engine, make_contact  # noqa: F401
from tests.importer.helpers import run, xlsx


def _open(session, who, code):
    read = form_values(session, who, code)
    return {k: v for k, v in read.items() if k != "version"}, read


def _save(session, who, code, typed, read, now):
    saved = contacts.save_from_form(session, who, typed, now=now, code=code, read=read, version=read["version"])
    session.commit()
    return saved


def test_two_forms_changing_different_fields_keep_both(session, admin, manager, now):
    code = make_contact(session, admin, now, "Versioned Traders").code
    session.commit()
    a_typed, a_read = _open(session, admin, code)
    b_typed, b_read = _open(session, manager, code)
    _save(session, admin, code, a_typed | {"designation": "Director"}, a_read, now)
    saved = _save(session, manager, code, b_typed | {"remarks": "Pays on time"}, b_read, now + timedelta(minutes=1))
    row = session.get(Contact, contacts.visible_id(session, admin, code))
    assert (row.designation, row.remarks) == ("Director", "Pays on time")
    assert "(designation)" in saved.note


def test_an_overlapping_change_is_refused_and_nothing_is_written(session, admin, manager, now):
    code = make_contact(session, admin, now, "Versioned Works").code
    session.commit()
    a_typed, a_read = _open(session, admin, code)
    b_typed, b_read = _open(session, manager, code)
    _save(session, admin, code, a_typed | {"name": "Versioned Works Pvt Ltd"}, a_read, now)
    with pytest.raises(versions.EditConflict, match=r"changed this contact .* \(name\)\. Your change to name"):
        _save(session, manager, code, b_typed | {"name": "Versioned Works LLP", "remarks": "x"}, b_read, now)
    session.rollback()
    row = session.get(Contact, contacts.visible_id(session, admin, code))
    assert (row.name, row.remarks) == ("Versioned Works Pvt Ltd", "")


def test_an_import_update_by_code_moves_the_version_a_form_checks(session, admin, now, tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_IMPORTS_DIR", str(tmp_path / "imports"))
    code = make_contact(session, admin, now, "Imported Later").code
    session.commit()
    typed, read = _open(session, admin, code)
    before = session.get(Contact, contacts.visible_id(session, admin, code)).version
    headers = ["Contact Code", "Name", "Type Of Contact", "Designation"]
    _job, summary = run(session, admin, xlsx(tmp_path / "u.xlsx", [[code, "Imported Later", "Customer", "CFO"]],
                                              headers), now)
    assert summary.updated == 1
    row = session.get(Contact, contacts.visible_id(session, admin, code))
    assert row.version > before and row.updated_by_id == admin.id
    with pytest.raises(versions.EditConflict, match="designation"):
        _save(session, admin, code, typed | {"designation": "CEO"}, read, now)
