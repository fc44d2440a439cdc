"""The streaming writer's row templates write every kind of cell as it was
given: empty gaps, risky starts (kept as text, quote-prefixed), edge spaces,
XML specials and forbidden control characters (dropped); dates, numbers and amounts as typed
cells where a spreadsheet keeps them exactly."""
import zipfile
from datetime import date, datetime, timezone
from decimal import Decimal

import openpyxl

from hoffice_app.importer.sheets.xlsx_writer import Amount, SheetWriter
from tests.importer.helpers import read_xlsx


def test_rows_of_every_pattern_round_trip(tmp_path):
    rows = [["plain", "", "text", 12, None],
            ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab"],
            [" lead", "trail ", "a & b < c > d", "bell\x07", ""],
            ["plain", "", "text", 12, None],  # the first row's template again
            ["", "", "", "", "last"]]
    path = tmp_path / "t.xlsx"
    with SheetWriter(path, "T") as w:
        w.header(["A", "B", "C", "D", "E"], {0})
        for r in rows:
            w.row(r)
    got = [r + [""] * (5 - len(r)) for r in read_xlsx(path)]
    assert got[1:] == [["plain", "", "text", "12", ""], ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab"],
                       [" lead", "trail ", "a & b < c > d", "bell", ""], ["plain", "", "text", "12", ""],
                       ["", "", "", "", "last"]]
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and xml.count(' s="1"') == 5  # no formula; each risky cell quote-prefixed
    assert '<c r="E6" t="inlineStr">' in xml and xml.count('xml:space="preserve"') == 3


def test_dates_numbers_and_amounts_are_typed_cells_unless_a_spreadsheet_would_change_them(tmp_path):
    path = tmp_path / "typed.xlsx"
    with SheetWriter(path, "T") as w:
        w.header(["Text", "Day", "Moment", "Number", "Amount"])
        w.row(["a", date(2026, 12, 31), datetime(2026, 12, 31, 10, 30), Decimal("12.5000"), Amount("150000.00")])
        w.row(["bell\x07", date(2026, 1, 1), None, Decimal("-3"), Amount("0.50")])  # a dropped character too
        w.row(["b", date(1900, 2, 28), datetime(2026, 1, 1, tzinfo=timezone.utc), Decimal("12345678901234567.8"), ""])
    got = read_xlsx(path)[1:]
    assert got[0] == ["a", date(2026, 12, 31), datetime(2026, 12, 31, 10, 30), 12.5, 150000.0]
    assert got[1] == ["bell", date(2026, 1, 1), "", -3.0, 0.5]
    # Excel misdates days before 1 March 1900, keeps 15 digits, and has no time zones: text instead
    assert got[2] == ["b", "1900-02-28", "2026-01-01 00:00+00:00", "12345678901234567.8", ""]
    sheet = openpyxl.load_workbook(path).active
    assert [c.number_format for c in sheet[2]] == ["General", "yyyy\\-mm\\-dd", "yyyy\\-mm\\-dd\\ hh:mm", "0.0###",
                                                   "#,##0.00"]
    assert sheet["D3"].number_format == "0"  # a whole number never shows as 1.23E+12
    assert "<f>" not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
