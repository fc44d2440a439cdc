from hoffice_app.importer import jobs
from tests.importer.helpers import review, upload, xlsx


def test_a_hand_made_mapping_is_proposed_for_the_next_file_with_those_headers(session, admin, now, tmp_path):
    headers = ["Party", "Kind", "Shoe size"]
    first = xlsx(tmp_path / "a.xlsx", [["Asha Traders", "Customer", "9"]], headers)
    job_id, summary, view = review(session, admin, first, now, mapping={0: "name", 1: "contact_type"})
    assert view.remembered is False and view.unmatched == ["Party", "Kind", "Shoe size"]
    assert summary.valid == 1

    second = xlsx(tmp_path / "b.xlsx", [["Ravi Metals", "Vendor", "10"]], headers)
    job2 = jobs.start_job(session, admin, stored_path=upload(second), file_name="b.xlsx", now=now)
    view2 = jobs.headers(session, admin, job2)
    assert view2.remembered is True
    assert [(c.header, c.field) for c in view2.columns] == [("Party", "name"), ("Kind", "contact_type"),
                                                           ("Shoe size", "")]
    assert view2.missing_mandatory == []


def test_other_headers_get_the_automatic_mapping(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "c.xlsx", [["Asha", "Customer"]], ["Name", "Type Of Contact"])
    job_id = jobs.start_job(session, admin, stored_path=upload(path), file_name="c.xlsx", now=now)
    view = jobs.headers(session, admin, job_id)
    assert view.remembered is False
    assert [c.field for c in view.columns] == ["name", "contact_type"] and view.rows == 1


def test_headers_again_for_the_same_sheet_keep_the_reviewed_mapping_without_rereading(session, admin, now, tmp_path,
                                                                                     monkeypatch):
    from tests.importer.helpers import review

    path = xlsx(tmp_path / "d.xlsx", [["Asha", "Customer", "x"]], ["Party", "Kind", "Note"])
    job_id, _s, _v = review(session, admin, path, now, mapping={0: "name", 1: "contact_type"})
    monkeypatch.setattr(jobs, "stage_sheet", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-read")))
    view = jobs.headers(session, admin, job_id, "Contacts")
    assert [c.field for c in view.columns] == ["name", "contact_type", ""] and view.rows == 1


def test_each_column_shows_its_first_values_beside_its_header(session, admin, now, tmp_path):
    rows = [["", "Customer", ""], ["Asha", "Customer", ""], ["Ravi", "Vendor", ""], ["Meera", "Other", ""]]
    path = xlsx(tmp_path / "e.xlsx", rows, ["Name", "Type Of Contact", "Empty"])
    job_id = jobs.start_job(session, admin, stored_path=upload(path), file_name="e.xlsx", now=now)
    view = jobs.headers(session, admin, job_id)
    assert [c.samples for c in view.columns] == ["Asha · Ravi", "Customer · Vendor", ""]  # no repeats, no blanks
    assert [c.samples for c in jobs.headers(session, admin, job_id, "Contacts").columns][0] == "Asha · Ravi"
