"""Cyclic garbage collection paused while an import builds millions of objects.

Reading, checking and writing 100,000 rows creates tens of millions of
tuples, dicts and lists, none of them in reference cycles; the collector
would still walk the growing heap again and again (measured: ~15% of the
review and of the export). Objects are freed by reference counting as
usual; only the cycle search waits until the outermost pause ends.
Nested and concurrent pauses (two imports at once) are counted.
"""
from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


def _reset_after_fork() -> None:
    """A child forked while another thread paused collection has no such thread to end the
    pause: it collects again, as before it, with a new lock (one held at the fork stays held)."""
    global _lock, _depth
    if _depth and _was_enabled:
        gc.enable()
    _lock, _depth = threading.Lock(), 0


os.register_at_fork(after_in_child=_reset_after_fork)


@contextmanager
def gc_paused():
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
