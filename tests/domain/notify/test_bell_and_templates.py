"""The bell reads only its owner's rows and never links to a lead they can no longer see;
templates refuse unknown placeholders and keep customer wording free of internal facts;
preferences change only the employee's own channels."""
from __future__ import annotations

import pytest
from sqlmodel import select

from hoffice_app.domain import notify
from hoffice_app.domain.common import NotFound, PermissionDenied, ValidationError
from hoffice_app.domain.leads import bulk_assign
from hoffice_app.models import Notification
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine, new_lead  # noqa: F401


def test_unread_count_panel_and_marking_read(session, now, demo):
    for title in ("One", "Two", "Three"):
        new_lead(session, now, title, assigned_to="E03")
    neha = actor(session, "E03")
    assert notify.bell.unread_count(session, neha) == 3
    items = notify.bell.latest(session, neha)
    assert [i.unread for i in items] == [True] * 3 and items[0].id > items[-1].id  # newest first
    notify.bell.mark_read(session, neha, items[0].id, now=now)
    assert notify.bell.unread_count(session, neha) == 2
    assert notify.bell.mark_all_read(session, neha, now=now) == 2
    assert notify.bell.unread_count(session, neha) == 0


def test_nobody_can_read_or_mark_someone_elses_notification(session, now, demo):
    new_lead(session, now, "Hers", assigned_to="E03")
    (note,) = session.exec(select(Notification)).all()
    other = actor(session, "E05")
    assert notify.bell.latest(session, other) == []
    with pytest.raises(NotFound):
        notify.bell.mark_read(session, other, note.id, now=now)
    assert session.get(Notification, note.id).read_at is None


def test_a_lead_taken_away_keeps_its_notification_but_loses_the_link(session, now, demo):
    lead = new_lead(session, now, "Moves on", assigned_to="E03")
    bulk_assign(session, actor(session, "E01"), [lead.id], employee_id(session, "E05"), now=now)
    items = notify.bell.latest(session, actor(session, "E03"))
    assert [i.link for i in items] == ["", ""]
    assert notify.bell.latest(session, actor(session, "E05"))[0].link == f"/leads/{lead.code}"


def test_pages_go_back_in_time_without_repeats(session, now, demo):
    for n in range(7):
        new_lead(session, now, f"Lead {n}", assigned_to="E03")
    neha = actor(session, "E03")
    first, more = notify.bell.page(session, neha, limit=5)
    rest, more_after = notify.bell.page(session, neha, before_id=first[-1].id, limit=5)
    assert more and not more_after and len(first) + len(rest) == 7
    assert len({i.id for i in first + rest}) == 7


def test_an_unknown_placeholder_is_refused_by_name(session, now, demo):
    admin = actor(session, "E01")
    with pytest.raises(ValidationError) as err:
        notify.save_template(session, admin, "lead_assigned", "email",
                             {"subject": "{lead.cod} is yours", "body": "Hi {recipient.name}"}, now=now)
    assert "{lead.cod}" in err.value.errors["subject"]
    with pytest.raises(ValidationError) as err:
        notify.save_template(session, admin, "contact_update", "email",
                             {"subject": "x", "body": "Worth {lead.value}"}, now=now)
    assert "{lead.value}" in err.value.errors["body"]  # customers never see internal values


def test_a_saved_template_is_used_and_reset_goes_back_to_the_built_in(session, now, demo):
    admin = actor(session, "E01")
    notify.save_template(session, admin, "lead_assigned", "in_app",
                         {"subject": "New for you: {lead.code}", "body": "{lead.title}"}, now=now)
    lead = new_lead(session, now, "Templated", assigned_to="E03")
    assert notify.bell.latest(session, actor(session, "E03"))[0].title == f"New for you: {lead.code}"
    notify.reset_template(session, admin, "lead_assigned", "in_app")
    built_in = notify.wording(session, notify.Event.ASSIGNED, notify.Channel.IN_APP)
    assert built_in.subject == "{lead.code} assigned to you"


def test_under_dlt_an_sms_template_needs_its_template_id(session, now, demo):
    admin = actor(session, "E01")
    with pytest.raises(ValidationError) as err:
        notify.save_template(session, admin, "lead_assigned", "sms", {"body": "{lead.code} is yours"}, now=now,
                             dlt_required=True)
    assert "DLT" in err.value.errors["dlt_template_id"]
    notify.save_template(session, admin, "lead_assigned", "sms", {"body": "{lead.code} is yours",
                                                                  "dlt_template_id": "1107161234567890123"},
                         now=now, dlt_required=True)


def test_only_an_administrator_edits_templates_and_company_defaults(session, now, demo):
    with pytest.raises(PermissionDenied):
        notify.save_template(session, actor(session, "E02"), "lead_assigned", "email", {"body": "x"}, now=now)
    with pytest.raises(PermissionDenied):
        notify.save_company_defaults(session, actor(session, "E03"), {"lead_assigned": ["in_app"]}, now=now)


def test_company_defaults_apply_until_the_employee_chooses(session, now, demo):
    admin, neha = actor(session, "E01"), actor(session, "E03")
    notify.save_company_defaults(session, admin, {"lead_stage": ["email"]}, now=now)
    row = next(r for r in notify.my_preferences(session, neha) if r.event == "lead_stage")
    assert row.channels == {"in_app": False, "email": True, "sms": None}
    notify.set_my_preference(session, neha, "lead_stage", "in_app", True)
    row = next(r for r in notify.my_preferences(session, neha) if r.event == "lead_stage")
    assert row.channels["in_app"] is True
    other = next(r for r in notify.my_preferences(session, actor(session, "E05")) if r.event == "lead_stage")
    assert other.channels["in_app"] is False
    with pytest.raises(ValidationError):
        notify.set_my_preference(session, neha, "lead_stage", "sms", True)  # stage changes are not sent by SMS
