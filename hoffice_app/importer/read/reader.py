"""Opening an uploaded spreadsheet and streaming its rows as text.

- ``.xlsx`` / ``.ods``: python-calamine (Rust; ~15× faster than openpyxl).
  Before calamine sees the file, the zip directory is checked: more than
  500 MB unpacked or a compression ratio over 100:1 is refused (zip bomb).
  A member that inflates past its declared size is refused by calamine's
  zip reader itself ("larger than its declared uncompressed size"), and its
  XML parser (quick-xml) expands no DTD entities: a "billion laughs" file is
  refused as damaged (tests/importer/read/test_reader_refuses_bad_files.py).
- ``.xls`` (BIFF8): xlrd. ``.csv``: the standard library, UTF-8 with or
  without BOM, comma / semicolon / tab detected.

The first non-empty row is the header; rows whose cells are all empty are
skipped (not counted). Every cell arrives as text: Excel's float phone
numbers lose their ``.0``, date cells become ``YYYY-MM-DD``.
"""
from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Iterator

from hoffice_app.importer.errors import FileRefused

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
ACCEPTED = (".xlsx", ".xls", ".csv", ".ods")
SAVE_AS = "Save it from Excel as .xlsx (or CSV UTF-8) and upload it again."


@dataclass(frozen=True)
class Limits:
    """The file limits (the spec's defaults)."""

    max_bytes: int = 50 * 1024 * 1024
    max_rows: int = 1_048_576
    max_unpacked: int = 500 * 1024 * 1024
    max_ratio: float = 100.0


DEFAULT_LIMITS = Limits()


def cell_text(value) -> str:
    """One cell as trimmed text: 9327058088.0 → "9327058088", a date cell → "1980-09-25"."""
    if type(value) is str:
        return value.strip()
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip()


@dataclass
class SheetRows:
    """An opened sheet: its header and an iterator of (row number, cell texts)."""

    header: list[str]
    header_row: int  # 1-based, as the spreadsheet shows it
    estimated_rows: int  # data rows, for progress (empty rows included)
    rows: Iterator[tuple[int, list[str]]]


# ---------------------------------------------------------------- checks

def _kind(path: Path, limits: Limits) -> str:
    """"zip", "xls" or "csv" after the extension, size and first bytes agree."""
    ext = path.suffix.lower()
    if ext not in ACCEPTED:
        raise FileRefused(f"Files of type {ext or '(none)'} cannot be imported; use .xlsx, .xls or .csv.")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        raise FileRefused("The uploaded file could not be read; upload it again.") from None
    if size == 0:
        raise FileRefused("The file is empty; choose the file with your contacts.")
    if size > limits.max_bytes:
        raise FileRefused(f"The file is {size / 2**20:.1f} MB, over the {limits.max_bytes // 2**20} MB limit; "
                          "split it into smaller files.")
    if ext == ".csv":
        return "csv"
    if head.startswith(ZIP):
        return "zip"
    if head.startswith(OLE2):
        if ext == ".xls":
            return "xls"
        raise FileRefused("The workbook is password-protected; remove the password in Excel and upload it again.")
    raise FileRefused(f"The file is not a real {ext} workbook (damaged, or another format renamed). {SAVE_AS}")


def check_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a zip bomb from its directory alone, before any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError):
        raise FileRefused(f"The workbook is damaged and cannot be opened. {SAVE_AS}") from None
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > limits.max_unpacked or unpacked / packed > limits.max_ratio:
        raise FileRefused("The workbook unpacks to far more data than a contact sheet holds, so it was refused "
                          "as unsafe; save the contacts into a new workbook and upload that.")


# ---------------------------------------------------------------- sheet names

