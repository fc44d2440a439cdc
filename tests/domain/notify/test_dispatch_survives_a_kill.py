"""A dispatcher killed while it sends (SIGKILL: no clean-up at all) loses nothing: once its
claims run out another dispatcher sends what it had not, and the only copies sent twice are among
those it had in flight (claimed) when it died, each with the same Message-ID as its first copy."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlmodel import select

from hoffice_app.domain import notify
from hoffice_app.models import OutboxMessage
from tests.domain.notify.helpers import MAIL_FROM, point_at, queue

ROOT = Path(__file__).resolve().parents[3]
MESSAGES = 8


def test_a_killed_dispatcher_loses_nothing_and_resends_at_most_what_it_had_in_flight(engine, session, admin, now,
                                                                                     smtp_server):
    point_at(session, admin, now, smtp_server)
    keys = [f"lead:{i}:assigned:email:3" for i in range(MESSAGES)]
    for key in keys:
        queue(session, now, key)
    smtp_server.delay = 0.5  # each message is recorded on arrival, its "250" comes half a second later
    url = engine.url.render_as_string(hide_password=False)
    child = subprocess.Popen([sys.executable, "-m", "tests.domain.notify.dispatch_once", url, now.isoformat()],
                             cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    try:
        assert smtp_server.wait_for(3, timeout=120), child.stderr.read1().decode() if child.poll() else "no mail"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    session.expire_all()
    statuses = Counter(m.status for m in session.exec(select(OutboxMessage)).all())
    in_flight = statuses["sending"]
    assert in_flight >= 1 and statuses["sent"] + in_flight == MESSAGES  # it had claimed the whole batch

    smtp_server.delay = 0
    assert notify.dispatch_due(engine, now=now + timedelta(seconds=30)).claimed == 0  # its claims still hold
    later = now + notify.LEASE + timedelta(seconds=1)  # the default lease has run out
    while notify.dispatch_due(engine, now=later).claimed:
        pass
    session.expire_all()
    assert {m.status for m in session.exec(select(OutboxMessage)).all()} == {"sent"}
    received = Counter(smtp_server.message_ids())
    assert set(received) == {notify.message_id(key, MAIL_FROM) for key in keys}  # none lost
    duplicates = sum(n - 1 for n in received.values())
    assert duplicates <= in_flight
