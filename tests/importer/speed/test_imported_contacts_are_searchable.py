"""Imported contacts are found by the contact list's search, and the search trigger is back afterwards."""
from hoffice_app.domain.contacts import ContactQuery, search_contacts
from tests.contact_factory import make_contact
from tests.importer.helpers import row, run, search_triggers, xlsx


def test_new_contacts_are_indexed_and_the_trigger_is_restored(session, admin, now, tmp_path):
    before = search_triggers(session)
    path = xlsx(tmp_path / "s.xlsx", [row(name="Narmada Polymers", contact_type="Customer", mobile="9327058088",
                                          email="sales@narmada.example.in")])
    run(session, admin, path, now)
    assert search_triggers(session) == before
    for query in ("narmada", "93270 58088", "sales@narmada"):
        assert [r.name for r in search_contacts(session, admin, ContactQuery(text=query)).rows] == \
            ["Narmada Polymers"], query
    make_contact(session, admin, now, "Saved Later Traders")  # the trigger works again for the form
    session.commit()
    assert search_contacts(session, admin, ContactQuery(text="later trad")).total == 1


def test_a_failed_import_keeps_the_trigger(session, admin, now, tmp_path, monkeypatch):
    import pytest

    from hoffice_app.importer import submit
    from hoffice_app.importer.write import commit

    before = search_triggers(session)
    real = commit.Writer._create

    def boom(self, rows):
        real(self, rows)
        raise RuntimeError("power cut")
    monkeypatch.setattr(commit.Writer, "_create", boom)
    with pytest.raises(submit.ImportFailed):
        run(session, admin, xlsx(tmp_path / "f.xlsx", [row(name="Ghost", contact_type="Customer")]), now)
    session.rollback()
    assert search_triggers(session) == before
