"""What the importer hands back: result sheet with codes first, error sheet with reasons, no formulas."""
import zipfile

from openpyxl import load_workbook

from hoffice_app.importer import submit as submitting
from hoffice_app.importer.read.reader import open_sheet
from hoffice_app.importer.sheets.export import export_contacts
from tests.importer.helpers import by_email, csv_file, read_xlsx, review, row, run, xlsx

RISKY = ["=HYPERLINK(\"http://x\",\"y\")", "+91 93270", "-5+3", "@SUM(A1)", "\tTabbed", "\rReturned"]


def assert_no_formula(path):
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name)
    for ws in load_workbook(path).worksheets:
        for cells in ws.iter_rows():
            assert all(c.data_type != "f" for c in cells)


def test_result_sheet_has_the_new_codes_first_and_imports_again_as_updates(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [["Asha Traders", "Customer", "a@example.com"],
                                      ["", "Customer", "bad"]], ["Name", "Type Of Contact", "E-mail"])
    job_id, summary = run(session, admin, path, now)
    result = read_xlsx(submitting.sheet_path(session, admin, job_id, "result"))
    code = by_email(session, "a@example.com").code
    assert result == [["Contact Code", "Name", "Type Of Contact", "E-mail"], [code, "Asha Traders", "Customer",
                                                                              "a@example.com"]]
    errors = read_xlsx(submitting.sheet_path(session, admin, job_id, "errors"))
    assert errors[0] == ["Name", "Type Of Contact", "E-mail", "Reason"]
    assert errors[1][:3] == ["", "Customer", "bad"] and "Name:" in errors[1][3]
    again_path = tmp_path / "again.xlsx"
    again_path.write_bytes(submitting.sheet_path(session, admin, job_id, "result").read_bytes())
    _job, again = run(session, admin, again_path, now)
    assert (again.updated, again.created) == (1, 0)


def test_formula_like_text_is_never_written_as_a_formula(session, admin, now, tmp_path):
    rows = [row(name=f"Risky {i}", contact_type="Customer", remarks=text, designation=text[:50])
            for i, text in enumerate(RISKY)] + [row(name="=cmd|' /C calc'!A0", contact_type="Robot", remarks="=1+1")]
    # CSV: openpyxl would store "=…" in the input as a real formula, which a reader sees as its value
    job_id, summary = run(session, admin, csv_file(tmp_path / "risky.csv", rows), now)
    assert summary.created == len(RISKY) and summary.invalid == 1
    out = tmp_path / "export.xlsx"
    export_contacts(session, admin, None, out, now=now)
    for path in (submitting.sheet_path(session, admin, job_id, "result"),
                 submitting.sheet_path(session, admin, job_id, "errors"), out):
        assert_no_formula(path)
    exported = {tuple(cells) for _n, cells in open_sheet(out).rows}
    remarks = {cells[-1] for cells in exported}
    assert {"=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "-5+3"} <= remarks
    errors = read_xlsx(submitting.sheet_path(session, admin, job_id, "errors"))
    assert errors[1][3] == "=cmd|' /C calc'!A0"


def test_risky_cells_are_quote_prefixed_text(tmp_path):
    from hoffice_app.importer.sheets.xlsx_writer import SheetWriter

    with SheetWriter(tmp_path / "q.xlsx") as w:
        w.header(["A"])
        w.row(["=1+1"])
    cell = load_workbook(tmp_path / "q.xlsx").active["A2"]
    assert cell.value == "=1+1" and cell.data_type == "s" and cell.quotePrefix


def test_dry_review_leaves_no_sheets(session, admin, now, tmp_path):
    job_id, _s, _v = review(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]), now)
    state = submitting.progress(session, admin, job_id)
    assert state.status == "reviewed" and not state.has_result and not state.has_errors
