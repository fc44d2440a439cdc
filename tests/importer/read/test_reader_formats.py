"""The three accepted formats read the same values."""
from pathlib import Path

from hoffice_app.importer.read.reader import open_sheet, sheet_names
from tests.importer.helpers import csv_file, xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # tests/importer/fixtures


def test_xls_read_with_xlrd_numbers_and_dates_as_text():
    assert sheet_names(FIXTURES / "contacts.xls") == ["Contacts", "Notes"]
    sheet = open_sheet(FIXTURES / "contacts.xls")
    assert sheet.header[:4] == ["Name", "Type Of Contact", "Email Address", "Mobile Number"]
    rows = list(sheet.rows)
    assert rows[0] == (2, ["Kaveri Polymers", "Customer", "sales@kaveri.example.in", "9327058088", "380015",
                           "1980-09-25", "900000"])


def test_xls_other_sheet_by_name_is_read_instead():
    import pytest

    from hoffice_app.importer.errors import FileRefused

    with pytest.raises(FileRefused) as err:  # "Notes" holds one line: a header without contacts
        open_sheet(FIXTURES / "contacts.xls", "Notes")
    assert "header row but no contacts" in err.value.message


def test_csv_with_and_without_bom_reads_the_same(tmp_path):
    rows = [["Asha Traders", "Customer", "9327058088"]]
    headers = ["Name", "Type Of Contact", "Mobile Number"]
    with_bom = open_sheet(csv_file(tmp_path / "bom.csv", rows, headers, bom=True))
    without = open_sheet(csv_file(tmp_path / "plain.csv", rows, headers))
    assert with_bom.header == without.header == headers
    assert list(with_bom.rows) == list(without.rows) == [(2, rows[0])]


def test_semicolon_csv_is_detected(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("Name;Type Of Contact\nAsha;Customer\n", encoding="utf-8")
    assert list(open_sheet(path).rows) == [(2, ["Asha", "Customer"])]


def test_first_non_empty_row_is_the_header_and_empty_rows_are_skipped(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append([])
    ws.append(["Name", "Type Of Contact"])
    ws.append(["Asha", "Customer"])
    ws.append([None, None])
    ws.append(["Ravi", "Vendor"])
    wb.save(tmp_path / "gaps.xlsx")
    sheet = open_sheet(tmp_path / "gaps.xlsx")
    assert sheet.header == ["Name", "Type Of Contact"] and sheet.header_row == 2
    assert list(sheet.rows) == [(3, ["Asha", "Customer"]), (5, ["Ravi", "Vendor"])]


def test_excel_float_phone_and_date_cells_become_text(tmp_path):
    from datetime import date, datetime

    path = xlsx(tmp_path / "n.xlsx", [[9327058088.0, date(1980, 9, 25), datetime(2001, 2, 3), 1234.5]],
                ["Mobile Number", "Date Of Birth", "Anniversary Date", "Annual Revenue"])
    assert list(open_sheet(path).rows) == [(2, ["9327058088", "1980-09-25", "2001-02-03", "1234.5"])]


def test_an_xls_file_imports_end_to_end(session, admin, now, tmp_path):
    import shutil

    from tests.importer.helpers import by_email, run

    path = tmp_path / "contacts.xls"
    shutil.copyfile(FIXTURES / "contacts.xls", path)
    _job, summary = run(session, admin, path, now)
    assert (summary.total, summary.created) == (2, 2)
    kaveri = by_email(session, "sales@kaveri.example.in")
    assert str(kaveri.date_of_birth) == "1980-09-25" and str(kaveri.annual_revenue) in ("900000", "900000.00")


def test_quick_cell_conversions_equal_cell_text():
    from datetime import date

    from hoffice_app.importer.read.reader import QUICK_TEXT, cell_text

    for value in [9327058088.0, 0.5, 1e17, -3.0, 12345678901234567.0, 1 / 3, -0.0, 2.0 ** 53, float("nan"),
                  date(1980, 9, 25), date(1, 1, 1)]:
        assert QUICK_TEXT[type(value)](value) == cell_text(value), value
