"""The reads behind Settings → Revoke policies: a saved policy round-trips through the form's
values, the form is checked as a save checks it before a preview, the scope's choices, and the
preview as the screen shows it (names, the company's time, each group capped)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from hoffice_app.domain import policies
from hoffice_app.domain.common import PermissionDenied, ValidationError
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine  # noqa: F401
from tests.domain.policies.helpers import assigned_lead, policy

H = timedelta(hours=1)


def form(**values) -> dict:
    return policies.form_values(policies.Policy(0, "x", False, "no_followup_done", 48, 24, None, "pool", None)) | {
        "name": "Draft"} | values


def test_a_saved_policy_fills_the_form_with_its_threshold_in_its_unit(session, now, demo):
    saved = policy(session, now, "Quiet a week", condition="no_activity", threshold="7", warn="12",
                   scope={"priority_ids": ["3"]}, enabled=False)
    values = policies.form_values(saved)
    assert values == {"name": "Quiet a week", "condition": "no_activity", "threshold": "7", "warn_hours": "12",
                      "manager_hours": "", "action": "pool", "rule_id": "", "enabled": ""}
    assert policies.scope_values(saved)["priority_ids"] == ["3"]
    assert policies.scope_values(saved)["funnel_ids"] == []
    again = policies.save_policy(session, actor(session, "E01"), values | {"scope": policies.scope_values(saved)},
                                 now=now, policy_id=saved.id, expected_version=saved.version)
    assert (again.hours, again.warn_hours, again.scope) == (7 * 24, 12, {"priority_ids": [3]})


def test_a_draft_is_checked_like_a_save_and_names_each_bad_field(session, now, demo):
    admin = actor(session, "E01")
    before = policies.list_policies(session, admin)  # the demo's own policy
    with pytest.raises(ValidationError) as refused:
        policies.draft(session, admin, form(threshold="48", warn_hours="48", name=""))
    assert set(refused.value.errors) == {"name", "warn_hours"}
    made = policies.draft(session, admin, form(scope={"funnel_ids": ["1"]}))
    assert (made.id, made.hours, made.warn_hours, made.scope) == (0, 48, 24, {"funnel_ids": [1]})
    assert policies.list_policies(session, admin) == before  # nothing saved


def test_only_an_administrator_reads_the_screen(session, now, demo):
    with pytest.raises(PermissionDenied):
        policies.draft(session, actor(session, "E02"), form())
    with pytest.raises(PermissionDenied):
        policies.scope_choices(session, actor(session, "E03"))


def test_the_scope_offers_campaigns_as_source_choices_and_no_rules_yet(session, now, demo):
    choices = policies.scope_choices(session, actor(session, "E01"))
    assert choices.campaigns and all(o.value.startswith("campaign:") for o in choices.campaigns)
    assert [o.value for o in choices.source_kinds] == list(policies.SOURCE_KINDS)
    assert choices.funnels and {s.funnel for s in choices.stages} <= {f.value for f in choices.funnels}
    assert choices.stages and not {"Won", "Lost"} & {s.label for s in choices.stages}  # closed leads are exempt
    assert choices.priorities and choices.lead_types and choices.divisions
    assert choices.rules == []


def test_the_preview_names_assignees_caps_each_group_and_counts_every_lead(session, now, demo):
    saved = policy(session, now, warn="0", enabled=False)
    for n in range(3):
        assigned_lead(session, now - 50 * H, f"Past due {n}")
    assigned_lead(session, now - 30 * H, "Due tomorrow", to="E04")
    shown = policies.preview_view(session, actor(session, "E01"), saved, now=now, cap=2)
    groups = {g.key: g for g in shown.groups}
    assert [g.title for g in shown.groups] == ["Now", "Next 24 hours", "Next 7 days"]
    assert (groups["now"].total, len(groups["now"].lines), groups["now"].more) == (3, 2, 1)
    assert groups["now"].lines[0].step == "Revoke"
    assert [line.title for line in groups["day"].lines] == ["Due tomorrow"]
    day = groups["day"].lines[0]
    assert day.when == "03 Mar, 09:00"  # 03:30 UTC (assigned 30 h ago + 48 h) in Asia/Kolkata
    first, second = shown.per_assignee
    assert (first.now, second.day) == (3, 1) and first.name != second.name
    assert "#" not in first.name + second.name
