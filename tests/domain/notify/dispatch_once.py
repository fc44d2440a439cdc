"""Run by the kill test as a process of its own: one dispatch_due against the database at the
given URL, at the given moment (python -m tests.domain.notify.dispatch_once URL NOW)."""
from __future__ import annotations

import sys
from datetime import datetime

from hoffice_app import db
from hoffice_app.domain import notify

__test__ = False


def main(url: str, now: str) -> None:
    engine = db.make_engine(url)
    db.set_engine(engine)
    print(notify.dispatch_due(engine, now=datetime.fromisoformat(now)), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
