"""By hand: a manager's bulk revoke is one action, undoable for a week (a lead changed since is
left and named); executives may not revoke; a hold needs a manager; the settings refuse bad
values field by field and a stale edit names who saved meanwhile."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from hoffice_app.domain import followups, policies
from hoffice_app.domain.common import PermissionDenied, ValidationError, versions
from hoffice_app.models import FollowUp, LeadEvent
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine  # noqa: F401
from tests.domain.policies.helpers import assigned_lead, holder, policy, run

H = timedelta(hours=1)


def test_a_bulk_revoke_is_one_action_and_undo_puts_everything_back(session, now, demo):
    leads = [assigned_lead(session, now, f"Lead {i}") for i in range(3)]
    plan = followups.schedule(session, actor(session, "E03"), leads[0].id,
                              {"kind": "call", "due_at": "2026-03-05T10:00"}, now=now)
    manager = actor(session, "E02")
    done = policies.revoke_selected(session, manager, [lead.id for lead in leads], target="pool",
                                    reason="Clearing the desk", now=now)
    assert sorted(done.revoked) == sorted(lead.code for lead in leads) and done.follow_ups == 1
    assert {holder(session, lead) for lead in leads} == {None}
    assert session.get(FollowUp, plan.id).assignee_id == employee_id(session, "E02")  # the manager holds it meanwhile
    [view] = policies.revocations(session, manager, now=now + H)
    assert (view.lead_count, view.by, view.can_undo) == (3, "Ravi Shah", True)
    undone = policies.undo(session, manager, done.revocation_id, now=now + H)
    assert (undone.put_back, undone.left) == (3, ())
    assert {holder(session, lead) for lead in leads} == {employee_id(session, "E03")}
    assert session.get(FollowUp, plan.id).assignee_id == employee_id(session, "E03")
    texts = [e.text for e in session.exec(select(LeadEvent).where(LeadEvent.lead_id == leads[0].id))]
    assert any(t.startswith("Revoked from Neha Joshi: put back in the pool") for t in texts)
    assert any(t.startswith("Revoke undone by Ravi Shah") for t in texts)
    with pytest.raises(ValidationError):
        policies.undo(session, manager, done.revocation_id, now=now + H)  # once


def test_undo_leaves_a_lead_changed_since_and_says_which(session, now, demo):
    first, second = assigned_lead(session, now, "First"), assigned_lead(session, now, "Second")
    manager = actor(session, "E02")
    done = policies.revoke_selected(session, manager, [first.id, second.id], target="employee",
                                    employee_id=employee_id(session, "E04"), reason="Neha is on leave", now=now)
    from hoffice_app.domain.leads import bulk_assign

    bulk_assign(session, manager, [second.id], employee_id(session, "E05"), now=now + H)
    undone = policies.undo(session, manager, done.revocation_id, now=now + 2 * H)
    assert (undone.put_back, undone.left) == (1, (second.code,))
    assert holder(session, second) == employee_id(session, "E05")


def test_undo_is_for_a_week(session, now, demo):
    lead = assigned_lead(session, now)
    done = policies.revoke_selected(session, actor(session, "E02"), [lead.id], target="pool", reason="x", now=now)
    with pytest.raises(ValidationError, match="7 days"):
        policies.undo(session, actor(session, "E02"), done.revocation_id, now=now + timedelta(days=8))


def test_a_policy_revoke_can_be_undone_by_a_manager(session, now, demo):
    policy(session, now, warn="0")
    lead = assigned_lead(session, now)
    run(session, now + 49 * H)
    [view] = policies.revocations(session, actor(session, "E02"), now=now + 50 * H, lead_id=lead.id)
    assert view.by == "the policy \"Call within 48 hours\"" and view.can_undo
    policies.undo(session, actor(session, "E02"), view.id, now=now + 50 * H)
    assert holder(session, lead) == employee_id(session, "E03")
    assert run(session, now + 51 * H)["revoke"] == []  # a fresh assignment: the count starts again


def test_executives_may_not_revoke_undo_or_hold(session, now, demo):
    lead = assigned_lead(session, now)
    executive = actor(session, "E03")
    with pytest.raises(PermissionDenied):
        policies.revoke_selected(session, executive, [lead.id], target="pool", reason="x", now=now)
    with pytest.raises(PermissionDenied):
        policies.set_hold(session, executive, lead.id, True, now=now)


def test_a_bulk_revoke_needs_a_reason_and_a_usable_target(session, now, demo):
    lead = assigned_lead(session, now)
    manager = actor(session, "E02")
    with pytest.raises(ValidationError) as err:
        policies.revoke_selected(session, manager, [lead.id], target="employee", employee_id="", reason=" ", now=now)
    assert set(err.value.errors) == {"reason"}
    with pytest.raises(ValidationError) as err:
        policies.revoke_selected(session, manager, [lead.id], target="employee", employee_id="", reason="x", now=now)
    assert set(err.value.errors) == {"employee_id"}


def test_the_settings_refuse_bad_values_field_by_field(session, now, demo):
    with pytest.raises(ValidationError) as err:
        policies.save_policy(session, actor(session, "E01"), {"name": "", "condition": "??", "threshold": "0",
                                                              "warn_hours": "x", "action": "rule"}, now=now)
    assert set(err.value.errors) >= {"name", "condition", "threshold", "warn_hours", "rule_id"}
    policy(session, now)
    with pytest.raises(ValidationError) as err:
        policy(session, now, warn="48")
    assert set(err.value.errors) == {"name", "warn_hours"}
    with pytest.raises(PermissionDenied):
        policies.save_policy(session, actor(session, "E02"), {"name": "Mine"}, now=now)


def test_a_stale_edit_is_refused_naming_who_saved(session, now, demo):
    saved = policy(session, now)
    admin = actor(session, "E01")
    data = {"name": saved.name, "condition": saved.condition, "threshold": "48", "warn_hours": "12"}
    policies.save_policy(session, admin, data, now=now, policy_id=saved.id, expected_version=saved.version)
    with pytest.raises(versions.EditConflict, match="Asha Patel saved this policy meanwhile"):
        policies.save_policy(session, admin, data | {"warn_hours": "6"}, now=now, policy_id=saved.id,
                             expected_version=saved.version)


def test_a_policy_that_warned_can_be_deleted_with_its_warnings(session, now, demo):
    saved = policy(session, now)
    assigned_lead(session, now)
    assert run(session, now + 25 * H)["warn"]  # a revoke_step row now points at the policy
    assert policies.delete_policy(session, actor(session, "E01"), saved.id) == saved.name
    session.flush()
    assert [p.name for p in policies.list_policies(session, actor(session, "E01"))] == ["No follow-up in 48 hours"]
