"""Relation / Relation To link "this contact is <Relation> of <Relation To>", once, on both contacts."""
from sqlmodel import select

from hoffice_app.domain.contacts import list_associations
from hoffice_app.importer import jobs
from hoffice_app.importer import submit as submitting
from hoffice_app.models import ContactAssociation
from tests.contact_factory import make_contact, make_private
from tests.importer.helpers import by_email, review, row, run, xlsx


def test_people_link_to_a_company_from_the_result_sheet_and_a_rerun_adds_no_second_link(session, admin, now,
                                                                                       tmp_path):
    first, _s = run(session, admin, xlsx(tmp_path / "companies.xlsx", [
        row(name="Horus Tech Solutions Pvt Ltd", title="M/S", contact_type="Customer", email="info@horus.in")]), now)
    company = by_email(session, "info@horus.in")
    people = xlsx(tmp_path / "people.xlsx", [
        row(name="Ravi Shah", contact_type="Customer", email="ravi@horus.in", relation="Employee",
            relation_to=company.code),
        row(name="Meera Iyer", contact_type="Customer", email="meera@horus.in", relation="Director",
            relation_to="M/S Horus Tech Solutions Pvt Ltd")])
    job_id, summary = run(session, admin, people, now)
    assert summary.created == 2
    ravi = by_email(session, "ravi@horus.in")
    assert [a.text for a in list_associations(session, admin, ravi.id)] == ["Employee of Horus Tech Solutions Pvt Ltd"]
    on_company = [a.text for a in list_associations(session, admin, company.id)]
    assert on_company == ["Ravi Shah is Employee of this contact", "Meera Iyer is Director of this contact"]
    result = tmp_path / "result.xlsx"
    result.write_bytes(submitting.sheet_path(session, admin, job_id, "result").read_bytes())
    _job, again = run(session, admin, result, now)
    assert (again.updated, again.created) == (2, 0)
    assert len(session.exec(select(ContactAssociation)).all()) == 2


def test_unknown_ambiguous_or_hidden_relation_to_is_an_error(session, admin, executive, now, tmp_path):
    make_contact(session, admin, now, "Twin Traders")
    make_contact(session, admin, now, "Twin Traders")
    hidden = make_private(session, admin, now, "Hidden Corp", shared_with=("E04",))
    session.commit()
    path = xlsx(tmp_path / "bad.xlsx", [row(name="A", contact_type="Customer", relation="Employee",
                                            relation_to="Nobody Ltd"),
                                        row(name="B", contact_type="Customer", relation="Employee",
                                            relation_to="Twin Traders"),
                                        row(name="C", contact_type="Customer", relation="Employee",
                                            relation_to=hidden.code)])
    job_id, summary, _v = review(session, executive, path, now)
    assert summary.invalid == 3
    rows, _n = jobs.issues(session, executive, job_id, kind="invalid")
    assert "No contact with this code or name" in rows[0].summary
    assert "2 contacts are called" in rows[1].summary
    assert "No contact with this code or name" in rows[2].summary and "Hidden" not in rows[2].summary


def test_a_contact_cannot_be_associated_with_itself(session, admin, now, tmp_path):
    c = make_contact(session, admin, now, "Self Ltd")
    session.commit()
    path = xlsx(tmp_path / "self.xlsx", [row(contact_code=c.code, relation="Owner", relation_to=c.code)])
    job_id, summary, _v = review(session, admin, path, now)
    assert summary.invalid == 1
