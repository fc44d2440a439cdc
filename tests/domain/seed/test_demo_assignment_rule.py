"""The demo's assignment rule "Website inquiries" (Website campaign, round robin E03–E05):
added once by the demo seed, never twice, never over an administrator's own rules."""
from hoffice_app.domain.assignment import list_rules
from hoffice_app.domain.seed import seed_demo_rules
from tests.contact_factory import actor, demo, engine  # noqa: F401
from tests.domain.assignment.helpers import rule


def test_the_demo_rule_is_added_once(session, now, demo):  # noqa: F811
    assert seed_demo_rules(session, now=now) == 1
    assert seed_demo_rules(session, now=now) == 0
    [view] = list_rules(session, actor(session, "E01"))
    assert (view.name, view.method, view.conditions_text) == ("Website inquiries", "round_robin",
                                                              "Source: Campaign / activity (Website)")
    assert [m.id for m in view.members] == [actor(session, c).id for c in ("E03", "E04", "E05")]


def test_an_administrators_own_rules_are_left_alone(session, now, demo):  # noqa: F811
    rule(session, now, "Mine", ["E03"])
    assert seed_demo_rules(session, now=now) == 0
    assert [r.name for r in list_rules(session, actor(session, "E01"))] == ["Mine"]
