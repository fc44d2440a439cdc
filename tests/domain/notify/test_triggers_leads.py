"""Who hears of a lead's assignment and moves, on which channels, and who does not:
nobody of their own action, nobody when the save is rolled back, nobody on a channel
they switched off; outside contacts only in customer-facing words."""
from __future__ import annotations

from sqlmodel import select

from hoffice_app.domain import notify
from hoffice_app.domain.funnel import move_lead, stages
from hoffice_app.domain.leads import bulk_assign
from hoffice_app.domain.leads import save as leads
from hoffice_app.domain.masters import settings
from hoffice_app.models import Contact, LeadAlsoNotify, LeadFollower, Notification, OutboxMessage
from tests.contact_factory import make_contact
from tests.domain.leads.test_lead_list_helpers import actor, demo, employee_id, engine, new_lead  # noqa: F401
from tests.domain.notify.configured import mail_and_sms  # noqa: F401


def bell_of(session, code: str) -> list[str]:
    return [n.title for n in session.exec(select(Notification).where(
        Notification.recipient_id == employee_id(session, code)).order_by(Notification.id))]


def outbox(session) -> list[tuple[str, str, str]]:
    return [(m.channel, m.to, m.event) for m in session.exec(select(OutboxMessage).order_by(OutboxMessage.id))]


def test_the_new_assignee_hears_on_every_channel_and_the_actor_hears_nothing(session, now, demo, mail_and_sms):
    lead = new_lead(session, now, "Rooftop solar", created_by="E02", assigned_to="E03")
    assert bell_of(session, "E03") == [f"{lead.code} assigned to you"]
    assert bell_of(session, "E01") == []  # E01 saved it (new_lead saves as the administrator)
    sent = outbox(session)
    assert ("email", "neha.joshi@example.com", "lead_assigned") in sent
    assert any(channel == "sms" and to.startswith("+91") for channel, to, _ in sent)
    mail = session.exec(select(OutboxMessage).where(OutboxMessage.channel == "email")).first()
    assert lead.code in mail.subject and f"https://crm.example.com/leads/{lead.code}" in mail.text
    assert f'href="https://crm.example.com/leads/{lead.code}"' in mail.html


def test_re_assigning_tells_the_new_one_and_the_previous_one_in_the_app(session, now, demo):
    lead = new_lead(session, now, "Inverter", assigned_to="E03")
    bulk_assign(session, actor(session, "E02"), [lead.id], employee_id(session, "E05"), now=now)
    assert bell_of(session, "E05") == [f"{lead.code} assigned to you"]
    assert bell_of(session, "E03") == [f"{lead.code} assigned to you", f"{lead.code} re-assigned"]
    assert bell_of(session, "E02") == []


def test_assigning_to_oneself_notifies_no_one(session, now, demo):
    data = {"title": "Mine", "contact_code": session.exec(select(Contact.code)).first() or "",
            "assigned_to_id": str(employee_id(session, "E01"))}
    if not data["contact_code"]:
        new_lead(session, now, "makes a contact")
        data["contact_code"] = session.exec(select(Contact.code)).first()
    before = session.exec(select(Notification)).all()
    leads.save_lead(session, actor(session, "E01"), data, now=now)
    assert session.exec(select(Notification)).all() == before


def test_a_rolled_back_save_leaves_no_notification(session, now, demo):
    code = session.get(Contact, new_lead(session, now, "first").contact_id).code
    session.commit()
    leads.save_lead(session, actor(session, "E02"), {"title": "Never", "contact_code": code,
                                                      "assigned_to_id": str(employee_id(session, "E03"))}, now=now)
    assert len(bell_of(session, "E03")) == 1
    session.rollback()
    assert bell_of(session, "E03") == []


def test_an_employee_who_switched_a_channel_off_does_not_get_it(session, now, demo, mail_and_sms):
    neha = actor(session, "E03")
    notify.set_my_preference(session, neha, "lead_assigned", "in_app", False)
    notify.set_my_preference(session, neha, "lead_assigned", "sms", False)
    new_lead(session, now, "Quiet", assigned_to="E03")
    assert bell_of(session, "E03") == []
    assert [c for c, _, _ in outbox(session)] == ["email"]


def test_a_move_tells_the_assignee_and_employee_followers_but_not_the_mover(session, now, demo):
    lead = new_lead(session, now, "Battery", assigned_to="E03", followers=("E05", "E04"))
    session.flush()
    won = next(s for s in stages(session, lead.funnel_id) if s.kind == "won")
    move_lead(session, actor(session, "E04"), lead.id, won.id, expected_version=lead.version, now=now)
    assert bell_of(session, "E03")[-1] == f"{lead.code} won"
    assert bell_of(session, "E05")[-1] == f"{lead.code} won"
    assert f"{lead.code} won" not in bell_of(session, "E04")


