"""Every non-empty row ends in exactly one state; the counts add up."""
from hoffice_app.importer import jobs
from tests.importer.helpers import review, row, run, xlsx


def test_counts_add_up_and_empty_rows_are_not_counted(session, admin, now, tmp_path):
    rows = [row(name="Good", contact_type="Customer", email="g@example.com"),
            [None] * 56,
            row(name="", contact_type="Customer"),
            row(name="Bad Mail", contact_type="Customer", email="nope"),
            row(name="Dup", contact_type="Customer", email="G@example.com"),
            row(name="Warn", contact_type="Customer", pan="123")]
    path = xlsx(tmp_path / "mix.xlsx", rows)
    job_id, s, _v = review(session, admin, path, now)
    assert (s.total, s.valid, s.invalid, s.duplicate, s.warnings) == (5, 2, 2, 1, 1)
    assert s.total == s.valid + s.invalid + s.duplicate and s.valid == s.to_create + s.to_update
    invalid, n = jobs.issues(session, admin, job_id, kind="invalid")
    assert n == 2 and [r.row_number for r in invalid] == [4, 5]
    assert invalid[1].problems == [("Email Address", "nope",
                                    invalid[1].problems[0][2])] and "e-mail" in invalid[1].summary
    found, n = jobs.issues(session, admin, job_id, kind="invalid", text="name")
    assert n == 1 and found[0].row_number == 4
    _rows, warned = jobs.issues(session, admin, job_id, kind="warning")
    assert warned == 1


def test_an_invalid_row_lists_every_problem(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "bad.xlsx", [row(name="", contact_type="Robot", email="x@", pin="12")])
    job_id, s, _v = review(session, admin, path, now)
    (bad,), _n = jobs.issues(session, admin, job_id, kind="invalid")
    assert {p[0] for p in bad.problems} == {"Name", "Type Of Contact", "Email Address", "Zip / Pin Code"}


def test_submit_summary_keeps_the_invariants(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "s.xlsx", [row(name=f"P{i}", contact_type="Customer", email=f"p{i}@example.com")
                                      for i in range(5)] + [row(name="", contact_type="Customer")])
    _job, s = run(session, admin, path, now)
    assert (s.total, s.valid, s.invalid, s.created, s.updated) == (6, 5, 1, 5, 0)
