"""Rows kept on disk between the wizard's steps, as length-prefixed chunks.

The staged sheet: the mapping step reads the uploaded file once (calamine
loads a whole sheet even to show its header) and keeps its rows as text, so
the review reads them back in a second instead of parsing the file again.

The reviewed valid rows, kept between review and submit: submit must not
re-read and re-check a 100,000-row file (that would double the wait), nor
hold it all in memory. Each chunk of accepted rows is one record of
(action, target, row bytes) — the row bytes as the check made them
(``pack``), so the review never decodes a row it only passes on — and
submit streams the records back (``read_rows``).

Records are ``marshal``-ed plain tuples, not pickled objects: for 100,000
rows × 56 columns pickling the row objects cost ~7 s to save and load;
plain tuples of str/int (dates as ordinals, amounts as text) take a
fraction of that. Only the engine writes these files, in the private job
folder no upload reaches. A job reviewed by an older version of this
format fails at submit with nothing written, and is simply reviewed again.
"""
from __future__ import annotations

import marshal
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from hoffice_app.importer.check.normalize import Facts, Parsed
from hoffice_app.importer.read.reader import DEFAULT_LIMITS, Limits, SheetRows, open_sheet
from hoffice_app.importer.speed.gc_pause import gc_paused

Chunk = list[tuple[Parsed, str]]


STAGE_CHUNK = 2000  # also the unit of work handed to a worker process (speed/workers.py)


class SpoolWriter:
    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("wb")
        self.offset = 0

    def add(self, chunk: list) -> tuple[int, int]:
        """A chunk of plain values (str, int, float, bool, None, tuples, lists, dicts); returns
        where its data lies in the file (offset, size), as ``read_spool`` finds it."""
        data = marshal.dumps(chunk)
        self._fh.write(len(data).to_bytes(8, "little"))
        self._fh.write(data)
        at, self.offset = self.offset + 8, self.offset + 8 + len(data)
        return at, len(data)

    def flush(self) -> None:
        self._fh.flush()

    def add_packed(self, chunk: list[tuple["Packed", str]]) -> None:
        """Accepted rows with their action; a row's bytes are stored as the check made them."""
        self.add([(action, facts_tuple(p.target), p.blob) for p, action in chunk])

    def close(self) -> None:
        self._fh.close()


def read_spool(path) -> Iterator[list]:
    with Path(path).open("rb") as fh:
        while size := fh.read(8):
            yield marshal.loads(fh.read(int.from_bytes(size, "little")))


def read_rows(path) -> Iterator[Chunk]:
    """The valid rows as ``add_packed`` stored them."""
    for chunk in read_spool(path):
        out = []
        for action, target, blob in chunk:
            row = decode_row(marshal.loads(blob))[0]
            row.target = facts(target)
            out.append((row, action))
        yield out


def update_targets(path) -> list[int]:
    """The ids of the contacts the spooled rows update (their bytes stay packed)."""
    return [target[0] for chunk in read_spool(path) for action, target, _blob in chunk
            if action == "update" and target is not None]


class Packed:
    """A checked row as the review's decisions need it (the fields ``Decider`` reads, and a
    valid row's warnings for the review page); the whole row stays marshal-ed in ``blob``
    until someone needs it (``row()``): most rows go from the worker that checked them to
    the spool without being decoded — valid rows with warnings too (a sheet where every
    row warns cost ~100 µs a row to decode its 56 cells)."""

    __slots__ = ("number", "code", "target", "email", "mobiles", "invalid", "warnings", "blob")

    def __init__(self, number, code, target, email, mobiles, invalid, warnings, blob):
        self.number, self.code, self.target, self.email = number, code, facts(target), email
        self.mobiles, self.invalid, self.warnings, self.blob = mobiles, invalid, warnings, blob

    def row(self) -> Parsed:
        row = decode_row(marshal.loads(self.blob))[0]
        row.target = self.target
        return row


def pack(rows: list[Parsed]) -> list[tuple]:
    """Checked rows as plain tuples for ``Packed`` (what a worker sends back)."""
    return [(r.number, r.code, facts_tuple(r.target), r.email, r.mobiles, bool(r.errors), r.warnings,
             marshal.dumps(encode_row(r, ""))) for r in rows]


def unpack(items: list[tuple]) -> list[Packed]:
    return [Packed(*item) for item in items]


DATES = ("date_of_birth", "anniversary", "date_of_death")


def _day(value: date | None):
    return value.toordinal() if value is not None else None


