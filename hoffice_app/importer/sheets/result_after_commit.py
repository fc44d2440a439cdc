"""The result sheet of a finished import, written just after its commit.

Writing 100,000 rows of xlsx is ~5 s of one core. Done while the rows are
written it competed with the import for the machine's cores (measured: the
submit took 1.3 s longer); so the submit only keeps each written row's
Contact Code (``save_codes``, keyed by the row's number in the file, in the
same transaction's time), commits, shows the summary, and the sheet is
written from the spooled rows and those codes right after: by a worker
process in the background for a big import (``build_later``), at once for a
small one. Until the file is there, ``state`` says "pending" (the wizard shows
"preparing" and keeps watching), and ``ensure`` — which every download goes
through, outside any transaction — waits for the build under way or, if none
is (it failed, or the server was restarted meanwhile: "on_demand"), writes the
sheet itself. Files appear whole or not at
all (written under a temporary name, then renamed).
"""
from __future__ import annotations

import logging
import marshal
import os
import secrets
import threading
import time
from pathlib import Path

from hoffice_app.importer.read.spool import read_spool
from hoffice_app.importer.sheets.result_error import ResultSheet
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.importer.speed.gc_pause import gc_paused

RESULT, CODES, FAILED = "result.xlsx", "codes.bin", "result.failed"
STALE_SECONDS = 10 * 60  # a build this old that left no sheet died with its process (100,000 rows: 5 s)
log = logging.getLogger(__name__)
_lock = threading.Lock()  # guards _builds
_builds: dict[str, threading.Lock] = {}  # job folder -> held while its sheet is written


def _forget_after_fork() -> None:
    """A forked child has none of the parent's build threads: locks they held would never be
    released there (a download would wait forever), so the child starts with none."""
    global _lock, _builds
    _lock, _builds = threading.Lock(), {}


os.register_at_fork(after_in_child=_forget_after_fork)


def save_codes(folder: Path, codes: dict[int, str]) -> None:
    """Each written row's Contact Code by its row number (rows not written are absent)."""
    tmp = folder / f".{CODES}.part"
    tmp.write_bytes(marshal.dumps(codes))
    os.replace(tmp, folder / CODES)


def write_rows(spool: str, out: str, header: list[str], code_index: int | None, codes_path: str) -> None:
    """The spooled rows that were written, in file order, each with its code (also run by a worker)."""
    codes = marshal.loads(Path(codes_path).read_bytes())
    with gc_paused(), ResultSheet(out, header, code_index) as sheet:
        for chunk in read_spool(spool):
            for _action, _target, blob in chunk:
                _a, number, cells, *_rest = marshal.loads(blob)
                code = codes.get(number)
                if code is not None:
                    sheet.add(marshal.loads(cells), code)  # packed apart (spool.packed_cells)


def state(folder: Path, now: float | None = None) -> str:
    """"ready"; "pending" (being written now); "on_demand" (not written — the build failed
    or died with its process — so a download writes it); or "none" (this job has none)."""
    if (folder / RESULT).exists():
        return "ready"
    try:
        written = (folder / CODES).stat().st_mtime
    except OSError:
        return "none"
    if (folder / FAILED).exists() or (now or time.time()) - written > STALE_SECONDS:
        return "on_demand"
    return "pending"


def build_later(folder: Path, spool: Path, header: list[str], code_index: int | None) -> threading.Thread | None:
    """Write the sheet in a background thread (its rows by a worker process when one is free):
    for a big import, whose summary should not wait ~5 s for it. None if a download is
    already writing it."""
    lock = _lock_of(folder)
    if not lock.acquire(blocking=False):  # a download asked for it first and is writing it
        return None

    def run():
        try:
            _build(folder, spool, header, code_index, worker=True)
        except Exception as err:  # noqa: BLE001 — shown as "on demand": a download writes it again
            log.exception("writing the result sheet of %s failed", folder)
            (folder / FAILED).write_text(f"{type(err).__name__}: {err}")
        finally:
            lock.release()
    thread = threading.Thread(target=run, name=f"result-sheet-{folder.name}", daemon=True)
    thread.start()
    return thread


def ensure(folder: Path, spool: Path, header: list[str], code_index: int | None) -> Path:
    """The result sheet, written now if it is not there yet (waits for a build under way)."""
    path = folder / RESULT
    with _lock_of(folder):
        if not path.exists():
            _build(folder, spool, header, code_index, worker=False)
            (folder / FAILED).unlink(missing_ok=True)
    return path


def _lock_of(folder: Path) -> threading.Lock:
    with _lock:
        return _builds.setdefault(str(folder), threading.Lock())


def _build(folder: Path, spool: Path, header: list[str], code_index: int | None, worker: bool) -> None:
    """``worker``: let a worker process write the rows if one is free (else this thread does)."""
    if (folder / RESULT).exists():
        return
    codes_path = folder / CODES
    # A name of its own: another server process may be writing the same sheet meanwhile.
    out = folder / f".result-{os.getpid()}-{secrets.token_hex(4)}.xlsx"
    args = (str(spool), str(out), header, code_index, str(codes_path))
    aside = parallel.run_aside("result_sheet", *args) if worker else None
    try:
        if aside is not None:
            aside.wait()
        else:
            write_rows(*args)
        os.replace(out, folder / RESULT)
    finally:
        out.unlink(missing_ok=True)
