"""PAN, GSTIN and Aadhaar: the spec makes their format checks warnings, so a
number of the wrong length is kept and warned about; only a value too long to
be any such number (over 30 characters) makes the row invalid."""
import pytest
from sqlmodel import select

from hoffice_app.importer import jobs
from hoffice_app.importer.check import rules
from hoffice_app.importer.check.context import build_context
from hoffice_app.models import Contact
from tests.importer.helpers import parse, reasons, review, row, run, warnings, xlsx


@pytest.fixture
def ctx(session, admin, now):
    return build_context(session, admin, now)


def base(**cells):
    return {"name": "Asha", "contact_type": "Customer", **cells}


def test_wrong_length_numbers_are_kept_with_a_warning(ctx):
    parsed = parse(ctx, **base(pan="abcde1234fg", gstin="24AAAAA9999A1Z5XYZ123", aadhaar="1234 5678 9012 3"))
    assert not parsed.errors
    assert set(warnings(parsed)) == {"PAN Number", "GST Number", "Adhar Number"}
    assert (parsed.values["pan"], parsed.values["gstin"], parsed.values["aadhaar"]) == \
        ("ABCDE1234FG", "24AAAAA9999A1Z5XYZ123", "1234567890123")


def test_thirty_characters_is_the_hard_limit(ctx):
    at_limit = parse(ctx, **base(pan="P" * 30, gstin="G" * 30, aadhaar="1" * 30))
    assert not at_limit.errors and len(at_limit.warnings) == 3
    over = reasons(parse(ctx, **base(pan="P" * 31, gstin="G" * 31, aadhaar="1" * 31)))
    for column in ("PAN Number", "GST Number", "Adhar Number"):
        assert over[column] == "Use at most 30 characters (this has 31).", column


def test_the_limit_counts_the_number_as_stored_without_spaces(ctx):
    typed = " ".join("ABCDE1234F" * 3)  # 59 characters typed, 30 kept
    assert parse(ctx, **base(pan=typed)).values["pan"] == "ABCDE1234F" * 3
    assert rules.aadhaar("-".join(["1234"] * 7))[0] == "1234" * 7


def test_an_eleven_character_pan_is_a_warning_in_the_review(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "pan.xlsx", [row(name="Asha", contact_type="Customer", pan="ABCDE1234FG"),
                                        row(name="Bela", contact_type="Customer", gstin="X" * 31)])
    job_id, summary, _view = review(session, admin, path, now)
    assert (summary.valid, summary.invalid, summary.warnings) == (1, 1, 1)
    (warned,), _n = jobs.issues(session, admin, job_id, kind="warning")
    assert warned.row_number == 2 and warned.problems[0][:2] == ("PAN Number", "ABCDE1234FG")
    (bad,), _n = jobs.issues(session, admin, job_id, kind="invalid")
    assert bad.row_number == 3 and "at most 30 characters" in bad.summary


def test_the_warned_values_are_imported_as_typed(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "pan.xlsx", [row(name="Statutory Warned", contact_type="Customer", pan="ABCDE1234FG",
                                            gstin="24AAAAA9999A1Z5XYZ123", aadhaar="1234 5678")])
    _job, result = run(session, admin, path, now)
    assert (result.created, result.invalid) == (1, 0)
    saved = session.exec(select(Contact).where(Contact.name == "Statutory Warned")).one()
    assert (saved.pan, saved.gstin, saved.aadhaar) == ("ABCDE1234FG", "24AAAAA9999A1Z5XYZ123", "12345678")
