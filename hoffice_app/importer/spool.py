"""Rows kept on disk between the wizard's steps, as pickled chunks.

The staged sheet: the mapping step reads the uploaded file once (calamine
loads a whole sheet even to show its header) and keeps its rows as text, so
the review reads them back in a second instead of parsing the file again.

The reviewed valid rows, kept between review and submit.

Submit must not re-read and re-check a 100,000-row file (that would double
the wait), and must not hold it all in memory either: the review appends
each chunk of accepted rows as one pickle record to a file in the job's
private folder, and submit streams the records back. Only the engine writes
these files, in a folder no upload reaches, so unpickling them is safe.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Iterator

from hoffice_app.importer.normalize import Parsed
from hoffice_app.importer.reader import DEFAULT_LIMITS, Limits, SheetRows, open_sheet

Chunk = list[tuple[Parsed, str]]


STAGE_CHUNK = 5000


class SpoolWriter:
    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("wb")

    def add(self, chunk: Chunk) -> None:
        pickle.dump(chunk, self._fh, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        self._fh.close()


def read_spool(path) -> Iterator[Chunk]:
    with Path(path).open("rb") as fh:
        while True:
            try:
                yield pickle.load(fh)
            except EOFError:
                return


def stage_sheet(path, sheet: str | None, out, limits: Limits = DEFAULT_LIMITS) -> tuple[list[str], int]:
    """Read ``sheet`` of the uploaded file once into ``out``. Returns (header, data rows)."""
    rows = open_sheet(path, sheet, limits)
    writer = SpoolWriter(Path(out).with_suffix(".part"))
    count, chunk = 0, []
    try:
        writer.add([(rows.header_row, rows.header)])
        for item in rows.rows:
            chunk.append(item)
            if len(chunk) >= STAGE_CHUNK:
                writer.add(chunk)
                count, chunk = count + len(chunk), []
        writer.add(chunk)
        count += len(chunk)
    except BaseException:
        writer.close()
        writer.path.unlink(missing_ok=True)
        raise
    writer.close()
    writer.path.replace(out)
    return rows.header, count


def staged(path, total: int) -> SheetRows:
    """The staged sheet as ``SheetRows`` again (``total`` = its data rows)."""
    chunks = read_spool(path)
    (header_row, header), = next(chunks)

    def rows():
        for chunk in chunks:
            yield from chunk
    return SheetRows(header, header_row, total, rows())
