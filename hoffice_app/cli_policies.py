"""`python -m hoffice_app policies …`: revoke policies for operations and scripted checks.

    policies list [--json]
    policies enable NAME | policies disable NAME
    policies simulate [--at ISO-8601] [--json]    # what a pass would do; writes nothing
    policies run [--at ISO-8601] [--json]         # one pass, as the app runs every minute

``--at`` evaluates as if it were that moment (without an offset it is read in the company's
time zone). simulate and run print the lead codes per step — ``{"warn": [...], "escalate":
[...], "revoke": [...], "skipped": [...]}`` with --json — so a script can check that they
agree. The commands act as the first active administrator.
"""
from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import select

from hoffice_app import db
from hoffice_app.domain import policies
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.common import DomainError
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Employee


def first_admin(session):
    admin = session.exec(select(Employee).where(Employee.role == "admin", Employee.active == True)  # noqa: E712
                         .order_by(Employee.id)).first()
    if admin is None:
        raise DomainError("No active administrator: create one with `python -m hoffice_app user create`.")
    return actor_of(admin)


def _moment(session, raw: str | None) -> datetime:
    if not raw:
        return db.utcnow()
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise DomainError(f"--at {raw!r} is not an ISO-8601 moment, e.g. 2026-12-24T09:30 or "
                          "2026-12-24T04:00:00+00:00.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=app_settings.zone(session))


def cmd_list(args) -> int:
    with db.unit_of_work() as session:
        found = policies.list_policies(session, first_admin(session))
    if args.json:
        print(json.dumps([{"name": p.name, "enabled": p.enabled, "condition": p.condition, "hours": p.hours,
                           "warn_hours": p.warn_hours, "manager_hours": p.manager_hours, "action": p.action,
                           "scope": p.scope, "summary": p.summary()} for p in found], indent=2))
        return 0
    if not found:
        print("No revoke policies. Add one under Settings → Revoke policies.")
    for p in found:
        print(f"[{'on ' if p.enabled else 'off'}] {p.name}: {p.summary()}")
    return 0


def _switch(name: str, enabled: bool) -> int:
    with db.unit_of_work() as session:
        row = policies.find(session, name)
        if row is None:
            raise DomainError(f"No policy named {name!r} (see `policies list`).")
        done = policies.set_enabled(session, first_admin(session), row.id, enabled, now=db.utcnow())
    print(f"{done.name}: {'enabled' if done.enabled else 'disabled'}")
    return 0


def cmd_enable(args) -> int:
    return _switch(args.name, True)


def cmd_disable(args) -> int:
    return _switch(args.name, False)


def _pass(args, *, dry_run: bool) -> int:
    with db.unit_of_work() as session:
        at = _moment(session, args.at)
    report = policies.run_now(db.get_engine(), at=at, dry_run=dry_run)
    out = {"at": at.isoformat()} | report.as_dict()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        verb = "would" if dry_run else "did"
        for step in ("warn", "escalate", "revoke", "skipped"):
            codes = out[step]
            print(f"{step} ({verb}): {len(codes)}" + (f" — {', '.join(codes[:50])}" if codes else "")
                  + (" …" if len(codes) > 50 else ""))
    return 0


def cmd_simulate(args) -> int:
    return _pass(args, dry_run=True)


def cmd_run(args) -> int:
    return _pass(args, dry_run=False)


def add_policy_commands(sub) -> None:
    group = sub.add_parser("policies", help="revoke policies: list, enable, disable, simulate, run")
    actions = group.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every policy, in the order they apply")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)
    for name, func, help_text in (("enable", cmd_enable, "switch a policy on"),
                                  ("disable", cmd_disable, "switch a policy off")):
        cmd = actions.add_parser(name, help=help_text)
        cmd.add_argument("name", help="the policy's name (in quotes if it has spaces)")
        cmd.set_defaults(func=func)
    for name, func, help_text in (("simulate", cmd_simulate, "what one pass would do now (writes nothing)"),
                                  ("run", cmd_run, "one pass now, as the app does every minute")):
        cmd = actions.add_parser(name, help=help_text)
        cmd.add_argument("--at", help="as if it were this moment (ISO-8601)")
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(func=func)