def test_the_won_message_gives_the_value_in_the_company_currency(session, now, demo):
    lead = new_lead(session, now, "Big order", assigned_to="E03", value="10678400")
    won = next(s for s in stages(session, lead.funnel_id) if s.kind == "won")
    move_lead(session, actor(session, "E01"), lead.id, won.id, expected_version=lead.version, now=now)
    (body,) = session.exec(select(Notification.body).where(Notification.event == "lead_won",
                                                           Notification.recipient_id == employee_id(session, "E03")))
    assert "(₹1,06,78,400)" in body
    settings.put(session, "default_currency", "USD")
    assert notify.lead_values(session, lead, None, "Admin")["lead.value"] == "$10,678,400"
    lead.estimated_value = None
    assert notify.lead_values(session, lead, None, "Admin")["lead.value"] == ""


def test_outside_followers_get_customer_words_by_their_own_channel(session, now, demo, mail_and_sms):
    admin = actor(session, "E01")
    outsider = make_contact(session, admin, now, "Outside Follower", emails=["follower@example.org"])
    lead = new_lead(session, now, "Secret project", assigned_to="E03", value="250000")
    session.add(LeadFollower(lead_id=lead.id, contact_id=outsider.id))
    session.flush()
    nxt = next(s for s in stages(session, lead.funnel_id) if s.kind == "open" and s.id != lead.stage_id)
    move_lead(session, admin, lead.id, nxt.id, expected_version=lead.version, now=now)
    (mail,) = session.exec(select(OutboxMessage).where(OutboxMessage.event == "contact_update")).all()
    assert mail.to == "follower@example.org"
    assert lead.code in mail.text and nxt.name in mail.text and "Outside Follower" in mail.text
    assert "50,000" not in mail.text and "₹" not in mail.text  # the value, as staff read it (₹2,50,000)
    assert "Secret project" not in mail.text and "Neha" not in mail.text


def test_an_outside_follower_who_wants_nothing_gets_nothing(session, now, demo, mail_and_sms):
    admin = actor(session, "E01")
    outsider = make_contact(session, admin, now, "No Thanks", emails=["no@example.org"], notification_channel="none")
    lead = new_lead(session, now, "Quiet deal", assigned_to="E03")
    session.add(LeadFollower(lead_id=lead.id, contact_id=outsider.id))
    session.flush()
    nxt = next(s for s in stages(session, lead.funnel_id) if s.kind == "open" and s.id != lead.stage_id)
    move_lead(session, admin, lead.id, nxt.id, expected_version=lead.version, now=now)
    assert session.exec(select(OutboxMessage).where(OutboxMessage.event == "contact_update")).all() == []


def _move_on(session, who, lead):
    nxt = next(s for s in stages(session, lead.funnel_id) if s.kind == "open" and s.id != lead.stage_id)
    move_lead(session, who, lead.id, nxt.id, expected_version=lead.version, now=lead.updated_at or lead.created_at)


def test_two_outsiders_sharing_an_email_address_each_get_their_own_sms(session, now, demo, mail_and_sms):
    admin = actor(session, "E01")
    lead = new_lead(session, now, "Shared inbox", assigned_to="E03")
    for name, mobile in (("Ravi Kumar", "+919825011111"), ("Meena Kumar", "+919825022222")):
        person = make_contact(session, admin, now, name, emails=["family@example.org"], mobiles=[mobile],
                              notification_channel="both")
        session.add(LeadFollower(lead_id=lead.id, contact_id=person.id))
    session.flush()
    _move_on(session, admin, lead)
    sent = {(c, to) for c, to, event in outbox(session) if event == "contact_update"}
    assert sent == {("email", "family@example.org"), ("sms", "+919825011111"), ("sms", "+919825022222")}


def test_an_address_no_server_would_take_is_skipped_and_the_move_and_the_rest_go_on(session, now, demo,
                                                                                    mail_and_sms):
    admin = actor(session, "E01")
    outsider = make_contact(session, admin, now, "Good Address", emails=["good@example.org"])
    lead = new_lead(session, now, "Imported long ago", assigned_to="E03", contact=outsider)
    session.add(LeadAlsoNotify(lead_id=lead.id, channel="email", value="not an address"))
    long_one = ("x" * 120) + "@example.org"  # fine, but longer than a message key may be
    session.add(LeadAlsoNotify(lead_id=lead.id, channel="email", value=long_one))
    session.add(LeadFollower(lead_id=lead.id, contact_id=outsider.id))
    session.flush()
    _move_on(session, admin, lead)  # no error: the move is saved
    queued = [to for c, to, event in outbox(session) if event == "contact_update"]
    assert sorted(queued) == sorted(["good@example.org", long_one])
