"""Choosing the assignee: which rule a lead falls to, who of its members may take a lead now,
and which of them gets it.

One ``plan`` serves a single lead (``pick_assignee``) and a batch of thousands
(``assign_by_rules``): the rules, the members and their open-lead counts are read once per
call, and each round-robin or weighted rule advances its cursor once per call by the number of
leads it hands out, in one atomic ``UPDATE … SET cursor = cursor + k … RETURNING cursor``.
Workers running at once therefore get disjoint slots, and the update goes around the ORM so
the rule's ``version`` (what an administrator's edit is checked against) does not move."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func, update
from sqlmodel import Session, select

from hoffice_app.domain.assignment import conditions as cond
from hoffice_app.domain.assignment.views import Pick
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import AssignmentRule, Employee, Lead

CURSOR_METHODS = ("round_robin", "weighted")


@dataclass(frozen=True)
class Rule:
    """A rule as the picking reads it (parsed once per call)."""

    id: int
    name: str
    is_fallback: bool
    method: str
    members: tuple[tuple[int, int], ...]  # (employee id, weight) in the rule's order
    cap: int | None
    conditions: dict


def parse_members(text: str | None) -> tuple[tuple[int, int], ...]:
    """``[{"id": 3, "weight": 2}, …]`` → ((3, 2), …); anything unreadable is left out."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return ()
    out, seen = [], set()
    for item in raw if isinstance(raw, list) else []:
        try:
            employee_id, weight = int(item["id"]), int(item.get("weight") or 1)
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
        if employee_id not in seen:
            seen.add(employee_id)
            out.append((employee_id, max(1, weight)))
    return tuple(out)


def rule_of(row: AssignmentRule) -> Rule:
    return Rule(row.id, row.name, row.is_fallback, row.method, parse_members(row.members), row.cap,
                cond.parse(row.conditions))


def enabled_rules(session: Session) -> tuple[list[Rule], Rule | None]:
    """The enabled rules in their order, and the enabled fallback (tried last, conditions unread)."""
    rows = session.exec(select(AssignmentRule).where(AssignmentRule.enabled == True)  # noqa: E712
                        .order_by(AssignmentRule.position, AssignmentRule.id)).all()
    ordered = [rule_of(r) for r in rows if not r.is_fallback]
    fallback = next((rule_of(r) for r in rows if r.is_fallback), None)
    return ordered, fallback


