"""Throttling of failed log-ins, without locking out a whole office.

An office usually reaches the server from one NAT address, so failures are
counted per account, never per address alone at a low limit: one employee's
typos must not refuse a colleague's correct password. Three counters (rows of
``LoginThrottle``), each checked before the password is:

- the account at one address: 5 failures, then a wait of 30 s doubling up to
  15 min: what a person who mistypes their own password meets;
- the account from every address together: 20 failures, then the same waits:
  guessing one password from many addresses;
- the address across every account: 100 failures in 15 minutes, then the
  address waits until those 15 minutes are over: password spraying (a few
  common passwords tried against many accounts).

The account is the employee (their e-mail and code count together); an
identifier that names nobody is counted under its own text with the same
limits and messages, so the answers do not tell which accounts exist. A count
starts with a failure and lasts its window (a day for accounts, 15 minutes
for an address); the next failure after that starts a new count. An IPv6
address counts by its /64 network, which one machine can fill with addresses.
docs/security.md, "Login throttling", says the same for people who run the app.
"""
from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from hoffice_app.models import Employee, LoginThrottle

BASE_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 15 * 60


@dataclass(frozen=True)
class Limit:
    """``free`` failures within ``window`` are allowed. ``backoff``: each failure from the
    ``free``-th on locks for 30 s, doubling up to 15 min; otherwise the ``free``-th locks
    until the window ends."""

    free: int
    window: timedelta
    backoff: bool


ACCOUNT_AT_ADDRESS = Limit(free=5, window=timedelta(days=1), backoff=True)
ACCOUNT = Limit(free=20, window=timedelta(days=1), backoff=True)
ADDRESS = Limit(free=100, window=timedelta(minutes=15), backoff=False)


@dataclass(frozen=True)
class Counter:
    key: str
    limit: Limit
    clears_on_success: bool


def network_of(source: str) -> str:
    """The address as counted: an IPv6 address by its /64, anything unparsable as given."""
    try:
        address = ipaddress.ip_address(source.strip())
    except ValueError:
        return source.strip()[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def counters(employee: Employee | None, identifier: str, source: str) -> list[Counter]:
    """The counters of one attempt. Without a source (command line, tests) only the account counts."""
    account = f"emp:{employee.id}" if employee else f"who:{identifier.strip().lower()[:200]}"
    network = network_of(source)
    out = [Counter(f"acct:{account}|ip:{network}", ACCOUNT_AT_ADDRESS, True),
           Counter(f"acct:{account}", ACCOUNT, True)]
    if network:
        out.append(Counter(f"ip:{network}", ADDRESS, False))
    return out


def refusal(session: Session, items: list[Counter], now: datetime) -> str:
    """The message for an attempt refused before its password is checked, or "" to go on.
    The longest wait is named: the attempt is refused until every lock is over."""
    waits = {}
    for item in items:
        row = session.get(LoginThrottle, item.key)
        if row and row.locked_until and row.locked_until > now:
            waits[item.key] = (row.locked_until - now).total_seconds()
    if not waits:
        return ""
    where = " from this network" if any(k.startswith("ip:") for k in waits) else ""
    return f"Too many failed attempts{where}. Try again in {wait_text(max(waits.values()))}."


def wait_text(seconds: float) -> str:
    """"30 seconds", "2 minutes": whole units, rounded up, so nobody retries too early."""
    if seconds <= 90:
        n, unit = math.ceil(seconds), "second"
    else:
        n, unit = math.ceil(seconds / 60), "minute"
    return f"{n} {unit}{'' if n == 1 else 's'}"


def record_failure(session: Session, items: list[Counter], now: datetime) -> None:
    for item in items:
        row = session.get(LoginThrottle, item.key)
        if row is None or now - row.first_failed_at >= item.limit.window:
            row = row or LoginThrottle(key=item.key, first_failed_at=now, last_failed_at=now)
            row.failures, row.first_failed_at, row.locked_until = 0, now, None
        row.failures += 1
        row.last_failed_at = now
        row.locked_until = _locked_until(item.limit, row, now)
        session.add(row)


def _locked_until(limit: Limit, row: LoginThrottle, now: datetime) -> datetime | None:
    if row.failures < limit.free:
        return None
    if not limit.backoff:
        return row.first_failed_at + limit.window
    delay = min(BASE_DELAY_SECONDS * 2 ** min(row.failures - limit.free, 10), MAX_DELAY_SECONDS)
    return now + timedelta(seconds=delay)


def record_success(session: Session, items: list[Counter]) -> None:
    """The account's counters start again; the address's does not, or one known password
    would let a sprayer reset it at will."""
    for item in items:
        row = session.get(LoginThrottle, item.key) if item.clears_on_success else None
        if row:
            session.delete(row)
