"""Checking a big sheet's rows while it is still being read ("checking ahead").

The mapping step reads the uploaded file and stages its rows (``spool.stage_sheet``); the
review then checks them with the mapping, which most imports keep as proposed. So once the
header is read and a mapping proposed, each staged chunk goes to the import workers as soon as
it is written: the checks use the other core while this process converts the rest of the
sheet, and go on while the user looks at the mapping. Measured at 100,000 rows × 66 columns:
staging keeps one core busy for ~1.7 s, in which the workers had nothing to do.

The review takes those answers only if nothing they depend on has changed
(``Ahead.matches``): the same staged sheet, the same check job — mapping, context (masters,
settings, custom fields, the day), actor and policy, compared as the pickled bytes the workers
were given — and the same contacts (``jobs.contacts_watermark``, taken before the first chunk
was sent). Otherwise it drops them and checks as it always did. One sheet is checked ahead at
a time per process (the workers serve one review at a time): a newer one, or a deleted job,
cancels it; answers not taken within ``KEEP_S`` are dropped.
"""
from __future__ import annotations

import queue
import threading
import time
from pathlib import Path
from typing import Iterator

from hoffice_app.importer.speed import workers as parallel

KEEP_S = 600.0
IN_MEMORY = 256 * 2 ** 20  # bytes of answers held in memory; the rest waits in a file

_lock = threading.Lock()
_current: "Ahead | None" = None


class Ahead:
    """The checks of one staged sheet, sent to the workers as its chunks are written. Their
    answers are kept as the workers sent them: in memory up to ``IN_MEMORY`` bytes (a
    100,000-row sheet's fit, and need not go to the disk the submit's commit writes to next),
    the rest in a file beside the sheet (``.ahead``), so a bigger sheet waiting for its review
    holds disk, not memory."""

    def __init__(self, job_id: int, staged: Path, job: bytes, watermark):
        self.job_id, self.staged, self.job, self.watermark = job_id, Path(staged), job, watermark
        self.started = time.monotonic()
        self._file = self.staged.with_suffix(".ahead")
        self._requests: queue.Queue = queue.Queue()
        self._answers: list[bytes | tuple[int, int]] = []  # in file order: an answer, or where it is in the file
        self._held = 0  # bytes of answers in memory
        self._changed = threading.Condition()
        self._finished = False
        self._failed = False
        self._cancelled = False
        self._taken = False
        self._thread = threading.Thread(target=self._run, name="import-check-ahead", daemon=True)
        self._thread.start()

    def feed(self, offset: int, size: int) -> None:
        """A chunk just written to the staged sheet (still under its ``.part`` name)."""
        self._requests.put((offset, size))

    def end(self) -> None:
        """Every chunk has been fed."""
        self._requests.put(None)

    def cancel(self) -> None:
        """Stop checking (the answers on their way are read and dropped, so the workers stay
        up) and forget the answers; returns once the workers are free again (a review that
        follows needs them)."""
        with self._changed:
            self._cancelled = True
            self._answers = []
            self._changed.notify_all()
        self._requests.put(None)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=60)
        self._file.unlink(missing_ok=True)

    def matches(self, staged: Path, job: bytes) -> bool:
        """Whether these checks are the ones a review of ``staged`` with ``job`` would make (the
        caller has compared the contacts' watermark: ``jobs.review``)."""
        return not self._cancelled and not self._failed and Path(staged) == self.staged and job == self.job

    def answers(self) -> Iterator[bytes] | None:
        """The answers in order, waiting for those still being checked; None if checking
        failed before the first (the caller checks the sheet itself)."""
        with self._changed:
            self._changed.wait_for(lambda: self._answers or self._finished)
            if self._failed and not self._answers:
                return None
        return self._each()

    def _each(self) -> Iterator[bytes]:
        i = 0
        with self._file.open("rb") as fh:
            while True:
                with self._changed:
                    self._changed.wait_for(lambda i=i: i < len(self._answers) or self._finished)
                    if i >= len(self._answers):
                        if self._failed:
                            raise parallel.WorkerFailed("an import worker failed while checking the sheet")
                        return
                    kept, self._answers[i] = self._answers[i], b""  # handed on: not held twice
                if type(kept) is bytes:
                    yield kept
                else:
                    fh.seek(kept[0])
                    yield fh.read(kept[1])
                i += 1

    def _requests_until_cancelled(self) -> Iterator[tuple]:
        part = str(self.staged.with_suffix(".part"))
        for offset, size in iter(self._requests.get, None):
            if self._cancelled:
                return
            yield "check", self.job, [part, str(self.staged)], offset, size

    def _run(self) -> None:
        try:
            with self._file.open("wb") as out, \
                    parallel.in_order(self._requests_until_cancelled(), raw=True) as answers:
                if answers is None:  # the workers are busy with another review
                    self._failed = True
                    return
                at = 0
                for answer in answers:  # after a cancel: only those already asked for, dropped
                    if self._cancelled:
                        continue
                    if self._held + len(answer) > IN_MEMORY:
                        out.write(answer)
                        out.flush()
                        answer, at = (at, len(answer)), at + len(answer)
                    else:
                        self._held += len(answer)
                    with self._changed:
                        self._answers.append(answer)
                        self._changed.notify_all()
        except BaseException:
            self._failed = True
        finally:
            with self._changed:
                self._finished = True
                self._changed.notify_all()
                left = KEEP_S - (time.monotonic() - self.started)
                if not self._changed.wait_for(lambda: self._taken or self._cancelled, timeout=max(left, 0)):
                    self._cancelled, self._answers = True, []  # never taken
            if self._cancelled:
                self._file.unlink(missing_ok=True)


