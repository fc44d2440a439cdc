"""What the importer hands back: result sheet with codes first, error sheet with reasons, no formulas."""
import threading
import zipfile

from openpyxl import load_workbook

from hoffice_app.importer import submit as submitting
from hoffice_app.importer.export import export_contacts
from hoffice_app.importer.reader import open_sheet
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
    from hoffice_app.importer.xlsxwrite import SheetWriter

    with SheetWriter(tmp_path / "q.xlsx") as w:
        w.header(["A"])
        w.row(["=1+1"])
    cell = load_workbook(tmp_path / "q.xlsx").active["A2"]
    assert cell.value == "=1+1" and cell.data_type == "s" and cell.quotePrefix


def test_dry_review_leaves_no_sheets(session, admin, now, tmp_path):
    job_id, _s, _v = review(session, admin, xlsx(tmp_path / "a.xlsx", [row(name="A", contact_type="Customer")]), now)
    state = submitting.progress(session, admin, job_id)
    assert state.status == "reviewed" and not state.has_result and not state.has_errors


def test_a_big_imports_result_sheet_is_written_just_after_its_summary(session, admin, now, tmp_path, monkeypatch):
    from hoffice_app.importer import parallel, result_sheet

    monkeypatch.setattr(parallel, "MIN_ROWS", 1)  # "big": written in the background
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "0")  # by the background thread itself
    release, real = threading.Event(), result_sheet.write_rows

    def slow(*args):
        release.wait(10)
        real(*args)
    monkeypatch.setattr(result_sheet, "write_rows", slow)
    path = xlsx(tmp_path / "b.xlsx", [row(name=f"Person {i}", contact_type="Customer") for i in range(3)])
    job_id, summary = run(session, admin, path, now)
    assert summary.created == 3
    state = submitting.progress(session, admin, job_id)
    assert state.status == "done" and state.result_pending and not state.has_result
    release.set()
    sheet = read_xlsx(submitting.sheet_path(session, admin, job_id, "result"))  # waits for the build
    name = sheet[0].index("Name")
    assert [line[name] for line in sheet[1:]] == ["Person 0", "Person 1", "Person 2"]
    state = submitting.progress(session, admin, job_id)
    assert state.has_result and not state.result_pending


def test_a_result_sheet_not_written_before_a_restart_is_written_when_downloaded(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [["Asha Traders", "Customer"], ["Bela Exports", "Vendor"]],
                ["Name", "Type Of Contact"])
    job_id, _summary = run(session, admin, path, now)
    first = read_xlsx(submitting.sheet_path(session, admin, job_id, "result"))
    submitting.sheet_path(session, admin, job_id, "result").unlink()  # the server stopped before writing it
    assert submitting.progress(session, admin, job_id).result_pending
    assert read_xlsx(submitting.sheet_path(session, admin, job_id, "result")) == first
    assert [line[0] for line in first[1:]] == [code_named(session, "Asha Traders"),
                                               code_named(session, "Bela Exports")]


def code_named(session, name: str) -> str:
    from sqlmodel import select

    from hoffice_app.models import Contact
    return session.exec(select(Contact.code).where(Contact.name == name)).one()


def test_the_command_line_hands_over_a_big_imports_result_sheet(session, admin, now, tmp_path, monkeypatch):
    from hoffice_app.importer import parallel, result_sheet, run as cli_run

    monkeypatch.setattr(parallel, "MIN_ROWS", 1)  # "big": the sheet is written after the summary
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "0")
    real = result_sheet.write_rows

    def slow(*args):
        threading.Event().wait(0.5)  # still being written when import_file has the summary
        real(*args)
    monkeypatch.setattr(result_sheet, "write_rows", slow)
    path = xlsx(tmp_path / "c.xlsx", [["Asha Traders", "Customer"], ["Bela Exports", "Vendor"]],
                ["Name", "Type Of Contact"])
    out = tmp_path / "out.xlsx"
    summary = cli_run.import_file(path, result_out=out, now=now)
    assert summary["created"] == 2
    assert [line[1] for line in read_xlsx(out)[1:]] == ["Asha Traders", "Bela Exports"]
