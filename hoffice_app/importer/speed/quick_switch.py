"""Quicker hand-overs of the GIL while an import's writer thread runs.

The submit's busy thread prepares chunk n + 1 in Python while the writer thread
(``bulk_pipe.Pipe``) has SQLite write chunk n without the GIL. But each of the
writer's statements needs the GIL twice, to bind its values and to return, and
a thread asking for the GIL waits until the holder has run for the switch
interval (5 ms by default). At ~1,000 statements per 100,000 rows that waiting
was ~3 s of the writer's ~11 s (measured); with 0.5 ms it is a tenth of that,
and the submit took 13.3–13.9 s instead of 15.4–16.0 s.

The interval is process-wide: the web server's other threads (its event loop)
get the GIL sooner too during an import, which only helps them answer. Nested and
concurrent uses (two imports at once) are counted; the last one puts it back.
"""
from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager

SWITCH_INTERVAL = 0.0005  # seconds

_lock = threading.Lock()
_users = 0
_saved = sys.getswitchinterval()


def _reset_after_fork() -> None:
    """A child forked during an import has no writer thread: the interval goes back."""
    global _lock, _users
    if _users:
        sys.setswitchinterval(_saved)
    _lock, _users = threading.Lock(), 0


os.register_at_fork(after_in_child=_reset_after_fork)


def begin() -> None:
    global _users, _saved
    with _lock:
        if _users == 0:
            _saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved, SWITCH_INTERVAL))
        _users += 1


def end() -> None:
    global _users
    with _lock:
        if _users == 0:
            return
        _users -= 1
        if _users == 0:
            sys.setswitchinterval(_saved)


@contextmanager
def quick_switches():
    begin()
    try:
        yield
    finally:
        end()