def start(job_id: int, staged: Path, job: bytes, watermark) -> Ahead:
    """Check ``staged`` ahead (cancelling any other sheet being checked ahead)."""
    global _current
    forget()  # first: the workers must be free for the new one
    ahead = Ahead(job_id, staged, job, watermark)
    with _lock:
        old, _current = _current, ahead
    if old is not None:  # started meanwhile by another request
        old.cancel()
    return ahead


def take(job_id: int) -> Ahead | None:
    """The sheet of ``job_id`` checked ahead, handed over once; None if there is none."""
    global _current
    with _lock:
        ahead = _current
        if ahead is None or ahead.job_id != job_id:
            return None
        _current = None
    with ahead._changed:
        if ahead._cancelled:
            return None
        ahead._taken = True
        ahead._changed.notify_all()
    return ahead


def forget(job_id: int | None = None) -> None:
    """Cancel the sheet of ``job_id`` (any, when None) being checked ahead."""
    global _current
    with _lock:
        ahead = _current
        if ahead is None or job_id not in (None, ahead.job_id):
            return
        _current = None
    ahead.cancel()


def begin(session, actor, job_id: int, staged: Path, header: list[str], mapping: dict[int, str],
          custom: dict[str, str], watermark, now) -> Ahead | None:
    """Start checking ``staged`` (being written) as a review at ``now`` with ``mapping`` and
    the usual duplicates policy would, or None when that review would refuse the mapping."""
    from hoffice_app.domain.common import ValidationError
    from hoffice_app.importer.check.context import build_context
    from hoffice_app.importer.read import mapping as maps

    if parallel.workers() < 1:
        return None
    try:
        clean = maps.clean(header, mapping, custom)
    except ValidationError:  # the mapping step shows why; its review will check the sheet itself
        return None
    if maps.missing_mandatory(clean):
        return None
    columns = {key: index for index, key in clean.items()}
    url = session.get_bind().url.render_as_string(hide_password=False)
    job = parallel.check_job(url, actor=actor, ctx=build_context(session, actor, now), columns=columns,
                             policy="skip")
    return start(job_id, staged, job, watermark)
