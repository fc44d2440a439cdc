"""An import worker process (see ``workers.py``):
``python -m hoffice_app.importer.speed.worker_process``.

Reads length-prefixed pickled requests on stdin — only ever written by its
parent, the app — and answers each on stdout with b"K" (or b"E" and the
error text), an 8-byte length and the payload. Exits when stdin closes."""
from __future__ import annotations

import marshal
import pickle
import sys
import traceback

from sqlmodel import Session

from hoffice_app.db import make_engine
from hoffice_app.importer.check.review import check_chunk
from hoffice_app.importer.read.spool import pack
from hoffice_app.importer.sheets.export import rows_of
from hoffice_app.importer.sheets.result_after_commit import write_rows
from hoffice_app.importer.sheets.xlsx_writer import RowFormatter
from hoffice_app.importer.speed.gc_pause import gc_paused

_engines: dict = {}
_jobs: dict = {}  # token -> (url, actor, ctx, columns, policy); ctx keeps its per-column memo across chunks


def check(token: str, job: bytes, staged: str | list[str], offset: int, size: int) -> bytes:
    """Check one staged chunk; returns marshal-ed (packed rows, by_email, by_mobile, labels).
    ``staged``: the sheet's path, or the paths it may have (checked ahead, a sheet still
    being written is renamed when done)."""
    if token not in _jobs:
        _jobs.clear()
        _jobs[token] = pickle.loads(job)
    url, actor, ctx, columns, policy = _jobs[token]
    with gc_paused(), Session(_engine(url)) as session:  # the chunk's ~130,000 cells too: no cycles
        with _open_first([staged] if isinstance(staged, str) else staged) as fh:
            fh.seek(offset)
            chunk = marshal.loads(fh.read(size))
        rows, by_email, by_mobile, labels = check_chunk(session, actor, ctx, columns, chunk, policy)
        return marshal.dumps((pack(rows), dict(by_email), dict(by_mobile), labels))


def _open_first(paths: list[str]):
    for path in paths[:-1]:
        try:
            return open(path, "rb")
        except FileNotFoundError:
            continue
    return open(paths[-1], "rb")


def result_sheet(spool: str, out: str, header: list[str], code_index: int | None, codes: str) -> bytes:
    """The result sheet of a finished import (``result_sheet.write_rows``)."""
    write_rows(spool, out, header, code_index, codes)
    return b""


def export_rows(token: str, job: bytes, ids: list[int], first: int) -> bytes:
    """Sheet XML of the contacts ``ids`` (rows numbered from ``first``), for ``export.py``."""
    if token not in _jobs:
        _jobs.clear()
        _jobs[token] = *pickle.loads(job), RowFormatter()
    url, actor, names, class_codes, employees, formatter = _jobs[token]
    with gc_paused(), Session(_engine(url)) as session:
        rows = rows_of(session, actor, ids, names, class_codes, employees)
        return marshal.dumps("".join(formatter.row(n, values) for n, values in enumerate(rows, start=first)))


def _engine(url: str):
    engine = _engines.get(url)
    if engine is None:
        engine = _engines[url] = make_engine(url)
    return engine


JOBS = {"check": check, "result_sheet": result_sheet, "export_rows": export_rows}


def serve(inp, out) -> None:
    while head := inp.read(8):
        kind, *args = pickle.loads(inp.read(int.from_bytes(head, "little")))
        try:
            status, data = b"K", JOBS[kind](*args)
        except Exception:  # the parent shows the reason; this worker stays usable
            status, data = b"E", traceback.format_exc(limit=3).encode()
        out.write(status + len(data).to_bytes(8, "little"))
        out.write(data)
        out.flush()


if __name__ == "__main__":
    answers = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print() must not corrupt the answers
    serve(sys.stdin.buffer, answers)
