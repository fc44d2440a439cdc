"""The sheets an import hands back.

- Result sheet: the imported rows as they were in the file, with their
  Contact Code in the first column (a new contact's new code), ready to be
  the starting point of a second import (associated contacts, corrections).
- Error sheet: the invalid and duplicate rows as they were, plus a Reason
  column; once fixed it can be uploaded again (the Reason column is ignored
  by the automatic mapping, and a row's Contact Code, if any, is kept).
Both use the streaming writer, so no value is ever written as a formula.
"""
from __future__ import annotations

from typing import Iterable

from hoffice_app.importer.read.columns import BY_KEY, MANDATORY, header_key
from hoffice_app.importer.sheets.xlsx_writer import SheetWriter

REASON = "Reason"


def _mandatory(headers: list[str]) -> set[int]:
    wanted = {header_key(BY_KEY[k].header) for k in MANDATORY}
    return {i for i, h in enumerate(headers) if header_key(h) in wanted}


class ResultSheet:
    """Rows with their code; the file's Contact Code column (if mapped) moves to the front."""

    def __init__(self, path, headers: list[str], code_index: int | None):
        self.code_index = code_index
        self.rest = [i for i in range(len(headers)) if i != code_index]
        self.headers = [BY_KEY["contact_code"].header] + [headers[i] for i in self.rest]
        self.width = len(headers)
        self.writer = SheetWriter(path, "Imported contacts")

    def __enter__(self) -> "ResultSheet":
        self.writer.__enter__()
        self.writer.header(self.headers, _mandatory(self.headers))
        return self

    def add(self, cells: list[str], code: str) -> None:
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        if self.code_index is None:
            self.writer.row([code, *cells])
        else:
            self.writer.row([code, *cells[:self.code_index], *cells[self.code_index + 1:]])

    def __exit__(self, *exc) -> None:
        self.writer.__exit__(*exc)


def write_error_sheet(path, headers: list[str], rows: Iterable[tuple[list[str], str]]) -> int:
    """``rows``: (cells as read, reason). Returns how many rows were written."""
    out = list(headers) + [REASON]
    with SheetWriter(path, "Rows not imported") as w:
        w.header(out, _mandatory(out))
        for cells, reason in rows:
            w.row(list(cells) + [""] * (len(headers) - len(cells)) + [reason])
    return w.rows_written - 1