def sheet_names(path, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """The sheets a user may pick (a CSV has one, named after the file)."""
    path = Path(path)
    kind = _kind(path, limits)
    if kind == "csv":
        return [path.stem]
    if kind == "xls":
        return _xlrd_book(path).sheet_names()
    check_zip(path, limits)
    with _calamine_book(path) as book:
        return list(book.sheet_names)


# ---------------------------------------------------------------- rows

def open_sheet(path, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS) -> SheetRows:
    """The header and a row iterator of ``sheet`` (the first one when None).
    Raises FileRefused for anything unusable, before the first data row."""
    path = Path(path)
    kind = _kind(path, limits)
    if kind == "csv":
        raw, estimate = _csv_rows(path)
    elif kind == "xls":
        raw, estimate = _xls_rows(path, sheet)
    else:
        check_zip(path, limits)
        raw, estimate = _calamine_rows(path, sheet)
    for number, cells in raw:
        texts = [cell_text(v) for v in cells]
        if any(texts):
            header, header_row = texts, number
            break
    else:
        raise FileRefused("The sheet has no rows; fill in the template and upload it again.")
    while header and not header[-1]:
        header.pop()
    if estimate and estimate - header_row > limits.max_rows:
        raise FileRefused(f"The sheet has more than {limits.max_rows:,} rows; split it into smaller files.")
    rows = _data_rows(raw, len(header), limits)
    first = next(rows, None)
    if first is None:
        raise FileRefused("The sheet has a header row but no contacts under it; add rows and upload it again.")
    return SheetRows(header, header_row, max(estimate - header_row, 1), _chain(first, rows))


def _chain(first, rest):
    yield first
    yield from rest


def _float_text(value: float) -> str:
    """As ``cell_text`` for a float (a phone or PIN is a whole number stored as a float)."""
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else f"{value:.15g}"


# A sheet's million cells are mostly text, whole numbers and dates: these skip cell_text's checks.
QUICK_TEXT = {float: _float_text, date: date.isoformat}


def _data_rows(raw, width: int, limits: Limits) -> Iterator[tuple[int, list[str]]]:
    count = 0
    quick = QUICK_TEXT.get
    for number, cells in raw:
        texts = [v.strip() if type(v) is str else quick(type(v), cell_text)(v) for v in cells[:width]]
        if not any(texts):
            continue
        count += 1
        if count > limits.max_rows:
            raise FileRefused(f"The sheet has more than {limits.max_rows:,} rows; split it into smaller files.")
        if len(texts) < width:
            texts += [""] * (width - len(texts))
        yield number, texts


def _calamine_book(path: Path):
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise FileRefused("The workbook is password-protected; remove the password in Excel and upload it again.") \
            from None
    except Exception:  # calamine's ZipError, XmlError, CalamineError… all mean "cannot be read"
        raise FileRefused(f"The workbook is damaged and cannot be opened. {SAVE_AS}") from None


def _calamine_rows(path: Path, sheet: str | None):
    book = _calamine_book(path)
    try:
        data = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
    except Exception as err:
        if sheet and type(err).__name__ == "WorksheetNotFound":
            raise FileRefused(f"The workbook has no sheet called {sheet!r}; pick one of its sheets.") from None
        raise FileRefused(f"The sheet cannot be read (damaged or unsafe content). {SAVE_AS}") from None
    last = (data.end or (0, 0))[0] + 1

    def rows():  # iter_rows starts at the sheet's first row (A1), whatever the used range
        for i, cells in enumerate(data.iter_rows()):
            yield i + 1, cells
        book.close()
    return rows(), last


def _xlrd_book(path: Path):
    import xlrd

    try:
        return xlrd.open_workbook(str(path), on_demand=True)
    except xlrd.biffh.XLRDError as err:
        if "encrypt" in str(err).lower():
            raise FileRefused("The workbook is password-protected; remove the password in Excel and upload it "
                              "again.") from None
        raise FileRefused(f"The .xls workbook cannot be read. {SAVE_AS}") from None
    except Exception:
        raise FileRefused(f"The .xls workbook is damaged and cannot be opened. {SAVE_AS}") from None


def _xls_rows(path: Path, sheet: str | None):
    import xlrd

    book = _xlrd_book(path)
    try:
        data = book.sheet_by_name(sheet) if sheet else book.sheet_by_index(0)
    except xlrd.biffh.XLRDError:
        raise FileRefused(f"The workbook has no sheet called {sheet!r}; pick one of its sheets.") from None

    def value(cell):
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return cell.value
        if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return ""
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        return cell.value

    def rows():
        for r in range(data.nrows):
            yield r + 1, [value(c) for c in data.row(r)]
        book.release_resources()
    return rows(), data.nrows


def _csv_rows(path: Path):
    fh = path.open("r", encoding="utf-8-sig", newline="")
    try:
        sample = fh.read(65536)
        fh.seek(0)
        if sample.startswith("\ufeff"):  # a second BOM is still a BOM
            fh.read(1)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
    except UnicodeDecodeError:
        fh.close()
        raise FileRefused("The CSV file is not UTF-8 text; save it from Excel as \"CSV UTF-8\" and upload it again.") \
            from None
    if "\x00" in sample:
        fh.close()
        raise FileRefused("The CSV file is not text (it looks like a binary file); save it as CSV UTF-8.")

    lines = sample.count("\n") or 1
    estimate = round(path.stat().st_size / max(len(sample.encode()) / lines, 1))

    def rows():
        with fh:
            try:
                for n, cells in enumerate(csv.reader(fh, dialect), start=1):
                    yield n, cells
            except UnicodeDecodeError:
                raise FileRefused("The CSV file is not UTF-8 text; save it from Excel as \"CSV UTF-8\" and upload "
                                  "it again.") from None
            except csv.Error:
                raise FileRefused("The CSV file is malformed (unbalanced quotes?); check it and upload it again.") \
                    from None
    return rows(), estimate
