"""Duplicates within the file and against the database, under each policy."""
import pytest

from tests.contact_factory import HIDDEN_BY, make_contact, make_hidden
from tests.importer.helpers import by_email, count_contacts, review, row, run, xlsx


def file_with(tmp_path, *rows, name="d.xlsx"):
    return xlsx(tmp_path / name, [row(**r) for r in rows])


def test_same_email_or_mobile_twice_in_the_file_keeps_the_first(session, admin, now, tmp_path):
    path = file_with(tmp_path, dict(name="A", contact_type="Customer", email="a@example.com"),
                     dict(name="B", contact_type="Customer", email="A@EXAMPLE.com"),
                     dict(name="C", contact_type="Customer", mobile="9327058088"),
                     dict(name="D", contact_type="Customer", mobile="+91 93270 58088"))
    _job, s, _v = review(session, admin, path, now)
    assert (s.total, s.valid, s.duplicate) == (4, 2, 2)


@pytest.mark.parametrize("policy,valid,duplicate,created,updated", [("skip", 1, 1, 1, 0), ("update", 2, 0, 1, 1),
                                                                    ("create", 2, 0, 2, 0)])
def test_match_on_an_existing_contact_under_each_policy(session, admin, now, tmp_path, policy, valid, duplicate,
                                                        created, updated):
    make_contact(session, admin, now, "Old Name", emails=["old@example.com"])
    session.commit()
    path = file_with(tmp_path, dict(name="New Name", contact_type="Customer", email="OLD@example.com"),
                     dict(name="Other", contact_type="Vendor", email="other@example.com"))
    _job, summary = run(session, admin, path, now, policy=policy)
    assert (summary.valid, summary.duplicate, summary.created, summary.updated) == (valid, duplicate, created,
                                                                                    updated)
    assert summary.total == summary.valid + summary.invalid + summary.duplicate
    assert summary.valid == summary.created + summary.updated
    if policy == "update":
        assert by_email(session, "old@example.com").name == "New Name"


def test_update_policy_with_several_matches_is_a_duplicate(session, admin, now, tmp_path):
    make_contact(session, admin, now, "One", emails=["one@example.com"])
    make_contact(session, admin, now, "Two", mobiles=["9327058088"])
    session.commit()
    path = file_with(tmp_path, dict(name="Both", contact_type="Customer", email="one@example.com",
                                    mobile="9327058088"))
    _job, s, _v = review(session, admin, path, now, policy="update")
    assert (s.duplicate, s.valid) == (1, 0)


def test_mobile_match_uses_e164(session, admin, now, tmp_path):
    make_contact(session, admin, now, "Has Mobile", mobiles=["+91 93270 58088"])
    session.commit()
    path = file_with(tmp_path, dict(name="Same Mobile", contact_type="Customer", mobile=9327058088.0))
    _job, s, _v = review(session, admin, path, now)
    assert s.duplicate == 1


def test_a_row_with_a_contact_code_updates_and_is_never_a_duplicate(session, admin, now, tmp_path):
    c = make_contact(session, admin, now, "Coded", emails=["coded@example.com"])
    make_contact(session, admin, now, "Someone Else", emails=["else@example.com"])
    session.commit()
    path = file_with(tmp_path, dict(contact_code=c.code, email="else@example.com", designation="Owner"),
                     dict(contact_code=c.code, designation="Twice"))
    _job, summary = run(session, admin, path, now)
    assert (summary.updated, summary.duplicate, summary.created) == (1, 1, 0)
    session.refresh(c)
    assert c.designation == "Owner"


def test_skip_is_the_default_and_nothing_is_created_twice(session, admin, now, tmp_path):
    path = file_with(tmp_path, dict(name="A", contact_type="Customer", email="a@example.com"))
    run(session, admin, path, now)
    before = count_contacts(session)
    _job, again = run(session, admin, path, now)
    assert (again.duplicate, again.created) == (1, 0) and count_contacts(session) == before


@pytest.mark.parametrize("by", HIDDEN_BY)  # private to E04, or in a division E04 is in and E03 is not
def test_a_private_contact_the_importer_cannot_see_is_not_named(session, admin, executive, now, tmp_path, by):
    from hoffice_app.importer import jobs

    make_hidden(session, admin, now, "Hidden Client", by, sees="E04", emails=["hidden@example.com"])
    session.commit()
    path = file_with(tmp_path, dict(name="X", contact_type="Customer", email="hidden@example.com"))
    job_id, s, _v = review(session, executive, path, now, policy="update")
    rows, total = jobs.issues(session, executive, job_id, kind="duplicate")
    assert total == 1 and "private contact you cannot open" in rows[0].summary
    assert "Hidden Client" not in rows[0].summary
