"""A valid row with warnings goes to the review page without its 56 cells being decoded
(spool.Packed keeps its warnings beside the packed row): on a sheet where every row
warns, decoding each one was a third of the review's main-thread time. The page shows
the same reasons as before."""
from __future__ import annotations

from hoffice_app.importer import jobs
from hoffice_app.importer.read import spool
from tests.importer.helpers import review, row, run, xlsx

NOBODY = "No contact, employee or campaign by this name; the reference is left blank."


def test_a_warned_row_is_listed_with_its_reasons_without_being_decoded(session, admin, now, tmp_path, monkeypatch):
    def decoded(self):
        raise AssertionError(f"row {self.number} was decoded")

    monkeypatch.setattr(spool.Packed, "row", decoded)
    path = xlsx(tmp_path / "w.xlsx", [row(name="Asha Traders", contact_type="Customer", reference="Nobody Known",
                                          pan="ABCDE1234"),
                                      row(name="Plain Row", contact_type="Vendor")])
    job_id, summary, _view = review(session, admin, path, now)
    assert (summary.valid, summary.warnings) == (2, 1)
    (issue,), total = jobs.issues(session, admin, job_id, kind="warning")
    assert total == 1 and issue.row_number == 2
    assert issue.problems[-1] == ("Reference", "Nobody Known", NOBODY)
    assert issue.summary.endswith(f"Reference: {NOBODY}") and issue.summary.startswith("PAN Number: ")
    (found,), _n = jobs.issues(session, admin, job_id, kind="warning", text="nobody known")  # the page's filter
    assert found.row_number == 2


def test_warned_rows_are_imported_and_not_on_the_error_sheet(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "w.xlsx", [row(name="Asha Traders", contact_type="Customer", reference="Nobody Known")])
    job_id, result = run(session, admin, path, now)
    assert (result.created, result.warnings, result.invalid) == (1, 1, 0)
    assert not jobs.get_job(session, admin, job_id).errors_path
