"""Unusable files are refused with one sentence, before anything is written."""
import struct
import zipfile

import pytest
from sqlmodel import func, select

from hoffice_app.importer import jobs
from hoffice_app.importer.errors import FileRefused
from hoffice_app.importer.read.reader import OLE2, Limits, open_sheet, sheet_names
from hoffice_app.models import ImportJob
from tests.importer.helpers import count_contacts, csv_file, upload, xlsx


def refusal(path, **kw) -> str:
    with pytest.raises(FileRefused) as err:
        open_sheet(path, **kw)
    message = err.value.message
    assert message.endswith(".") and "\n" not in message
    return message


def test_wrong_type(tmp_path):
    path = tmp_path / "contacts.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert "cannot be imported; use .xlsx, .xls or .csv" in refusal(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert "empty" in refusal(path)


def test_sheet_without_rows_and_sheet_with_header_only(tmp_path):
    assert "no rows" in refusal(xlsx(tmp_path / "none.xlsx", [], headers=[]))
    assert "header row but no contacts" in refusal(xlsx(tmp_path / "header.xlsx", [[None, None]]))
    assert "header row but no contacts" in refusal(csv_file(tmp_path / "header.csv", []))


def test_corrupt_workbook(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "damaged" in refusal(path)


def test_renamed_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "contacts.xlsx"
    path.write_text("Name,Type\nAsha,Customer\n")
    assert "not a real .xlsx workbook" in refusal(path)


def test_password_protected_workbook(tmp_path):
    path = tmp_path / "locked.xlsx"  # Excel saves an encrypted .xlsx as an OLE2 container
    path.write_bytes(OLE2 + b"\x00" * 600)
    assert "password-protected" in refusal(path)


def test_file_over_the_size_limit(tmp_path):
    path = xlsx(tmp_path / "big.xlsx", [["Asha", "Customer"]] * 50)
    assert "over the 0 MB limit" in refusal(path, limits=Limits(max_bytes=1000))


def test_sheet_over_the_row_limit(tmp_path):
    rows = [[f"Name {i}", "Customer"] for i in range(6)]
    assert "more than 5 rows" in refusal(xlsx(tmp_path / "many.xlsx", rows, ["Name", "Type Of Contact"]),
                                         limits=Limits(max_rows=5))
    assert "more than 5 rows" in refusal(csv_file(tmp_path / "many.csv", rows, ["Name", "Type Of Contact"]),
                                         limits=Limits(max_rows=5))


def test_csv_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("Name,Type Of Contact\nJos\xe9 M\xfcller,Customer\n".encode("latin-1"))
    assert "not UTF-8" in refusal(path)


def test_zip_bomb_by_ratio_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * 20_000_000)
    assert "unsafe" in refusal(path)


def test_zip_bomb_by_unpacked_size(tmp_path):
    path = xlsx(tmp_path / "ok.xlsx", [["Asha", "Customer"]])
    assert "unsafe" in refusal(path, limits=Limits(max_unpacked=1000))


def _lying_sizes(path):
    """Declare the sheet far smaller than it inflates to (a bomb hiding from the directory check)."""
    raw = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", raw, info.header_offset + 22, 50)
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        length = struct.unpack_from("<H", raw, pos + 28)[0]
        if bytes(raw[pos + 46:pos + 46 + length]) == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", raw, pos + 24, 50)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(raw)


def test_member_inflating_past_its_declared_size_is_refused(tmp_path):
    path = xlsx(tmp_path / "liar.xlsx", [["x" * 40, "Customer"] for _ in range(2000)])
    _lying_sizes(path)
    assert "damaged" in refusal(path) or "cannot be read" in refusal(path)


def test_xml_entities_are_not_expanded(tmp_path):
    src = xlsx(tmp_path / "src.xlsx", [["Asha", "Customer"]])
    path = tmp_path / "laughs.xlsx"
    dtd = (b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
           b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = dtd + data.split(b"?>", 1)[-1].replace(b">Asha<", b">&d;<")
            zout.writestr(info.filename, data)
    try:
        sheet = open_sheet(path)
    except FileRefused as err:
        assert "cannot be read" in err.message or "damaged" in err.message
    else:  # read without expanding: the cell must not hold 10,000 characters
        assert all(len(cell) < 100 for _n, cells in sheet.rows for cell in cells)


def test_refused_upload_writes_nothing(session, admin, now, tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(OLE2 + b"\x00" * 600)
    before = count_contacts(session)
    with pytest.raises(FileRefused):
        jobs.start_job(session, admin, stored_path=upload(path), file_name="locked.xlsx", now=now)
    session.rollback()
    assert count_contacts(session) == before
    assert session.exec(select(func.count()).select_from(ImportJob)).one() == 0


def test_sheet_names_lists_every_sheet(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Contacts"
    wb.create_sheet("Vendors")
    wb.save(tmp_path / "two.xlsx")
    assert sheet_names(tmp_path / "two.xlsx") == ["Contacts", "Vendors"]
    assert sheet_names(csv_file(tmp_path / "list.csv", [])) == ["list"]


def test_limits_come_from_settings_when_set(session, admin, now, tmp_path):
    from hoffice_app.models import Setting

    path = xlsx(tmp_path / "three.xlsx", [[f"P{i}", "Customer"] for i in range(3)], ["Name", "Type Of Contact"])
    assert jobs.limits(session).max_rows == 1_048_576 and jobs.limits(session).max_bytes == 50 * 2 ** 20
    session.add(Setting(key="import_max_rows", value="2"))
    session.commit()
    job_id = jobs.start_job(session, admin, stored_path=upload(path), file_name="three.xlsx", now=now)
    with pytest.raises(FileRefused) as err:
        jobs.headers(session, admin, job_id)
    assert "more than 2 rows" in err.value.message
