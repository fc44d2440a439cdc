"""The administrator's settings of assignment rules: each problem named next to its field,
only administrators, one fallback, an edit refused when the rule was saved meanwhile, a rule a
revoke policy uses kept, and the order changed without touching the rules' versions."""
import pytest
from sqlmodel import select

from hoffice_app.domain.assignment import delete_rule, form_values, list_rules, move_rule, save_rule
from hoffice_app.domain.common import DomainError, PermissionDenied, ValidationError, versions
from hoffice_app.domain.org import set_active
from hoffice_app.models import RevokePolicy
from tests.domain.assignment.helpers import actor, demo, employee_id, engine, master_id, rule, website  # noqa: F401


def _refused(session, now, data, **kw) -> dict:
    with pytest.raises(ValidationError) as err:
        save_rule(session, actor(session, "E01"), data, now=now, **kw)
    return err.value.errors


def test_each_problem_is_named_next_to_its_field(session, now, demo):  # noqa: F811
    set_active(session, actor(session, "E01"), employee_id(session, "E04"), False, now=now)
    errors = _refused(session, now, {"name": " ", "method": "lottery", "cap": "0",
                                     "members": [{"id": employee_id(session, "E04"), "weight": 1}],
                                     "conditions": {"source_ids": ["1"], "lead_type_ids": ["999999"]}})
    assert set(errors) == {"name", "method", "cap", "members", "source_ids", "lead_type_ids"}
    assert errors["members"].endswith("is inactive: choose active employees only.")
    errors = _refused(session, now, {"name": "Heavy", "members": [{"id": employee_id(session, "E03"), "weight": 101}]})
    assert set(errors) == {"weights"}
    assert _refused(session, now, {"name": "Nobody", "members": []}) == {
        "members": "Choose at least one employee to receive the leads."}


def test_names_are_unique_and_only_one_rule_is_the_fallback(session, now, demo):  # noqa: F811
    rule(session, now, "Everything else", ["E05"], fallback=True)
    members = [{"id": employee_id(session, "E03")}]
    assert set(_refused(session, now, {"name": "everything ELSE", "members": members})) == {"name"}
    assert set(_refused(session, now, {"name": "Second", "members": members, "is_fallback": True})) == {"is_fallback"}


def test_only_administrators_see_or_change_rules(session, now, demo):  # noqa: F811
    with pytest.raises(PermissionDenied):
        list_rules(session, actor(session, "E02"))
    with pytest.raises(PermissionDenied):
        save_rule(session, actor(session, "E02"), {"name": "Mine", "members": []}, now=now)


def test_an_edit_against_an_older_version_is_refused(session, now, demo):  # noqa: F811
    view = rule(session, now, "Website inquiries", ["E03"], **website(session))
    data = form_values(view)
    admin = actor(session, "E01")
    payload = {"name": "Renamed", "members": [{"id": employee_id(session, "E04")}], "conditions": website(session)}
    save_rule(session, admin, payload, rule_id=view.id, expected_version=data["version"], now=now)
    with pytest.raises(versions.EditConflict):
        save_rule(session, admin, payload | {"name": "Again"}, rule_id=view.id, expected_version=data["version"],
                  now=now)
    assert [r.name for r in list_rules(session, admin)] == ["Renamed"]


def test_the_list_reads_in_words_and_moves_keep_versions(session, now, demo):  # noqa: F811
    first = rule(session, now, "Website inquiries", ["E03", "E04"], cap=20, **website(session))
    second = rule(session, now, "Pune", ["E05"], method="fewest_open", cities=["pune"])
    rule(session, now, "Everything else", ["E05"], fallback=True)
    admin = actor(session, "E01")
    move_rule(session, admin, second.id, -1)
    rows = list_rules(session, admin)
    assert [r.name for r in rows] == ["Pune", "Website inquiries", "Everything else"]
    assert rows[1].conditions_text == "Source: Campaign / activity (Website)"
    assert (rows[1].cap_text, rows[1].version) == ("20 open", first.version)  # moving is not an edit
    assert rows[1].members_text == ", ".join(m.name for m in first.members)
    assert rows[0].conditions_text == "City: Pune" and rows[0].method_label == "Fewest open leads"
    assert rows[2].is_fallback


def test_a_rule_a_revoke_policy_uses_cannot_be_deleted(session, now, demo):  # noqa: F811
    used = rule(session, now, "Used", ["E03"])
    spare = rule(session, now, "Spare", ["E03"])
    session.add(RevokePolicy(name="Idle leads", condition="no_activity", hours=72, action="rule", rule_id=used.id,
                             created_at=now, updated_at=now))
    session.flush()
    admin = actor(session, "E01")
    with pytest.raises(DomainError, match="Idle leads"):
        delete_rule(session, admin, used.id)
    delete_rule(session, admin, spare.id)
    assert [r.name for r in list_rules(session, admin)] == ["Used"]
    assert session.exec(select(RevokePolicy).where(RevokePolicy.name == "Idle leads")).one().rule_id == used.id
    assert master_id(session, "campaign", "Website")
