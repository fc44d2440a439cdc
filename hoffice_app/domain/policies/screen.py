"""Reads for Settings → Revoke policies (administrators): the list's rows, a policy as the form
shows it, the form's values checked into a policy that is not saved (to preview what is on the
form), the scope's choices, and the preview as the screen shows it (names, local times, each
group capped). Nothing here writes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from hoffice_app.domain.common import Option, require_admin
from hoffice_app.domain.masters import options as master_options
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.policies.admin import check, list_policies
from hoffice_app.domain.policies.definitions import CONDITIONS, SCOPE_KEYS, SOURCE_KINDS, Policy, parse_scope
from hoffice_app.domain.policies.engine import preview
from hoffice_app.models import AssignmentRule, Employee, Funnel, FunnelStage

STEP_LABELS = {"warn": "Warn the assignee", "escalate": "Tell their manager", "revoke": "Revoke"}
GROUP_TITLES = {"now": "Now", "day": "Next 24 hours", "week": "Next 7 days"}
SOURCE_KIND_LABELS = {"contact": "A contact", "employee": "An employee", "friend": "A friend",
                      "campaign": "A campaign / activity"}
WHEN_FORMAT = "%d %b, %H:%M"
BLANK_FORM = {"name": "", "condition": "no_followup_done", "threshold": "48", "warn_hours": "24",
              "manager_hours": "", "action": "pool", "rule_id": "", "enabled": ""}


@dataclass(frozen=True)
class PolicyRow:
    id: int
    name: str
    enabled: bool
    summary: str
    version: int


def policy_rows(session: Session, actor) -> list[PolicyRow]:
    """The policies in the order they are applied, each with its one-line summary."""
    return [PolicyRow(p.id, p.name, p.enabled, p.summary(), p.version) for p in list_policies(session, actor)]


def form_values(policy: Policy) -> dict[str, str]:
    """A saved policy as the form's text fields (the threshold in the condition's unit)."""
    days = CONDITIONS[policy.condition].unit == "days"
    return {"name": policy.name, "condition": policy.condition,
            "threshold": str(policy.hours // 24 if days else policy.hours), "warn_hours": str(policy.warn_hours),
            "manager_hours": str(policy.manager_hours or ""), "action": policy.action,
            "rule_id": str(policy.rule_id or ""), "enabled": "1" if policy.enabled else ""}


def scope_values(policy: Policy) -> dict[str, list[str]]:
    """The policy's scope as the form's checkbox values (every key present, as text)."""
    return {key: [str(v) for v in policy.scope.get(key, [])] for key in SCOPE_KEYS}


def draft(session: Session, actor, data: dict, *, policy_id: int | None = None) -> Policy:
    """The form's values, checked exactly as a save checks them (ValidationError naming each bad
    field), as a policy that is not saved: what "Preview" runs on."""
    require_admin(actor)
    values = check(session, data, policy_id=policy_id)
    return Policy(id=policy_id or 0, name=values["name"], enabled=values["enabled"], condition=values["condition"],
                  hours=values["hours"], warn_hours=values["warn_hours"], manager_hours=values["manager_hours"],
                  action=values["action"], rule_id=values["rule_id"], scope=parse_scope(values["scope"]))


@dataclass(frozen=True)
class StageChoice:
    value: str
    label: str
    funnel: str  # the funnel's id, as text


@dataclass(frozen=True)
class ScopeChoices:
    funnels: list[Option]
    stages: list[StageChoice]
    source_kinds: list[Option]
    campaigns: list[Option]  # values "campaign:<id>", the scope's source_ids
    lead_types: list[Option]
    priorities: list[Option]
    divisions: list[Option]
    rules: list[Option]


def scope_choices(session: Session, actor) -> ScopeChoices:
    """What the scope's lists offer: active funnels and their open stages (closed leads are exempt
    anyway), the source kinds, campaigns as source sub-choices, the master lists, the rules."""
    actor = require_admin(actor)
    funnels = list(session.exec(select(Funnel).where(Funnel.active == True).order_by(Funnel.position, Funnel.id)))  # noqa: E712
    names = {f.id: f.name for f in funnels}
    stages = list(session.exec(select(FunnelStage).where(FunnelStage.active == True, FunnelStage.kind == "open",  # noqa: E712
                                                         FunnelStage.funnel_id.in_(list(names)))
                               .order_by(FunnelStage.position, FunnelStage.id)))
    prefix = len(funnels) > 1
    rules = session.exec(select(AssignmentRule).order_by(AssignmentRule.position, AssignmentRule.id))
    return ScopeChoices(
        funnels=[Option(str(f.id), f.name) for f in funnels],
        stages=[StageChoice(str(s.id), f"{f.name} · {s.name}" if prefix else s.name, str(f.id))
                for f in funnels for s in stages if s.funnel_id == f.id],
        source_kinds=[Option(k, SOURCE_KIND_LABELS.get(k, k.capitalize())) for k in SOURCE_KINDS],
        campaigns=[Option(f"campaign:{o.value}", o.label) for o in master_options(session, actor, "campaign")],
        lead_types=master_options(session, actor, "lead_type"),
        priorities=master_options(session, actor, "lead_priority"),
        divisions=master_options(session, actor, "division"),
        rules=[Option(str(r.id), r.name + ("" if r.enabled else " (disabled)")) for r in rules])


@dataclass(frozen=True)
class PreviewLine:
    code: str
    title: str
    assignee: str
    step: str  # as the screen says it: "Warn the assignee", "Tell their manager", "Revoke"
    when: str  # in the company's time zone


@dataclass(frozen=True)
class PreviewGroup:
    key: str  # now | day | week
    title: str
    total: int
    lines: list[PreviewLine]
    more: int  # lines beyond the cap, not sent


@dataclass(frozen=True)
class AssigneeCount:
    name: str
    now: int
    day: int
    week: int


@dataclass(frozen=True)
class PreviewView:
    groups: list[PreviewGroup]
    per_assignee: list[AssigneeCount]  # most steps first
    total: int


def preview_view(session: Session, actor, policy: Policy, *, now: datetime, cap: int = 50) -> PreviewView:
    """``engine.preview`` (the engine's own computation) as the screen shows it."""
    require_admin(actor)
    found = preview(session, policy, now=now)
    ids = list(found.per_assignee)
    rows = session.exec(select(Employee.id, Employee.name).where(Employee.id.in_(ids))).all() if ids else []
    names = {employee_id: name for employee_id, name in rows}
    zone = app_settings.zone(session)

    def name(employee_id: int) -> str:
        return names.get(employee_id, f"Employee #{employee_id}")

    groups = []
    for key, rows in (("now", found.now), ("day", found.day), ("week", found.week)):
        lines = [PreviewLine(r.code, r.title, name(r.assignee_id), STEP_LABELS[r.step],
                             r.at.astimezone(zone).strftime(WHEN_FORMAT)) for r in rows[:cap]]
        groups.append(PreviewGroup(key, GROUP_TITLES[key], len(rows), lines, max(0, len(rows) - cap)))
    counts = sorted((AssigneeCount(name(i), c["now"], c["day"], c["week"]) for i, c in found.per_assignee.items()),
                    key=lambda a: (-(a.now + a.day + a.week), a.name))
    return PreviewView(groups, counts, sum(g.total for g in groups))