@lru_cache(maxsize=256)
def weighted_cycle(members: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """One turn of smooth weighted round robin: each member appears ``weight`` times, spread out
    (3:1 gives A A B A, not A A A B), so any run of leads is close to the shares."""
    total = sum(w for _, w in members)
    current = {m: 0 for m, _ in members}
    out = []
    for _ in range(total):
        for m, w in members:
            current[m] += w
        best = max(members, key=lambda mw: current[mw[0]])[0]  # ties: the first listed
        current[best] -= total
        out.append(best)
    return tuple(out)


class Pool:
    """The members of the rules in play, for one call: who may take a lead today (active, not
    away on the company's date of ``now``) and how many open leads each holds."""

    def __init__(self, session: Session, rules: list[Rule], *, now: datetime):
        ids = sorted({m for rule in rules for m, _ in rule.members})
        today = now.astimezone(app_settings.zone(session)).date()
        rows = session.exec(select(Employee.id, Employee.name, Employee.active, Employee.away_from,
                                   Employee.away_to).where(Employee.id.in_(ids))).all() if ids else []
        self.names = {r.id: r.name for r in rows}
        self.available = {r.id for r in rows if r.active and not is_away(r.away_from, r.away_to, today)}
        self.open: dict[int, int] = {}
        if self.available:
            self.open = dict(session.exec(select(Lead.assigned_to_id, func.count()).where(
                Lead.is_open == True, Lead.assigned_to_id.in_(sorted(self.available)))  # noqa: E712
                .group_by(Lead.assigned_to_id)).all())

    def eligible(self, rule: Rule) -> tuple[tuple[int, int], ...]:
        return tuple((m, w) for m, w in rule.members if m in self.available
                     and (rule.cap is None or self.open.get(m, 0) < rule.cap))

    def choose(self, rule: Rule, slot: int) -> int | None:
        """The member for the rule's ``slot``-th lead (0-based, from its cursor), or None."""
        members = self.eligible(rule)
        if not members:
            return None
        if rule.method == "fewest_open":
            order = {m: i for i, (m, _) in enumerate(members)}
            return min(order, key=lambda m: (self.open.get(m, 0), order[m]))
        if rule.method == "weighted":
            cycle = weighted_cycle(members)
            return cycle[slot % len(cycle)]
        return members[slot % len(members)][0]

    def took(self, employee_id: int) -> None:
        self.open[employee_id] = self.open.get(employee_id, 0) + 1


def is_away(away_from, away_to, today) -> bool:
    """Away on ``today``: between the two dates, both included (one date alone bounds one side)."""
    if away_from is None and away_to is None:
        return False
    return (away_from is None or away_from <= today) and (away_to is None or today <= away_to)


def reserve(session: Session, rule_id: int, count: int) -> int:
    """Take ``count`` consecutive slots of the rule's cursor; returns the first (0-based)."""
    table = AssignmentRule.__table__
    end = session.execute(update(table).where(table.c.id == rule_id).values(cursor=table.c.cursor + count)
                          .returning(table.c.cursor)).scalar_one()
    return end - count


def plan(session: Session, leads: list[Lead], *, now: datetime, rule_id: int | None = None) -> dict[int, Pick]:
    """Lead id → Pick for the leads someone can take; the others are left out."""
    if not leads:
        return {}
    if rule_id is not None:
        row = session.get(AssignmentRule, rule_id)
        if row is None or not row.enabled:
            return {}
        chosen = rule_of(row)
        pool = Pool(session, [chosen], now=now)
        picks: dict[int, Pick] = {}
        _hand_out(session, pool, chosen, leads, picks)
        return picks
    rules, fallback = enabled_rules(session)
    if not rules and fallback is None:
        return {}
    facts = cond.load_facts(session, leads, with_contact=any(cond.needs_contact(r.conditions) for r in rules))
    groups: dict[int, list[Lead]] = {}
    unmatched: list[Lead] = []
    for lead in leads:
        rule = next((r for r in rules if cond.matches(r.conditions, facts[lead.id])), None)
        (groups.setdefault(rule.id, []) if rule else unmatched).append(lead)
    pool = Pool(session, rules + ([fallback] if fallback else []), now=now)
    picks = {}
    left = list(unmatched)
    for rule in rules:
        if rule.id in groups:
            left += _hand_out(session, pool, rule, groups[rule.id], picks)
    if fallback is not None and left:  # no rule matched, or its members were all away or full
        _hand_out(session, pool, fallback, sorted(left, key=lambda lead: lead.id), picks)
    return picks


def _hand_out(session: Session, pool: Pool, rule: Rule, leads: list[Lead], picks: dict[int, Pick]) -> list[Lead]:
    """Give ``leads`` (in order) to the rule's members; returns those nobody could take."""
    if not pool.eligible(rule):
        return list(leads)
    start = reserve(session, rule.id, len(leads)) if rule.method in CURSOR_METHODS else 0
    left = []
    for i, lead in enumerate(leads):
        employee_id = pool.choose(rule, start + i)
        if employee_id is None:
            left.append(lead)
            continue
        picks[lead.id] = Pick(employee_id, rule.id, rule.name)
        if lead.is_open:
            pool.took(employee_id)
    return left


def pick_assignee(session: Session, lead: Lead, *, now: datetime, rule_id: int | None = None) -> Pick | None:
    """Who should get ``lead``: by the rule ``rule_id`` (its conditions unchecked: the caller
    chose it), else the first enabled rule whose conditions match, else the fallback. None when
    nobody is eligible. Advances the rule's cursor; writes nothing else."""
    return plan(session, [lead], now=now, rule_id=rule_id).get(lead.id)
