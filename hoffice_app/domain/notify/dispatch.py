"""The dispatcher: claims the outbox's due messages, sends each with no transaction open, and
records what the server answered.

Claiming is safe with several workers: on PostgreSQL ``SELECT … FOR UPDATE SKIP LOCKED`` (a
worker skips what another is claiming, without waiting), on SQLite one ``UPDATE … WHERE id IN
(SELECT … LIMIT n) RETURNING`` (SQLite runs one writer at a time, so two claims never overlap).
The claim (status ``sending`` until ``now + lease``) is committed before anything is sent. A
dispatcher that dies mid-batch leaves its claims to run out; then they are claimed again, so at
most the messages it had in flight are sent twice (an e-mail's second copy has the same
Message-ID). A batch stops starting sends once the slowest send (every SMTP step allowed its
whole timeout) could outlast the claim, and gives the rest back: a claim never runs out under
a message still being sent, so no second dispatcher sends it alongside.

A batch is sent in a few lanes at once (each message mostly waits for its server's answer),
each lane on one SMTP connection, and what a lane sent is recorded a few messages at a time:
a message sent but not yet recorded still counts as in flight.

After a try: sent; or retried after 1, 2, 4, 8 … minutes (at most an hour apart) until a day
after the message was queued, then failed; or failed at once when the server refused it for
good. A channel that is not configured sends nothing and spends no attempt: its messages wait,
with the reason in ``last_error``, and go once it is configured.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session
from sqlmodel import select as select_rows

from hoffice_app.domain.notify import channels, sms, smtp
from hoffice_app.domain.notify.delivery import FAILED, RETRY, SENT, Envelope, Outcome, cut
from hoffice_app.models import OutboxAttempt, OutboxMessage

log = logging.getLogger(__name__)
FIRST_WAIT, LONGEST_WAIT = timedelta(minutes=1), timedelta(hours=1)
GIVE_UP_AFTER = timedelta(hours=24)
# A claim's life. A batch stops starting sends once the slowest send could outlast it, and gives
# the rest back: with smtp.SLOWEST_SEND of 3 minutes, a batch may start sends for 2 minutes.
LEASE = timedelta(minutes=5)
UNRECORDED = "unrecorded"  # sent, but the database failed to record it: left claimed, in flight
# Lanes of a batch sent at once; one recipient's messages stay in one lane, in order.
SENDERS = 4
# A lane records what it sent every RECORD_EVERY messages or RECORD_WAIT seconds, whichever comes
# first: one transaction for several, and a crash re-sends at most those not yet recorded.
RECORD_EVERY, RECORD_WAIT = 20, 0.5
NOT_SET_UP = {"email": "E-mail is not set up", "sms": "SMS is not set up"}
SessionFactory = Callable[[], Session]
_t = OutboxMessage.__table__
_COLUMNS = (_t.c.id, _t.c.key, _t.c.channel, _t.c.to, _t.c.subject, _t.c.text, _t.c.html, _t.c.template_id,
            _t.c.next_attempt_at)


@dataclass(frozen=True)
class DispatchCounts:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    waiting: int = 0  # due, but their channel is not configured
    given_back: int = 0  # claimed, not sent before the lease would run out: due again at once


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed try: 1, 2, 4, 8 … minutes, at most an hour."""
    return min(FIRST_WAIT * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def session_factory(target: Engine | SessionFactory) -> SessionFactory:
    if isinstance(target, Engine):
        return lambda: Session(target, expire_on_commit=False)
    return target


def _due(now: datetime):
    return or_(and_(_t.c.status == "queued", _t.c.next_attempt_at <= now),
               and_(_t.c.status == "sending", _t.c.claimed_until < now))  # its dispatcher died


def dispatch_due(target: Engine | SessionFactory, *, now: datetime, batch: int = 50,
                 lease: timedelta = LEASE) -> DispatchCounts:
    """Send what is due at ``now`` (at most ``batch`` messages) and say what happened."""
    if lease.total_seconds() <= smtp.SLOWEST_SEND:
        raise ValueError(f"A claim must outlast the slowest send ({smtp.SLOWEST_SEND:g} s).")
    factory = session_factory(target)
    with factory() as session:
        found, smtp_config, gateway = channels.sending_configs(session)
        ready = [c for c, ok in (("email", smtp_config), ("sms", gateway)) if ok]
        idle = [c for c in ("email", "sms") if c not in ready]
        anything = session.execute(select(exists().where(_due(now)))).scalar()
    if not anything:
        return DispatchCounts()
    problems = {"email": found.email.problems, "sms": found.sms.problems}
    until = now + lease
    with factory() as session:  # a write from its first statement: SQLite takes its lock at once
        waiting = sum(_note_waiting(session, channel, problems[channel], now) for channel in idle)
        claimed = _claim(session, ready, now, until, batch)
        session.commit()
    started = time.monotonic()
    deadline = started + lease.total_seconds() - smtp.SLOWEST_SEND  # a send begun by then ends inside the claim

    def at() -> datetime:
        """``now`` moved on by the time spent since (whole seconds): when an attempt really happened."""
        return now + timedelta(seconds=int(time.monotonic() - started))

    def run_lane(envelopes: list[Envelope]) -> list[tuple[Envelope, str | None]]:
        """A lane's messages in order on one SMTP connection, recorded a few at a time (before the
        connection is closed: QUIT may take its time); None: given back."""
        done: list[tuple[Envelope, str | None]] = []
        pending: list[tuple[Envelope, Outcome]] = []
        recorded_at = time.monotonic()
        with smtp.SmtpConnection(smtp_config) if smtp_config else nullcontext() as connection:
            for envelope in envelopes:
                if time.monotonic() > deadline:
                    done.append((envelope, None))
                    continue
                pending.append((envelope, _send(envelope, connection, gateway)))
                if len(pending) >= RECORD_EVERY or time.monotonic() - recorded_at >= RECORD_WAIT:
                    done += _record_or_leave(factory, pending, until, at())
                    pending, recorded_at = [], time.monotonic()
            return done + _record_or_leave(factory, pending, until, at())

    lanes = _lanes(claimed, SENDERS)
    with ThreadPoolExecutor(max_workers=max(1, len(lanes)), thread_name_prefix="hoffice-send") as pool:
        results = [r for lane in pool.map(run_lane, lanes) for r in lane]
    late = [e.id for e, r in results if r is None]
    given_back = _give_back(factory, late, until) if late else 0
    tally = Counter(r for _, r in results if r not in (None, UNRECORDED))
    return DispatchCounts(len(claimed), tally[SENT], tally[RETRY], tally[FAILED], waiting, given_back)


def _lanes(claimed: list[Envelope], count: int) -> list[list[Envelope]]:
    """Split a batch into at most ``count`` lanes of about equal length, each recipient's
    messages in one lane and in their order (an SMS's parts arrive numbered as they were split)."""
    by_recipient: dict[tuple[str, str], list[Envelope]] = {}
    for envelope in claimed:
        by_recipient.setdefault((envelope.channel, envelope.to), []).append(envelope)
    lanes: list[list[Envelope]] = [[] for _ in range(min(count, len(by_recipient)))]
    for group in sorted(by_recipient.values(), key=len, reverse=True):
        min(lanes, key=len).extend(group)
    return lanes


def _note_waiting(session: Session, channel: str, problems: tuple[str, ...], now: datetime) -> int:
    """Say on each due message of an unconfigured channel why it waits (written once, not every
    tick), and put back any whose dispatcher died; returns how many wait."""
    note = cut(f"{NOT_SET_UP[channel]} ({' '.join(problems)}); the message waits and goes once it is.")
    mine = and_(_t.c.channel == channel, _due(now))
    session.execute(update(_t).where(mine, or_(_t.c.last_error != note, _t.c.status == "sending"))
                    .values(last_error=note, status="queued", claimed_until=None))
    return session.execute(select(func.count()).select_from(_t).where(mine)).scalar_one()


def _claim(session: Session, ready: list[str], now: datetime, until: datetime, batch: int) -> list[Envelope]:
    if not ready:
        return []
    due = select(_t.c.id).where(_due(now), _t.c.channel.in_(ready)).order_by(_t.c.next_attempt_at, _t.c.id) \
        .limit(batch)
    claim = update(_t).values(status="sending", claimed_until=until).returning(*_COLUMNS)
    if session.get_bind().dialect.name == "postgresql":
        ids = session.execute(due.with_for_update(skip_locked=True)).scalars().all()
        rows = session.execute(claim.where(_t.c.id.in_(ids))).all() if ids else []
    else:  # one statement: the due check again, in case the rows changed since the subquery's plan
        rows = session.execute(claim.where(_t.c.id.in_(due), _due(now))).all()
    rows = sorted(rows, key=lambda r: (r.next_attempt_at, r.id))
    return [Envelope(key=r.key, channel=r.channel, to=r.to, subject=r.subject, text=r.text, html=r.html,
                     template_id=r.template_id, id=r.id) for r in rows]


def _send(envelope: Envelope, connection: smtp.SmtpConnection | None, gateway) -> Outcome:
    try:
        if envelope.channel == "email":
            return connection.send(envelope)
        if envelope.channel == "sms":
            return sms.send_sms(gateway, envelope)
        return Outcome(FAILED, f"Unknown channel {envelope.channel!r}.")
    except Exception as err:  # a bug here must not stop the rest of the batch
        log.exception("sending outbox message %s failed unexpectedly", envelope.id)
        return Outcome(RETRY, f"Sending failed unexpectedly: {type(err).__name__}: {err}")


def _record_or_leave(factory: SessionFactory, sent: list[tuple[Envelope, Outcome]], until: datetime,
                     at: datetime) -> list[tuple[Envelope, str]]:
    """``_record``, tried again twice if the database fails; if it still fails the messages are
    left claimed (in flight): once the claim runs out they are sent again, never given back at
    once (they may have been delivered)."""
    for pause in (0.2, 1.0, None):
        try:
            return _record(factory, sent, until, at)
        except Exception:
            if pause is None:
                log.exception("recording %d sent outbox messages failed; they count as in flight", len(sent))
                return [(e, UNRECORDED) for e, _ in sent]
            time.sleep(pause)
    return []


def _record(factory: SessionFactory, sent: list[tuple[Envelope, Outcome]], until: datetime,
            at: datetime) -> list[tuple[Envelope, str]]:
    """The attempts, and their messages' new states, in one short transaction; each message's
    result is sent | retry | failed. Until this commits, those messages count as in flight."""
    if not sent:
        return []
    with factory() as session:
        session.add_all([OutboxAttempt(message_id=e.id, at=at, ok=o.status == SENT, answer=o.answer) for e, o in sent])
        session.flush()  # the write lock first (SQLite), then read the rows as they are now
        ids = [e.id for e, _ in sent]
        rows = session.exec(select_rows(OutboxMessage).where(OutboxMessage.id.in_(ids)).with_for_update()).all()
        messages = {m.id: m for m in rows}
        results = [(e, _settle(messages[e.id], o, until, at)) for e, o in sent]
        session.add_all(rows)
        session.commit()
    return results


def _settle(message: OutboxMessage, outcome: Outcome, until: datetime, now: datetime) -> str:
    message.attempts += 1
    ours = message.status == "sending" and message.claimed_until == until
    if message.status == "sent":
        return outcome.status  # a dispatcher that took over our expired claim delivered it too
    if outcome.status == SENT:
        message.status, message.sent_at, message.claimed_until, message.last_error = "sent", now, None, ""
    elif not ours:
        pass  # someone else holds it now (our claim ran out, or an administrator acted): theirs to decide
    elif outcome.status == RETRY and now < message.created_at + GIVE_UP_AFTER:
        message.status, message.claimed_until = "queued", None
        message.next_attempt_at, message.last_error = now + backoff(message.attempts), outcome.answer
    else:
        given_up = "Tried for a day, given up. Last answer: " if outcome.status == RETRY else ""
        message.status, message.claimed_until = "failed", None
        message.last_error = cut(given_up + outcome.answer)
        return FAILED
    return outcome.status


def _give_back(factory: SessionFactory, ids: list[int], until: datetime) -> int:
    with factory() as session:
        done = session.execute(update(_t).where(_t.c.id.in_(ids), _t.c.status == "sending",
                                                _t.c.claimed_until == until)
                               .values(status="queued", claimed_until=None))
        session.commit()
    return done.rowcount