def encode_row(row: Parsed, action: str) -> tuple:
    values = dict(row.values)
    for key in DATES:
        if values.get(key) is not None:
            values[key] = values[key].toordinal()
    if values.get("annual_revenue") is not None:
        values["annual_revenue"] = str(values["annual_revenue"])
    return (action, row.number, packed_cells(row), row.code, facts_tuple(row.target), values, row.email, row.phones,
            row.address, row.aliases, row.category_ids, row.division_ids, row.privacy_ids, row.relation_id,
            row.relation_to, row.related_id, row.reference, row.errors, row.warnings, row.custom)


def packed_cells(row: Parsed) -> bytes:
    """The row's cells, marshal-ed apart from the rest of the row: the submit decodes every
    row it writes but needs the cells only of a row it drops (at 100,000 rows × 56 cells
    decoding them cost its thread ~0.4 s); the result sheet decodes them when it writes them."""
    return row.cells if isinstance(row.cells, bytes) else marshal.dumps(row.cells)


def cells_of(row: Parsed) -> list[str]:
    """The row's cells as text, however the row came (checked, or read back from a spool)."""
    return marshal.loads(row.cells) if isinstance(row.cells, bytes) else row.cells


def decode_row(item: tuple) -> tuple[Parsed, str]:
    """A row as ``encode_row`` stored it; its cells stay packed (``cells_of`` unpacks them)."""
    action, number, cells, code, target, values, *rest = item
    for key in DATES:
        if values.get(key) is not None:
            values[key] = date.fromordinal(values[key])
    if values.get("annual_revenue") is not None:
        values["annual_revenue"] = Decimal(values["annual_revenue"])
    return Parsed(number, cells, code, facts(target), values, *rest), action


def facts_tuple(t: Facts | None) -> tuple | None:
    return (t.id, t.code, t.name, t.country, _day(t.date_of_birth), _day(t.date_of_death)) if t else None


def facts(t: tuple | None) -> Facts | None:
    if t is None:
        return None
    tid, code, name, country, born, died = t
    return Facts(tid, code, name, country, born and date.fromordinal(born), died and date.fromordinal(died))


def stage_sheet(path, sheet: str | None, out, limits: Limits = DEFAULT_LIMITS,
                on_header=None) -> tuple[list[str], int]:
    """Read ``sheet`` of the uploaded file once into ``out``. Returns (header, data rows).
    ``on_header(header, estimated rows)``, once the header is read, may return an
    ``ahead.Ahead`` to be fed each chunk as it is written (under ``out``'s ``.part`` name)."""
    with gc_paused():
        return _stage(open_sheet(path, sheet, limits), out, on_header)


def _stage(rows: SheetRows, out, on_header=None) -> tuple[list[str], int]:
    writer = SpoolWriter(Path(out).with_suffix(".part"))
    count, chunk = 0, []
    ahead = None
    try:
        writer.add([(rows.header_row, rows.header)])
        ahead = on_header(rows.header, rows.estimated_rows) if on_header else None

        def add(chunk: list) -> None:
            at = writer.add(chunk)
            if ahead is not None:
                writer.flush()
                ahead.feed(*at)
        for item in rows.rows:
            chunk.append(item)
            if len(chunk) >= STAGE_CHUNK:
                add(chunk)
                count, chunk = count + len(chunk), []
        add(chunk)
        count += len(chunk)
    except BaseException:
        if ahead is not None:
            ahead.cancel()
        writer.close()
        writer.path.unlink(missing_ok=True)
        raise
    if ahead is not None:
        ahead.end()
    writer.close()
    writer.path.replace(out)
    return rows.header, count


def samples(path, width: int, *, per_column: int = 2, scan: int = 500) -> list[list[str]]:
    """The first non-empty values of each column of a staged sheet (at most ``per_column``,
    from its first ``scan`` data rows): what the mapping step shows beside each header."""
    found: list[list[str]] = [[] for _ in range(width)]
    seen = 0
    chunks = read_spool(path)
    next(chunks, None)  # the header
    for chunk in chunks:
        for _number, cells in chunk:
            for i, cell in enumerate(cells[:width]):
                text = str(cell or "").strip()
                if text and len(found[i]) < per_column and text not in found[i]:
                    found[i].append(text[:60])
            seen += 1
            if seen >= scan or all(len(f) >= per_column for f in found):
                return found
    return found


def staged(path, total: int) -> SheetRows:
    """The staged sheet as ``SheetRows`` again (``total`` = its data rows)."""
    chunks = read_spool(path)
    (header_row, header), = next(chunks)

    def rows():
        for chunk in chunks:
            yield from chunk
    return SheetRows(header, header_row, total, rows())
