"""A row that updates a contact changes what it gives and keeps the rest."""
import pytest
from sqlmodel import select

from hoffice_app.models import ContactAddress, ContactEmail
from tests.contact_factory import HIDDEN_BY, make_contact, make_hidden, master_id
from tests.importer.helpers import phones, row, run, xlsx


def test_blank_cells_keep_values_and_given_slots_replace_their_number(session, admin, now, tmp_path):
    c = make_contact(session, admin, now, "Kaveri Polymers", designation="Owner", website="www.kaveri.in",
                     emails=["old@kaveri.in", "second@kaveri.in"], mobiles=["9327058088", "9825012345"],
                     addresses=[{"line1": "5, Ring Road", "city": "Surat", "state": "GUJARAT", "pin": "395003"}])
    session.commit()
    path = xlsx(tmp_path / "u.xlsx", [row(contact_code=c.code.lower(), email="new@kaveri.in", mobile1="9898989898",
                                          city="Ahmedabad", industry="Manufacturing")])
    _job, summary = run(session, admin, path, now)
    assert summary.updated == 1
    session.refresh(c)
    assert (c.name, c.designation, c.website) == ("Kaveri Polymers", "Owner", "www.kaveri.in")
    assert c.industry_id == master_id(session, "industry", "Manufacturing")
    mails = session.exec(select(ContactEmail.email, ContactEmail.is_primary).where(ContactEmail.contact_id == c.id)
                         .order_by(ContactEmail.id)).all()
    assert mails == [("new@kaveri.in", True), ("second@kaveri.in", False)]
    assert phones(session, c.id) == [("mobile", "+919327058088", True), ("mobile", "+919898989898", False)]
    address = session.exec(select(ContactAddress).where(ContactAddress.contact_id == c.id)).one()
    assert (address.line1, address.city, address.pin) == ("5, Ring Road", "Ahmedabad", "395003")
    assert "9898989898" in c.search_text and "new@kaveri.in" in c.search_text


def test_key_account_manager_is_set_on_every_imported_row(session, admin, now, tmp_path):
    from tests.contact_factory import employee_id
    from tests.importer.helpers import by_email

    c = make_contact(session, admin, now, "Existing")
    session.commit()
    path = xlsx(tmp_path / "k.xlsx", [row(name="New One", contact_type="Customer", email="n@example.com"),
                                      row(contact_code=c.code, designation="Buyer")])
    _job, summary = run(session, admin, path, now, kam_id=employee_id(session, "E04"))
    assert (summary.created, summary.updated) == (1, 1)
    session.refresh(c)
    assert c.key_account_manager_id == by_email(session, "n@example.com").key_account_manager_id \
        == employee_id(session, "E04")


@pytest.mark.parametrize("by", HIDDEN_BY)  # private to E04, or in a division E04 is in and E03 is not
def test_private_contact_not_shared_cannot_be_updated_by_code(session, admin, executive, now, tmp_path, by):
    from hoffice_app.importer import jobs
    from tests.importer.helpers import review

    secret = make_hidden(session, admin, now, "Secret Client", by, sees="E04")
    session.commit()
    job_id, summary, _v = review(session, executive, xlsx(tmp_path / "p.xlsx", [
        row(contact_code=secret.code, designation="Hacked")]), now)
    assert summary.invalid == 1
    (issue,), _n = jobs.issues(session, executive, job_id, kind="invalid")
    assert "private and not shared" in issue.summary and "Secret" not in issue.summary
