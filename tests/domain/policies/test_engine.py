"""The engine with the clock passed in: each condition counts from its own moment, warns and
escalates before, revokes at the threshold, once; closed and held leads are exempt; a
person's save in between wins; a second pass at the same moment changes nothing."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from hoffice_app.domain import followups, funnel, policies
from hoffice_app.models import FollowUp, Notification
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine  # noqa: F401
from tests.domain.policies.helpers import assigned_lead, holder, policy, run

H = timedelta(hours=1)


def bell(session, code: str) -> list[str]:
    return [n.event for n in session.exec(select(Notification).where(
        Notification.recipient_id == employee_id(session, code)).order_by(Notification.id))]


def test_no_follow_up_done_warns_at_24_hours_and_revokes_to_the_pool_at_48(session, now, demo):
    policy(session, now)
    lead = assigned_lead(session, now)
    assert run(session, now + 23 * H) == {"warn": [], "escalate": [], "revoke": [], "skipped": []}
    assert run(session, now + 25 * H)["warn"] == [lead.code]
    assert "revoke_warning" in bell(session, "E03")
    assert run(session, now + 26 * H)["warn"] == []  # warned once
    assert holder(session, lead) == employee_id(session, "E03")
    assert run(session, now + 48 * H)["revoke"] == [lead.code]
    assert holder(session, lead) is None
    assert "lead_revoked" in bell(session, "E03") and "lead_revoked" in bell(session, "E02")  # and their manager
    assert run(session, now + 48 * H) == {"warn": [], "escalate": [], "revoke": [], "skipped": []}  # idempotent


def test_a_follow_up_completed_after_the_assignment_stops_the_count(session, now, demo):
    policy(session, now)
    lead = assigned_lead(session, now)
    view = followups.schedule(session, actor(session, "E03"), lead.id, {"kind": "call", "due_at": "2026-03-03T10:00"},
                              now=now + H)
    followups.complete(session, actor(session, "E03"), view.id, "Spoke to them", None, now=now + 2 * H)
    assert run(session, now + 50 * H)["revoke"] == []
    assert holder(session, lead) == employee_id(session, "E03")


def test_an_overdue_follow_up_counts_from_its_due_time(session, now, demo):
    policy(session, now, "Overdue a day", condition="followup_overdue", threshold="24", warn="4")
    lead = assigned_lead(session, now)
    followups.schedule(session, actor(session, "E03"), lead.id, {"kind": "call", "due_at": "2026-03-02T16:00"},
                       now=now)  # 10:30 UTC (Asia/Kolkata)
    due = session.exec(select(FollowUp.due_at).where(FollowUp.lead_id == lead.id)).one()
    assert run(session, due + 19 * H)["warn"] == []
    assert run(session, due + 21 * H)["warn"] == [lead.code]
    assert run(session, due + 24 * H)["revoke"] == [lead.code]


def test_no_activity_counts_from_the_last_line_on_the_timeline(session, now, demo):
    policy(session, now, "Quiet for 3 days", condition="no_activity", threshold="3", warn="0")
    lead = assigned_lead(session, now)
    followups.schedule(session, actor(session, "E03"), lead.id, {"kind": "call", "due_at": "2026-03-20T10:00"},
                       now=now + 48 * H)  # activity two days in
    assert run(session, now + 72 * H + H)["revoke"] == []
    assert run(session, now + 48 * H + 72 * H)["revoke"] == [lead.code]


def test_a_stage_that_does_not_move_counts_from_entering_it(session, now, demo):
    policy(session, now, "Stuck a week", condition="stage_stale", threshold="7", warn="24")
    lead = assigned_lead(session, now)
    stages = funnel.stages(session, lead.funnel_id)
    nxt = next(s for s in stages if s.kind == "open" and s.id != lead.stage_id)
    funnel.move_lead(session, actor(session, "E03"), lead.id, nxt.id, expected_version=lead.version, now=now + 48 * H)
    assert run(session, now + 7 * 24 * H)["revoke"] == []  # it moved on day 2
    assert run(session, now + 9 * 24 * H)["revoke"] == [lead.code]


def test_closed_and_held_leads_and_leads_out_of_scope_are_left_alone(session, now, demo):
    policy(session, now, scope={"priority_ids": []}, warn="0")
    closed = assigned_lead(session, now, "Closed one", is_open=False)
    held = assigned_lead(session, now, "Held one")
    policies.set_hold(session, actor(session, "E02"), held.id, True, now=now)
    open_one = assigned_lead(session, now, "Open one")
    assert run(session, now + 49 * H)["revoke"] == [open_one.code]
    assert holder(session, closed) and holder(session, held)


def test_the_scope_narrows_by_priority_and_by_the_assignees_division(session, now, demo):
    from tests.contact_factory import master_id

    high = master_id(session, "lead_priority", "High")
    policy(session, now, scope={"priority_ids": [str(high)]}, warn="0")
    urgent = assigned_lead(session, now, "Urgent", priority="High")
    assigned_lead(session, now, "Not urgent", priority="Low")
    assert run(session, now + 49 * H)["revoke"] == [urgent.code]


def test_escalation_tells_the_manager_after_the_warning_then_revokes_to_the_manager(session, now, demo):
    policy(session, now, warn="24", manager="6", action="manager")
    lead = assigned_lead(session, now)
    assert run(session, now + 25 * H)["warn"] == [lead.code]
    assert run(session, now + 43 * H)["escalate"] == [lead.code]
    assert "revoke_escalation" in bell(session, "E02")
    assert run(session, now + 48 * H)["revoke"] == [lead.code]
    assert holder(session, lead) == employee_id(session, "E02")


def test_a_person_saving_the_lead_meanwhile_wins_and_the_next_pass_looks_again(session, now, demo):
    policy(session, now, warn="0")
    lead = assigned_lead(session, now)
    found = policies.due_leads(session, policies.list_policies(session, actor(session, "E01"))[0], now=now + 49 * H)
    lead.title = "Edited by a person"  # saved between the engine's read and its write
    session.add(lead)
    session.flush()
    result = policies.revoke_leads(session, [(d.lead_id, d.version) for d in found], policies.Target("pool"),
                                   reason="test", now=now + 49 * H)
    assert result.revoked == () and result.skipped == (lead.code,)
    assert holder(session, lead) == employee_id(session, "E03")
    assert run(session, now + 49 * H)["revoke"] == [lead.code]  # re-evaluated, then revoked


def test_simulate_and_run_agree(session, now, demo):
    policy(session, now)
    a, b = assigned_lead(session, now, "A"), assigned_lead(session, now - 30 * H, "B")
    at = now + 25 * H
    simulated = policies.run(session, now=at, dry_run=True).as_dict()
    assert simulated == {"warn": [a.code], "escalate": [], "revoke": [b.code], "skipped": []}
    assert holder(session, b) == employee_id(session, "E03")  # the dry run wrote nothing
    assert run(session, at) == simulated


def test_the_preview_buckets_what_is_coming_with_counts_per_assignee(session, now, demo):
    saved = policy(session, now, enabled=False)
    assigned_lead(session, now - 50 * H, "Past due")
    assigned_lead(session, now - 10 * H, "Warned within the day")
    assigned_lead(session, now, "Later this week", to="E04")
    found = policies.preview(session, saved, now=now)
    assert [(r.step, r.title) for r in found.now] == [("revoke", "Past due")]
    assert ("warn", "Warned within the day") in [(r.step, r.title) for r in found.day]
    assert ("revoke", "Later this week") in [(r.step, r.title) for r in found.week]
    assert found.per_assignee[employee_id(session, "E04")]["week"] >= 1


def test_the_countdown_shows_inside_the_warning_window(session, now, demo):
    policy(session, now)
    lead = assigned_lead(session, now)
    assert policies.countdowns(session, [lead.id], now=now + 20 * H) == {}
    shown = policies.countdowns(session, [lead.id], now=now + 43 * H)[lead.id]
    assert shown.text == "Revoked in 5 h unless a follow-up is completed"


def test_a_policy_through_an_assignment_rule_hands_the_lead_to_a_member(session, now, demo):
    from tests.domain.assignment.helpers import rule

    chosen = rule(session, now, "Overflow desk", ["E05"])
    policy(session, now, warn="0", action="rule", rule_id=str(chosen.id))
    lead = assigned_lead(session, now)
    assert run(session, now + 49 * H)["revoke"] == [lead.code]
    assert holder(session, lead) == employee_id(session, "E05")
    assert "lead_assigned" in bell(session, "E05") and "lead_revoked" in bell(session, "E03")


def test_the_scope_narrows_to_the_assignees_divisions(session, now, demo):
    from hoffice_app.models import EmployeeDivision, MasterEntry

    first, second = session.exec(select(MasterEntry.id).where(MasterEntry.kind == "division")
                                 .order_by(MasterEntry.id)).all()[:2]
    e04 = employee_id(session, "E04")
    for row in session.exec(select(EmployeeDivision).where(EmployeeDivision.employee_id == e04,
                                                           EmployeeDivision.division_id == first)):
        session.delete(row)  # E04 works in the second division only
    session.flush()
    policy(session, now, warn="0", scope={"division_ids": [str(first)]})
    in_team = assigned_lead(session, now, "In the division", to="E03")
    outside = assigned_lead(session, now, "Outside it", to="E04")
    assert run(session, now + 49 * H)["revoke"] == [in_team.code]
    assert holder(session, outside) == e04
    assert second
