"""The streaming writer's row templates write every kind of cell as it was
given: empty gaps, risky starts (kept as text, quote-prefixed), edge spaces,
XML specials and forbidden control characters (dropped)."""
import zipfile

from hoffice_app.importer.sheets.xlsx_writer import SheetWriter
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
