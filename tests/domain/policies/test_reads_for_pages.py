"""What the pages read besides the actions: the enabled assignment rules a bulk revoke may use
(managers only) and whether a lead is on hold (anyone who may see it)."""
from __future__ import annotations

import pytest

from hoffice_app.domain import policies
from hoffice_app.domain.common import NotFound, PermissionDenied
from hoffice_app.models import AssignmentRule
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine  # noqa: F401
from tests.domain.policies.helpers import assigned_lead


def test_rule_options_are_the_enabled_rules_in_order_for_managers_only(session, now, demo):
    assert policies.rule_options(session, actor(session, "E02")) == []
    stamp = {"created_at": now, "updated_at": now}
    session.add_all([AssignmentRule(name="Second", position=2, **stamp),
                     AssignmentRule(name="First", position=1, **stamp),
                     AssignmentRule(name="Off", position=0, enabled=False, **stamp)])
    session.flush()
    assert [o.label for o in policies.rule_options(session, actor(session, "E01"))] == ["First", "Second"]
    with pytest.raises(PermissionDenied):
        policies.rule_options(session, actor(session, "E03"))


def test_is_on_hold_follows_set_hold(session, now, demo):
    lead = assigned_lead(session, now)
    assert policies.is_on_hold(session, actor(session, "E03"), lead.id) is False
    policies.set_hold(session, actor(session, "E02"), lead.id, True, now=now)
    assert policies.is_on_hold(session, actor(session, "E03"), lead.id) is True
    with pytest.raises(NotFound):
        policies.is_on_hold(session, actor(session, "E02"), 999_999)
